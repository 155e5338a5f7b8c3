// Owns the XML add-in-only manifest template (VersionOverrides 1.1) for the Outlook clients the unified manifest does
// not reach.
//
// Element order matters in this format: a misplaced element makes Outlook refuse the whole add-in, so the builder
// below emits children exactly in the XSD sequence (docs/develop/manifest-element-ordering.md).
import type { ManifestConfig, SendMode } from "./manifest-config";
import { LAUNCH_EVENT_SCRIPT, ON_MESSAGE_SEND_ACTION_ID, type OfficeIconSize } from "./pages";
import { STRINGS } from "./strings";
import { IDS, TASKPANE_MAILBOX_MIN, iconUrl, pageUrl } from "./unified";

/** An XML element: name, attributes in order, children (elements or text). */
interface XmlElement {
  readonly name: string;
  readonly attrs: ReadonlyArray<readonly [string, string]>;
  readonly children: ReadonlyArray<XmlElement | string>;
}

function el(name: string, attrs: Record<string, string> = {}, ...children: Array<XmlElement | string>): XmlElement {
  return { name, attrs: Object.entries(attrs), children };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function render(node: XmlElement, depth: number): string {
  const pad = "  ".repeat(depth);
  const attrs = node.attrs.map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join("");
  if (node.children.length === 0) return `${pad}<${node.name}${attrs}/>`;
  const [only] = node.children;
  if (node.children.length === 1 && typeof only === "string")
    return `${pad}<${node.name}${attrs}>${escapeXml(only)}</${node.name}>`;
  const inner = node.children.map((c) =>
    typeof c === "string" ? `${"  ".repeat(depth + 1)}${escapeXml(c)}` : render(c, depth + 1),
  );
  return [`${pad}<${node.name}${attrs}>`, ...inner, `${pad}</${node.name}>`].join("\n");
}

/** Namespaces of the add-in-only manifest. */
export const XML_NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  mailappor: "http://schemas.microsoft.com/office/mailappversionoverrides/1.0",
  overrides10: "http://schemas.microsoft.com/office/mailappversionoverrides",
  overrides11: "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
} as const;

/** The XML spelling of a send mode (`block` → `Block`). */
export function xmlSendMode(mode: SendMode): string {
  return mode.charAt(0).toUpperCase() + mode.slice(1);
}

/** The XML version: four parts, where the unified manifest has three. */
export function xmlVersion(version: string): string {
  return `${version}.0`;
}

const RES = {
  taskpaneUrl: "Taskpane.Url",
  eventPageUrl: "EventRuntime.Url",
  eventScriptUrl: "EventScript.Url",
  groupLabel: "Group.Label",
  mailLabel: "MailButton.Label",
  mailTooltip: "MailButton.Tooltip",
  meetingLabel: "MeetingButton.Label",
  meetingTooltip: "MeetingButton.Tooltip",
  icon: (size: OfficeIconSize) => `Icon.${size}`,
} as const;

/** Mobile button icons: each logical size at scales 1–3, pointing at an image of exactly size × scale pixels. */
const MOBILE_ICONS = ([25, 32, 48] as const).flatMap((size) =>
  ([1, 2, 3] as const).map((scale) => ({ size, scale, pixels: (size * scale) as OfficeIconSize })),
);

const DESKTOP_ICON_SIZES = [16, 32, 80] as const;

function desktopSurface(
  type: string,
  surface: { group: string; control: string },
  isMeeting: boolean,
  isPinnable: boolean,
): XmlElement {
  const label = isMeeting ? RES.meetingLabel : RES.mailLabel;
  const tooltip = isMeeting ? RES.meetingTooltip : RES.mailTooltip;
  const action = el(
    "Action",
    { "xsi:type": "ShowTaskpane" },
    el("SourceLocation", { resid: RES.taskpaneUrl }),
    // Pinning is defined for messages only; Outlook ignores it on appointments.
    ...(isPinnable ? [el("SupportsPinning", {}, "true")] : []),
  );
  return el(
    "ExtensionPoint",
    { "xsi:type": type },
    el(
      "OfficeTab",
      { id: "TabDefault" },
      el(
        "Group",
        { id: surface.group },
        el("Label", { resid: RES.groupLabel }),
        el(
          "Control",
          { "xsi:type": "Button", id: surface.control },
          el("Label", { resid: label }),
          el("Supertip", {}, el("Title", { resid: label }), el("Description", { resid: tooltip })),
          el(
            "Icon",
            {},
            ...DESKTOP_ICON_SIZES.map((size) => el("bt:Image", { size: String(size), resid: RES.icon(size) })),
          ),
          action,
        ),
      ),
    ),
  );
}

/** Ids of the mobile group and button (mobile has its own form factor, so its own ids). */
export const MOBILE_IDS = { group: "GreffierMobileReadGroup", control: "GreffierMobileReadOpenPane" } as const;

/**
 * Builds the XML add-in-only manifest for one environment.
 * @param config - The resolved configuration.
 * @param version - The app version, `n.n.n` (written as `n.n.n.0`).
 * @returns The manifest.xml text.
 */
export function buildXmlManifest(config: ManifestConfig, version: string): string {
  const iconSizes = [...new Set<OfficeIconSize>([...DESKTOP_ICON_SIZES, ...MOBILE_ICONS.map((i) => i.pixels)])].sort(
    (a, b) => a - b,
  );
  const { surfaces } = IDS;

  const versionOverrides11 = el(
    "VersionOverrides",
    { xmlns: XML_NS.overrides11, "xsi:type": "VersionOverridesV1_1" },
    el(
      "Requirements",
      {},
      el("bt:Sets", { DefaultMinVersion: TASKPANE_MAILBOX_MIN }, el("bt:Set", { Name: "Mailbox" })),
    ),
    el(
      "Hosts",
      {},
      el(
        "Host",
        { "xsi:type": "MailHost" },
        // Event runtime: the page for web, new Outlook and Mac; the script alone for classic Outlook on Windows.
        el(
          "Runtimes",
          {},
          el("Runtime", { resid: RES.eventPageUrl }, el("Override", { type: "javascript", resid: RES.eventScriptUrl })),
        ),
        el(
          "DesktopFormFactor",
          {},
          el("FunctionFile", { resid: RES.eventPageUrl }),
          desktopSurface("MessageReadCommandSurface", surfaces.mailRead, false, true),
          desktopSurface("MessageComposeCommandSurface", surfaces.mailCompose, false, true),
          desktopSurface("AppointmentOrganizerCommandSurface", surfaces.meetingDetailsOrganizer, true, false),
          desktopSurface("AppointmentAttendeeCommandSurface", surfaces.meetingDetailsAttendee, true, false),
          // Clients below Mailbox 1.12 (perpetual Outlook 2019/2021) skip this extension point and send unchecked.
          el(
            "ExtensionPoint",
            { "xsi:type": "LaunchEvent" },
            el(
              "LaunchEvents",
              {},
              el("LaunchEvent", {
                Type: "OnMessageSend",
                FunctionName: ON_MESSAGE_SEND_ACTION_ID,
                SendMode: xmlSendMode(config.sendMode),
              }),
            ),
            el("SourceLocation", { resid: RES.eventPageUrl }),
          ),
        ),
        // Outlook mobile activates add-ins on read messages only; Smart Alerts does not run there.
        el(
          "MobileFormFactor",
          {},
          el("FunctionFile", { resid: RES.eventPageUrl }),
          el(
            "ExtensionPoint",
            { "xsi:type": "MobileMessageReadCommandSurface" },
            el(
              "Group",
              { id: MOBILE_IDS.group },
              el("Label", { resid: RES.groupLabel }),
              el(
                "Control",
                { "xsi:type": "MobileButton", id: MOBILE_IDS.control },
                el("Label", { resid: RES.mailLabel }),
                el(
                  "Icon",
                  { "xsi:type": "bt:MobileIconList" },
                  ...MOBILE_ICONS.map((i) =>
                    el("bt:Image", { size: String(i.size), scale: String(i.scale), resid: RES.icon(i.pixels) }),
                  ),
                ),
                el("Action", { "xsi:type": "ShowTaskpane" }, el("SourceLocation", { resid: RES.taskpaneUrl })),
              ),
            ),
          ),
        ),
      ),
    ),
    el(
      "Resources",
      {},
      el(
        "bt:Images",
        {},
        ...iconSizes.map((size) => el("bt:Image", { id: RES.icon(size), DefaultValue: iconUrl(config, size) })),
      ),
      el(
        "bt:Urls",
        {},
        el("bt:Url", { id: RES.taskpaneUrl, DefaultValue: pageUrl(config, "taskpane.html") }),
        el("bt:Url", { id: RES.eventPageUrl, DefaultValue: pageUrl(config, "commands.html") }),
        el("bt:Url", { id: RES.eventScriptUrl, DefaultValue: pageUrl(config, LAUNCH_EVENT_SCRIPT) }),
      ),
      el(
        "bt:ShortStrings",
        {},
        el("bt:String", { id: RES.groupLabel, DefaultValue: STRINGS.groupLabel }),
        el("bt:String", { id: RES.mailLabel, DefaultValue: STRINGS.mailButtonLabel }),
        el("bt:String", { id: RES.meetingLabel, DefaultValue: STRINGS.meetingButtonLabel }),
      ),
      el(
        "bt:LongStrings",
        {},
        el("bt:String", { id: RES.mailTooltip, DefaultValue: STRINGS.mailButtonTooltip }),
        el("bt:String", { id: RES.meetingTooltip, DefaultValue: STRINGS.meetingButtonTooltip }),
      ),
    ),
    // After Resources in V1_1. Used by the legacy Office SSO fallback (getAccessToken) on older clients.
    el(
      "WebApplicationInfo",
      {},
      el("Id", {}, config.entra.clientId),
      el("Resource", {}, config.applicationIdUri),
      el("Scopes", {}, el("Scope", {}, "openid"), el("Scope", {}, "profile")),
    ),
  );

  const root = el(
    "OfficeApp",
    {
      xmlns: XML_NS.officeApp,
      "xmlns:xsi": XML_NS.xsi,
      "xmlns:bt": XML_NS.bt,
      "xmlns:mailappor": XML_NS.mailappor,
      "xsi:type": "MailApp",
    },
    el("Id", {}, config.xmlAddinId),
    el("Version", {}, xmlVersion(version)),
    el("ProviderName", {}, config.developer.name),
    el("DefaultLocale", {}, "fr-FR"),
    el("DisplayName", { DefaultValue: `${STRINGS.xmlDisplayName}${config.nameSuffix}` }),
    el("Description", { DefaultValue: STRINGS.descriptionXml }),
    el("IconUrl", { DefaultValue: iconUrl(config, 64) }),
    el("HighResolutionIconUrl", { DefaultValue: iconUrl(config, 128) }),
    el("SupportUrl", { DefaultValue: config.developer.websiteUrl }),
    el("AppDomains", {}, el("AppDomain", {}, config.origin)),
    el("Hosts", {}, el("Host", { Name: "Mailbox" })),
    el("Requirements", {}, el("Sets", {}, el("Set", { Name: "Mailbox", MinVersion: "1.1" }))),
    // Required by the base schema; clients that understand VersionOverrides ignore it.
    el(
      "FormSettings",
      {},
      el(
        "Form",
        { "xsi:type": "ItemRead" },
        el(
          "DesktopSettings",
          {},
          el("SourceLocation", { DefaultValue: pageUrl(config, "taskpane.html") }),
          el("RequestedHeight", {}, "250"),
        ),
      ),
    ),
    el("Permissions", {}, "ReadWriteItem"),
    el(
      "Rule",
      { "xsi:type": "RuleCollection", Mode: "Or" },
      el("Rule", { "xsi:type": "ItemIs", ItemType: "Message", FormType: "Read" }),
    ),
    el("DisableEntityHighlighting", {}, "false"),
    el("VersionOverrides", { xmlns: XML_NS.overrides10, "xsi:type": "VersionOverridesV1_0" }, versionOverrides11),
  );

  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${render(root, 0)}\n`;
}
