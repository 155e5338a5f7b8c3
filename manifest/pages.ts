// Owns the contract between the manifests and the front-end build: entry pages, the event script, icon files and
// command ids.
//
// Dependency-free on purpose: webpack.config, the manifest generator and the tests all read these lists, so a page the
// manifests name can never be missing from the build without a test saying so.

/** Which SDK an entry page loads: office.js blanks a Teams iframe and teams-js hangs 60 s outside Teams (reference §4.4). */
export type PageSdk = "office" | "teams" | "none";

/** One HTML entry page of the front end, served at the root of the hosting origin. */
export interface EntryPage {
  /** webpack entry name (also the HtmlWebpackPlugin chunk name). */
  readonly name: string;
  /** File name in the build output, served as `https://<origin>/<file>`; never hashed, since manifests name it. */
  readonly file: string;
  /** The one SDK the page may load. */
  readonly sdk: PageSdk;
  /** True when a manifest points at this page, so its absence breaks a sideload. */
  readonly isNamedByManifest: boolean;
  /** What the page is for, for whoever writes it. */
  readonly purpose: string;
}

/** Every HTML entry of the front end. The front end may add pages; it must not drop or rename these. */
export const ENTRY_PAGES = [
  {
    name: "taskpane",
    file: "taskpane.html",
    sdk: "office",
    isNamedByManifest: true,
    purpose: "Outlook task pane (mail read/compose, appointment organizer/attendee); office.js from the CDN only",
  },
  {
    name: "commands",
    file: "commands.html",
    sdk: "office",
    isNamedByManifest: true,
    purpose:
      "Event runtime page for OnMessageSend in Outlook on the web, new Outlook and Mac: loads office.js then launchevent.js",
  },
  {
    name: "tab",
    file: "tab.html",
    sdk: "teams",
    isNamedByManifest: true,
    purpose: "Teams/Microsoft 365 personal tab and the meeting side panel content; teams-js only",
  },
  {
    name: "config",
    file: "config.html",
    sdk: "teams",
    isNamedByManifest: true,
    purpose: "Configuration page of the meeting tab (pages.config.setConfig → tab.html); teams-js only",
  },
  {
    name: "committee",
    file: "committee.html",
    sdk: "none",
    isNamedByManifest: false,
    purpose: "Ethics and control committee page, opened in a browser; no host SDK",
  },
] as const satisfies readonly EntryPage[];

/** File name of an entry page, as a literal union. */
export type EntryPageFile = (typeof ENTRY_PAGES)[number]["file"];

/**
 * The OnMessageSend handler script, served at the origin's root under this exact, unhashed name.
 * Classic Outlook on Windows loads it alone in a JavaScript-only runtime: one self-contained classic script (no
 * `import`, no chunk splitting, no webpack runtime that fetches other files), which must call
 * `Office.actions.associate(ON_MESSAGE_SEND_ACTION_ID, handler)`. commands.html loads the same file with a plain
 * `<script>` tag after office.js.
 */
export const LAUNCH_EVENT_SCRIPT = "launchevent.js";

/**
 * Function name of the OnMessageSend handler: the runtime action id in the unified manifest, `FunctionName` in the
 * XML one, and the first argument of `Office.actions.associate` in launchevent.js.
 */
export const ON_MESSAGE_SEND_ACTION_ID = "onMessageSendHandler";

/**
 * Id of the compose-mode task pane button, the same in both manifests. launchevent.js passes it as `commandId` to
 * `event.completed({ allowEvent: false, cancelLabel, commandId, errorMessage })` (Mailbox 1.14) so the Smart Alerts
 * dialog offers to open the task pane where the adviser validates the draft.
 */
export const COMPOSE_TASKPANE_COMMAND_ID = "GreffierComposeOpenPane";

/** Folder, under the origin's root and under the build output, that holds the Office icons. */
export const ICONS_PATH = "assets";

/** Source folder of the committed, generated icons (relative to the repository); webpack copies it to `ICONS_PATH`. */
export const ICONS_SOURCE_DIR = "manifest/assets";

/**
 * Office icon sizes in pixels: 16/32/80 for ribbon buttons, 64/128 for the XML IconUrl/HighResolutionIconUrl, and
 * 25/32/48 at scales 1–3 (25, 50, 75, 32, 64, 96, 48, 96, 144) for Outlook mobile buttons.
 */
export const OFFICE_ICON_SIZES = [16, 25, 32, 48, 50, 64, 75, 80, 96, 128, 144] as const;

/** One Office icon size. */
export type OfficeIconSize = (typeof OFFICE_ICON_SIZES)[number];

/**
 * File name of the Office icon of a given size, e.g. `icon-16.png`.
 * @param size - Edge of the square icon, in pixels.
 * @returns The file name, relative to `ICONS_PATH`.
 */
export function officeIconFile(size: OfficeIconSize): string {
  return `icon-${size}.png`;
}

/**
 * The two icons of the Teams/Microsoft 365 app package, at the root of the zip. Teams rejects a colour icon that is
 * not 192×192 and an outline icon that is not 32×32, white on transparent.
 */
export const APP_PACKAGE_ICONS = {
  color: { file: "color.png", size: 192 },
  outline: { file: "outline.png", size: 32 },
} as const;

/** Every icon file under `ICONS_SOURCE_DIR`: the Office sizes plus the two app package icons. */
export const ICON_FILES: readonly string[] = [
  ...OFFICE_ICON_SIZES.map(officeIconFile),
  APP_PACKAGE_ICONS.color.file,
  APP_PACKAGE_ICONS.outline.file,
];
