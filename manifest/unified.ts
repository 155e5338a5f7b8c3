// Owns the unified Microsoft 365 manifest template: one app that is an Outlook add-in and a Teams personal tab and
// meeting side panel.
import type { TeamsManifestV1D24 } from "@microsoft/app-manifest";
import type { ManifestConfig } from "./manifest-config";
import {
  APP_PACKAGE_ICONS,
  COMPOSE_TASKPANE_COMMAND_ID,
  ICONS_PATH,
  LAUNCH_EVENT_SCRIPT,
  ON_MESSAGE_SEND_ACTION_ID,
  officeIconFile,
  type EntryPageFile,
  type OfficeIconSize,
} from "./pages";
import { BRAND_COLOR } from "./icons";
import { STRINGS } from "./strings";

/**
 * The manifest schema version, pinned in one place: 1.22 is the first with `webApplicationInfo.nestedAppAuthInfo`;
 * 1.24 is validated offline against the schema bundled in @microsoft/app-manifest.
 */
export const MANIFEST_VERSION = "1.24";

/** The `$schema` URL; @microsoft/app-manifest maps it to its bundled copy, so validation needs no network. */
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

/** The unified manifest's type at the pinned version. */
export type UnifiedManifest = TeamsManifestV1D24.TeamsManifestV1D24;

/** Mailbox requirement set floor of the task pane: pinning and ItemChanged arrive in 1.5; newer APIs are feature-detected. */
export const TASKPANE_MAILBOX_MIN = "1.5";

/** Mailbox requirement set of OnMessageSend (Smart Alerts); its `commandId` and send-mode override need 1.14, detected at run time. */
export const ON_SEND_MAILBOX_MIN = "1.12";

/** Runtime and action ids, shared with the XML template's resource ids and the tests. */
export const IDS = {
  taskpaneRuntime: "TaskPaneRuntime",
  showTaskpane: "ShowTaskPane",
  eventRuntime: "EventRuntime",
  onMessageSend: ON_MESSAGE_SEND_ACTION_ID,
  /** Group and button per command surface; the same ids in the XML manifest, so `commandId` works with both. */
  surfaces: {
    mailRead: { group: "GreffierReadGroup", control: "GreffierReadOpenPane" },
    mailCompose: { group: "GreffierComposeGroup", control: COMPOSE_TASKPANE_COMMAND_ID },
    meetingDetailsOrganizer: { group: "GreffierOrganizerGroup", control: "GreffierOrganizerOpenPane" },
    meetingDetailsAttendee: { group: "GreffierAttendeeGroup", control: "GreffierAttendeeOpenPane" },
  },
  personalTab: "greffier",
} as const;

/** The ribbon contexts the add-in appears in, each with its own group and button. */
export const RIBBON_CONTEXTS = [
  "mailRead",
  "mailCompose",
  "meetingDetailsOrganizer",
  "meetingDetailsAttendee",
] as const;

/**
 * The URL of an entry page or root file on the configured origin.
 * @param config - The resolved configuration.
 * @param file - A file at the origin's root.
 * @returns The absolute https URL.
 */
export function pageUrl(config: ManifestConfig, file: EntryPageFile | typeof LAUNCH_EVENT_SCRIPT): string {
  return `${config.origin}/${file}`;
}

/**
 * The URL of an Office icon on the configured origin.
 * @param config - The resolved configuration.
 * @param size - One of the generated sizes.
 * @returns The absolute https URL.
 */
export function iconUrl(config: ManifestConfig, size: OfficeIconSize): string {
  return `${config.origin}/${ICONS_PATH}/${officeIconFile(size)}`;
}

/**
 * Builds the unified manifest for one environment.
 * @param config - The resolved configuration.
 * @param version - The app version, `n.n.n`.
 * @returns The manifest, ready to serialise as manifest.json.
 */
export function buildUnifiedManifest(config: ManifestConfig, version: string): UnifiedManifest {
  const ribbonIcons = ([16, 32, 80] as const).map((size) => ({ size, url: iconUrl(config, size) }));
  const isMeeting = (context: (typeof RIBBON_CONTEXTS)[number]) => context.startsWith("meeting");
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    id: config.appId,
    version,
    name: { short: `${STRINGS.appName}${config.nameSuffix}`, full: `${STRINGS.appFullName}${config.nameSuffix}` },
    description: { short: STRINGS.descriptionShort, full: STRINGS.descriptionFull },
    developer: { ...config.developer },
    icons: { outline: APP_PACKAGE_ICONS.outline.file, color: APP_PACKAGE_ICONS.color.file },
    accentColor: BRAND_COLOR,
    localizationInfo: { defaultLanguageTag: "fr-fr" },
    validDomains: [config.host],
    webApplicationInfo: {
      id: config.entra.clientId,
      resource: config.applicationIdUri,
      // Lets Teams and Outlook prefetch the API token over NAA; the scope list must match the add-in's first request.
      nestedAppAuthInfo: [{ redirectUri: config.naaRedirectUri, scopes: [config.apiScope] }],
    },
    authorization: {
      // Read the item, write the draft into the body and the provenance header: ReadWriteItem, nothing broader.
      permissions: { resourceSpecific: [{ name: "MailboxItem.ReadWrite.User", type: "Delegated" }] },
    },
    // The pane records interviews (issue 17): Teams lets a tab use the microphone only when the app declares "media".
    devicePermissions: ["media"],
    staticTabs: [
      {
        entityId: IDS.personalTab,
        name: STRINGS.appName,
        contentUrl: pageUrl(config, "tab.html"),
        websiteUrl: pageUrl(config, "taskpane.html"),
        scopes: ["personal"],
        context: ["personalTab"],
      },
    ],
    configurableTabs: [
      {
        configurationUrl: pageUrl(config, "config.html"),
        canUpdateConfiguration: true,
        // Meetings live in group chats; camelCase "groupChat" (the older docs' "groupchat" fails the schema).
        scopes: ["groupChat"],
        context: ["meetingSidePanel", "meetingChatTab", "meetingDetailsTab"],
        meetingSurfaces: ["sidePanel"],
      },
    ],
    defaultGroupCapability: { groupchat: "tab", meetings: "tab" },
    extensions: [
      {
        requirements: { scopes: ["mail"], capabilities: [{ name: "Mailbox", minVersion: TASKPANE_MAILBOX_MIN }] },
        runtimes: [
          {
            requirements: { capabilities: [{ name: "Mailbox", minVersion: TASKPANE_MAILBOX_MIN }] },
            id: IDS.taskpaneRuntime,
            type: "general",
            code: { page: pageUrl(config, "taskpane.html") },
            lifetime: "short",
            actions: [{ id: IDS.showTaskpane, type: "openPage", view: "dashboard", pinnable: true }],
          },
          {
            requirements: { capabilities: [{ name: "Mailbox", minVersion: ON_SEND_MAILBOX_MIN }] },
            id: IDS.eventRuntime,
            type: "general",
            // Web, new Outlook and Mac load the page; classic Outlook on Windows runs the script alone.
            code: { page: pageUrl(config, "commands.html"), script: pageUrl(config, LAUNCH_EVENT_SCRIPT) },
            lifetime: "short",
            actions: [{ id: IDS.onMessageSend, type: "executeFunction", displayName: IDS.onMessageSend }],
          },
        ],
        ribbons: RIBBON_CONTEXTS.map((context) => ({
          contexts: [context],
          tabs: [
            {
              builtInTabId: "TabDefault",
              groups: [
                {
                  id: IDS.surfaces[context].group,
                  label: STRINGS.groupLabel,
                  icons: ribbonIcons,
                  controls: [
                    {
                      id: IDS.surfaces[context].control,
                      type: "button",
                      label: isMeeting(context) ? STRINGS.meetingButtonLabel : STRINGS.mailButtonLabel,
                      icons: ribbonIcons,
                      supertip: {
                        title: isMeeting(context) ? STRINGS.meetingButtonLabel : STRINGS.mailButtonLabel,
                        description: isMeeting(context) ? STRINGS.meetingButtonTooltip : STRINGS.mailButtonTooltip,
                      },
                      actionId: IDS.showTaskpane,
                    },
                  ],
                },
              ],
            },
          ],
        })),
        autoRunEvents: [
          {
            requirements: { capabilities: [{ name: "Mailbox", minVersion: ON_SEND_MAILBOX_MIN }], scopes: ["mail"] },
            events: [{ type: "messageSending", actionId: IDS.onMessageSend, options: { sendMode: config.sendMode } }],
          },
        ],
        // Where both are deployed, clients that read this manifest hide the XML add-in instead of showing it twice.
        alternates: [{ hide: { customOfficeAddin: { officeAddinId: config.xmlAddinId } } }],
      },
    ],
  };
}
