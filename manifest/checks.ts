// Owns the checks a generated manifest must pass before anyone sideloads it: the bundled schema and the invariants no
// schema states.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppManifestUtils, type AppManifest } from "@microsoft/app-manifest";
import { convert } from "office-addin-manifest-converter";
import { isLoopback, type ManifestConfig } from "./manifest-config";
import {
  APP_PACKAGE_ICONS,
  COMPOSE_TASKPANE_COMMAND_ID,
  ENTRY_PAGES,
  ICON_FILES,
  ICONS_PATH,
  LAUNCH_EVENT_SCRIPT,
  ON_MESSAGE_SEND_ACTION_ID,
  type PageSdk,
} from "./pages";
import type { UnifiedManifest } from "./unified";
import { xmlSendMode } from "./xml";

/** The first manifest version with `webApplicationInfo.nestedAppAuthInfo`. */
const NAA_MANIFEST_VERSION = 1.22;

/**
 * Validates a JSON manifest against the schema its `$schema` names, using the copy bundled in @microsoft/app-manifest.
 * @param manifest - A parsed manifest.
 * @returns AJV error messages; empty when valid.
 * @throws Error when `$schema` is not a developer.microsoft.com Teams schema URL, so validation can never reach the
 * network.
 */
export async function schemaErrors(manifest: unknown): Promise<string[]> {
  const schemaUrl = (manifest as { $schema?: unknown }).$schema;
  if (
    typeof schemaUrl !== "string" ||
    !/^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v[\w.]+\/MicrosoftTeams\.schema\.json$/.test(schemaUrl)
  ) {
    throw new Error(`$schema must name a bundled Teams schema, got ${String(schemaUrl)}`);
  }
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest);
}

/** Every string value of a JSON tree that is an http(s) URL (api:// and brk-multihub:// identifiers are not fetched). */
export function urlsIn(value: unknown): string[] {
  if (typeof value === "string") return /^https?:\/\//i.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(urlsIn);
  return [];
}

/**
 * Maps a URL on the app's origin to the file it must be served from, relative to the build output; `undefined` when
 * the path is not one the front end builds (an entry page, launchevent.js or a generated icon).
 * @param url - An absolute URL on `config.origin`.
 * @returns The file path under the build output, or undefined.
 */
export function servedFileOf(url: string): string | undefined {
  const path = new URL(url).pathname.replace(/^\//, "");
  const pages: readonly string[] = ENTRY_PAGES.map((p) => p.file);
  if (pages.includes(path) || path === LAUNCH_EVENT_SCRIPT) return path;
  const [folder, file, ...rest] = path.split("/");
  if (folder === ICONS_PATH && file !== undefined && rest.length === 0 && ICON_FILES.includes(file)) return path;
  return undefined;
}

/** The SDK an entry page loads, from the URL that names it. */
function sdkOf(url: string): PageSdk | undefined {
  const file = new URL(url).pathname.replace(/^\//, "");
  return ENTRY_PAGES.find((p) => p.file === file)?.sdk;
}

/** Pixel size encoded in an icon file name (`icon-80.png` → 80). */
export function iconPixels(url: string): number | undefined {
  const match = /\/icon-(\d+)\.png$/.exec(url);
  return match ? Number(match[1]) : undefined;
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/**
 * Checks what the schema cannot: ids, action links, pages per host, origins, authentication and send mode.
 * Each message names the rule, so a failing build says what would break in Outlook or Teams.
 * @param manifest - The unified manifest.
 * @param config - The configuration it was built from.
 * @returns One message per broken rule; empty when the manifest holds.
 */
export function unifiedManifestProblems(manifest: UnifiedManifest, config: ManifestConfig): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);

  if (Number(manifest.manifestVersion) < NAA_MANIFEST_VERSION)
    fail(`manifestVersion ${manifest.manifestVersion} predates nestedAppAuthInfo (1.22)`);
  if (manifest.id.toLowerCase() === config.xmlAddinId.toLowerCase())
    fail("the unified manifest id equals the XML add-in id");

  const extension = manifest.extensions?.[0];
  if (!extension) {
    fail("no Outlook extension");
    return problems;
  }
  const runtimes = extension.runtimes ?? [];
  const actions = runtimes.flatMap((r) => (r.actions ?? []).map((a) => ({ ...a, runtime: r })));
  const ribbons = extension.ribbons ?? [];
  const groups = ribbons.flatMap((r) => r.tabs.flatMap((t) => t.groups ?? []));
  const controls = groups.flatMap((g) => g.controls ?? []);

  for (const [kind, ids] of [
    ["runtime", runtimes.map((r) => r.id)],
    ["action", actions.map((a) => a.id)],
    ["group", groups.map((g) => g.id ?? "")],
    ["control", controls.map((c) => c.id)],
  ] as const) {
    for (const id of duplicates(ids)) fail(`${kind} id "${id}" is not unique`);
  }

  for (const control of controls) {
    const action = actions.find((a) => a.id === control.actionId);
    if (!action) fail(`control "${control.id}" names action "${control.actionId}", which no runtime declares`);
    else if (action.type !== "openPage")
      fail(`control "${control.id}" should open the task pane, but "${action.id}" is ${action.type}`);
  }
  for (const event of (extension.autoRunEvents ?? []).flatMap((e) => e.events)) {
    const action = actions.find((a) => a.id === event.actionId);
    if (!action) fail(`event ${event.type} names action "${event.actionId}", which no runtime declares`);
    else if (action.type !== "executeFunction")
      fail(`event ${event.type} must run a function, but "${action.id}" is ${action.type}`);
    else if (action.runtime.code.script === undefined)
      fail(`event ${event.type} runs in a runtime without code.script; classic Outlook on Windows needs it`);
    if (event.type === "messageSending" && event.options?.sendMode !== config.sendMode) {
      fail(
        `messageSending sendMode is ${event.options?.sendMode ?? "unset"}, the ${config.env} configuration says ${config.sendMode}`,
      );
    }
  }
  if (!(extension.autoRunEvents ?? []).some((e) => e.events.some((ev) => ev.type === "messageSending")))
    fail("no OnMessageSend (messageSending) handler");

  const composeControl = ribbons
    .filter((r) => r.contexts?.includes("mailCompose"))
    .flatMap((r) => r.tabs.flatMap((t) => (t.groups ?? []).flatMap((g) => g.controls ?? [])));
  if (!composeControl.some((c) => c.id === COMPOSE_TASKPANE_COMMAND_ID))
    fail(`no mailCompose button "${COMPOSE_TASKPANE_COMMAND_ID}" for the Smart Alerts commandId`);
  for (const context of ["mailRead", "mailCompose", "meetingDetailsOrganizer", "meetingDetailsAttendee"] as const) {
    if (!ribbons.some((r) => r.contexts?.includes(context))) fail(`no ribbon in the ${context} context`);
  }
  if (!actions.some((a) => a.type === "openPage" && a.pinnable === true)) fail("the task pane is not pinnable");

  // office.js blanks a Teams iframe, teams-js hangs outside Teams: each surface must point at its own kind of page.
  for (const runtime of runtimes) {
    if (sdkOf(runtime.code.page) !== "office")
      fail(`runtime "${runtime.id}" page ${runtime.code.page} is not an office.js entry page`);
    if (runtime.code.script !== undefined && new URL(runtime.code.script).pathname !== `/${LAUNCH_EVENT_SCRIPT}`)
      fail(`runtime "${runtime.id}" script should be /${LAUNCH_EVENT_SCRIPT}`);
  }
  for (const tab of manifest.staticTabs ?? []) {
    if (tab.contentUrl === undefined || sdkOf(tab.contentUrl) !== "teams")
      fail(`static tab "${tab.entityId}" content ${tab.contentUrl ?? "(none)"} is not a teams-js entry page`);
  }
  const configurable = manifest.configurableTabs ?? [];
  if (configurable.length !== 1)
    fail(`expected exactly one configurable tab (the meeting side panel), found ${configurable.length}`);
  for (const tab of configurable) {
    if (sdkOf(tab.configurationUrl) !== "teams")
      fail(`configuration page ${tab.configurationUrl} is not a teams-js entry page`);
    if (!tab.scopes.includes("groupChat")) fail("the configurable tab lacks the groupChat scope meetings need");
    if (!tab.context?.includes("meetingSidePanel")) fail("the configurable tab lacks the meetingSidePanel context");
  }
  if (!(manifest.staticTabs ?? []).some((t) => t.scopes.includes("personal"))) fail("no personal tab");

  // Every URL is on the app's origin and names a file the build serves, or is one of the developer's pages.
  const external = new Set(Object.values(config.developer).filter((v) => v.startsWith("https://")));
  for (const url of urlsIn(manifest)) {
    if (url === manifest.$schema || external.has(url)) continue;
    if (!url.startsWith(`${config.origin}/`)) fail(`${url} is not on the app's origin ${config.origin}`);
    else if (servedFileOf(url) === undefined) fail(`${url} names no page, script or icon the build serves`);
  }
  for (const icon of [...groups.flatMap((g) => g.icons ?? []), ...controls.flatMap((c) => c.icons)]) {
    if (iconPixels(icon.url) !== icon.size) fail(`icon ${icon.url} is declared ${icon.size}px`);
  }
  if (
    manifest.icons.color !== APP_PACKAGE_ICONS.color.file ||
    manifest.icons.outline !== APP_PACKAGE_ICONS.outline.file
  )
    fail("icons must be the package's color.png and outline.png");
  if (!(manifest.validDomains ?? []).includes(config.host))
    fail(`validDomains lacks the hosting origin ${config.host}`);
  if (config.env === "prod") {
    for (const url of urlsIn(manifest))
      if (isLoopback(new URL(url).hostname)) fail(`prod manifest names a loopback URL: ${url}`);
    for (const domain of manifest.validDomains ?? [])
      if (isLoopback(domain.split(":")[0] ?? "")) fail(`prod validDomains holds ${domain}`);
  }

  const web = manifest.webApplicationInfo;
  if (web?.id !== config.entra.clientId) fail("webApplicationInfo.id is not the Entra client id");
  if (web?.resource !== config.applicationIdUri)
    fail("webApplicationInfo.resource is not the API's Application ID URI");
  const naa = web?.nestedAppAuthInfo ?? [];
  if (!naa.some((n) => n.redirectUri === `brk-multihub://${config.host}`))
    fail(`nestedAppAuthInfo lacks the redirect brk-multihub://${config.host}`);
  if (!naa.every((n) => n.scopes.length > 0 && n.scopes.every((s) => s.endsWith("/access_as_user"))))
    fail("nestedAppAuthInfo scopes must be the API's access_as_user");

  const hidden = (extension.alternates ?? []).map((a) => a.hide?.customOfficeAddin?.officeAddinId);
  if (!hidden.includes(config.xmlAddinId))
    fail("alternates does not hide the XML add-in (customOfficeAddin.officeAddinId)");
  return problems;
}

/**
 * Converts the XML manifest with office-addin-manifest-converter (offline) and validates the resulting JSON against
 * its bundled schema: a structural check of the XML that needs neither the network nor an XSD.
 * @param xml - The manifest.xml text.
 * @returns The converted manifest and its schema errors.
 * @throws Error when the converter cannot read the XML.
 */
export async function convertXmlManifest(
  xml: string,
): Promise<{ manifest: Record<string, unknown>; errors: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "greffier-xml-"));
  try {
    const input = join(dir, "manifest.xml");
    writeFileSync(input, xml);
    try {
      await convert(input, join(dir, "out"));
    } catch (cause) {
      throw new Error(
        `office-addin-manifest-converter cannot read the XML manifest: ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      );
    }
    const manifest = JSON.parse(readFileSync(join(dir, "out", "manifest.json"), "utf8")) as Record<string, unknown>;
    // The converter writes "…schema.json#"; the fragment would defeat the bundled-schema lookup and hit the network.
    if (typeof manifest.$schema === "string") manifest.$schema = manifest.$schema.replace(/#$/, "");
    return { manifest, errors: await schemaErrors(manifest) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Children order the XSDs impose, per parent (local names; `bt:` prefixes dropped). Unlisted parents are not checked. */
const XML_CHILD_ORDER: Readonly<Record<string, readonly string[]>> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "FormSettings",
    "Permissions",
    "Rule",
    "DisableEntityHighlighting",
    "VersionOverrides",
  ],
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "EquivalentAddins",
    "VersionOverrides",
    "WebApplicationInfo",
    "ExtendedPermissions",
  ],
  Host: ["Runtimes", "DesktopFormFactor", "MobileFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  MobileFormFactor: ["FunctionFile", "ExtensionPoint"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Group: ["Label", "Control"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  WebApplicationInfo: ["Id", "Resource", "Scopes"],
  ExtensionPoint: ["OfficeTab", "CustomTab", "Group", "LaunchEvents", "SourceLocation"],
  Action: ["SourceLocation", "SupportsPinning", "FunctionName"],
};

/** Which resource table a `resid` points into, by the referencing element's local name. */
const RESID_TABLE: Readonly<Record<string, string>> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  Runtime: "Urls",
  Override: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

/** Length limits of resource strings (Office add-in manifest reference). */
const STRING_LIMITS: Readonly<Record<string, number>> = { ShortStrings: 125, LongStrings: 250 };

function elementChildren(node: Element): Element[] {
  return Array.from(node.children);
}

function descendants(root: Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagName("*")).filter((e) => e.localName === localName);
}

/**
 * Checks the XML manifest's structure and content: element order, resource references and limits, ids, the
 * OnMessageSend wiring, pinning, icon sizes, URLs and authentication. The DOM comes from the caller's XML parser.
 * @param doc - The parsed manifest.xml.
 * @param config - The configuration it was built from.
 * @returns One message per broken rule; empty when the manifest holds.
 */
export function xmlManifestProblems(doc: Document, config: ManifestConfig): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  const root = doc.documentElement;
  if (root.localName !== "OfficeApp" || root.namespaceURI !== "http://schemas.microsoft.com/office/appforoffice/1.1") {
    return ["the root element is not an OfficeApp 1.1"];
  }
  const all = Array.from(root.getElementsByTagName("*"));

  for (const node of [root, ...all]) {
    const order = XML_CHILD_ORDER[node.localName];
    if (!order) continue;
    let last = -1;
    for (const child of elementChildren(node)) {
      const index = order.indexOf(child.localName);
      if (index === -1) fail(`<${child.localName}> is not a valid child of <${node.localName}>`);
      else if (index < last)
        fail(`<${child.localName}> comes too late in <${node.localName}> (expected order: ${order.join(", ")})`);
      else last = index;
    }
  }

  const outer = elementChildren(root).find((e) => e.localName === "VersionOverrides");
  const inner = outer && elementChildren(outer).find((e) => e.localName === "VersionOverrides");
  if (
    outer?.getAttribute("xsi:type") !== "VersionOverridesV1_0" ||
    inner?.getAttribute("xsi:type") !== "VersionOverridesV1_1"
  ) {
    fail("VersionOverridesV1_1 must be nested in VersionOverridesV1_0 (SupportsPinning exists only in 1.1)");
  }
  if (inner && inner.namespaceURI !== "http://schemas.microsoft.com/office/mailappversionoverrides/1.1")
    fail("VersionOverridesV1_1 is in the wrong namespace");

  // Resources: unique ids per table, string limits, and every resid resolving into the right table.
  const tables = new Map<string, Map<string, string>>();
  for (const table of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    const entries = new Map<string, string>();
    for (const holder of descendants(root, table)) {
      for (const entry of elementChildren(holder)) {
        const id = entry.getAttribute("id") ?? "";
        const value = entry.getAttribute("DefaultValue") ?? "";
        if (entries.has(id)) fail(`resource id "${id}" appears twice in ${table}`);
        if (id.length > 32) fail(`resource id "${id}" is longer than 32 characters`);
        const limit = STRING_LIMITS[table];
        if (limit !== undefined && value.length > limit) fail(`${table} "${id}" is longer than ${limit} characters`);
        entries.set(id, value);
      }
    }
    tables.set(table, entries);
  }
  for (const node of all.filter((e) => e.hasAttribute("resid"))) {
    const table = RESID_TABLE[node.localName];
    const resid = node.getAttribute("resid") ?? "";
    if (!table) fail(`<${node.localName} resid="${resid}"> has no known resource table`);
    else if (!tables.get(table)?.has(resid)) fail(`<${node.localName}> names resid "${resid}", missing from ${table}`);
  }
  const resolve = (table: string, resid: string | null) => tables.get(table)?.get(resid ?? "");

  // Ids are unique within a form factor.
  for (const formFactor of [...descendants(root, "DesktopFormFactor"), ...descendants(root, "MobileFormFactor")]) {
    for (const kind of ["Group", "Control"]) {
      const ids = descendants(formFactor, kind).map((e) => e.getAttribute("id") ?? "");
      for (const id of duplicates(ids)) fail(`${kind} id "${id}" is not unique in ${formFactor.localName}`);
    }
  }

  // Command surfaces: the four desktop ones open the task pane; messages pin it; compose carries the Smart Alerts
  // commandId.
  const surfaces = new Map(descendants(root, "ExtensionPoint").map((e) => [e.getAttribute("xsi:type") ?? "", e]));
  for (const type of [
    "MessageReadCommandSurface",
    "MessageComposeCommandSurface",
    "AppointmentOrganizerCommandSurface",
    "AppointmentAttendeeCommandSurface",
    "MobileMessageReadCommandSurface",
  ]) {
    const surface = surfaces.get(type);
    const action = surface && descendants(surface, "Action")[0];
    if (!surface || action?.getAttribute("xsi:type") !== "ShowTaskpane") fail(`${type} does not open the task pane`);
    else if (
      resolve("Urls", descendants(action, "SourceLocation")[0]?.getAttribute("resid") ?? null) !==
      `${config.origin}/taskpane.html`
    )
      fail(`${type} opens another page than taskpane.html`);
    const isPinned = descendants(surface ?? root, "SupportsPinning")[0]?.textContent === "true";
    if (type.startsWith("Message") && !isPinned) fail(`${type} task pane is not pinnable`);
  }
  const composeIds = descendants(surfaces.get("MessageComposeCommandSurface") ?? root, "Control").map((c) =>
    c.getAttribute("id"),
  );
  if (!composeIds.includes(COMPOSE_TASKPANE_COMMAND_ID))
    fail(`no compose button "${COMPOSE_TASKPANE_COMMAND_ID}" for the Smart Alerts commandId`);

  // OnMessageSend: handler name, send mode, and a runtime that serves commands.html with launchevent.js as override.
  const launch = descendants(root, "LaunchEvent").find((e) => e.getAttribute("Type") === "OnMessageSend");
  const expectedMode = xmlSendMode(config.sendMode);
  if (!launch) fail("no OnMessageSend LaunchEvent");
  else {
    if (launch.getAttribute("FunctionName") !== ON_MESSAGE_SEND_ACTION_ID)
      fail(`OnMessageSend FunctionName is not ${ON_MESSAGE_SEND_ACTION_ID}`);
    if (launch.getAttribute("SendMode") !== expectedMode)
      fail(
        `OnMessageSend SendMode is ${launch.getAttribute("SendMode")}, the ${config.env} configuration says ${expectedMode}`,
      );
    let point: Element | null = launch;
    while (point && point.localName !== "ExtensionPoint") point = point.parentElement;
    const source = point && elementChildren(point).find((e) => e.localName === "SourceLocation");
    const runtime = descendants(root, "Runtime").find((r) => r.getAttribute("resid") === source?.getAttribute("resid"));
    if (!runtime) fail("the LaunchEvent's SourceLocation names no <Runtime>");
    else {
      if (resolve("Urls", runtime.getAttribute("resid")) !== `${config.origin}/commands.html`)
        fail("the event runtime does not load commands.html");
      const override = elementChildren(runtime).find(
        (e) => e.localName === "Override" && e.getAttribute("type") === "javascript",
      );
      if (resolve("Urls", override?.getAttribute("resid") ?? null) !== `${config.origin}/${LAUNCH_EVENT_SCRIPT}`)
        fail(`the event runtime lacks the javascript override to ${LAUNCH_EVENT_SCRIPT}`);
    }
  }

  // Icons: the image behind each reference has exactly the pixels Office expects (size × scale on mobile).
  for (const image of all.filter((e) => e.localName === "Image" && e.parentElement?.localName === "Icon")) {
    const url = resolve("Images", image.getAttribute("resid")) ?? "";
    const expected = Number(image.getAttribute("size")) * Number(image.getAttribute("scale") ?? "1");
    if (iconPixels(url) !== expected) fail(`icon ${image.getAttribute("resid")} (${url}) should be ${expected}px`);
  }
  for (const [name, size] of [
    ["IconUrl", 64],
    ["HighResolutionIconUrl", 128],
  ] as const) {
    const url =
      elementChildren(root)
        .find((e) => e.localName === name)
        ?.getAttribute("DefaultValue") ?? "";
    if (iconPixels(url) !== size) fail(`${name} should be a ${size}px icon`);
  }

  // Ids, version, authentication.
  const text = (parent: Element | undefined, name: string) =>
    parent
      ? elementChildren(parent)
          .find((e) => e.localName === name)
          ?.textContent?.trim()
      : undefined;
  if (text(root, "Id") !== config.xmlAddinId) fail("<Id> is not the configured xmlAddinId");
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(text(root, "Version") ?? ""))
    fail("<Version> must have four numeric parts");
  const webApp = descendants(root, "WebApplicationInfo")[0];
  if (text(webApp, "Id") !== config.entra.clientId) fail("WebApplicationInfo Id is not the Entra client id");
  if (text(webApp, "Resource") !== config.applicationIdUri)
    fail("WebApplicationInfo Resource is not the API's Application ID URI");
  for (const [name, limit] of [
    ["DisplayName", 125],
    ["Description", 250],
  ] as const) {
    const value =
      elementChildren(root)
        .find((e) => e.localName === name)
        ?.getAttribute("DefaultValue") ?? "";
    if (value.length === 0 || value.length > limit) fail(`${name} must hold 1–${limit} characters`);
  }

  // URLs: on the origin and served by the build, or the developer's site; never loopback in prod.
  const external = new Set(Object.values(config.developer));
  const urls = [
    ...all.flatMap((e) => (e.getAttribute("DefaultValue") ?? "").match(/^https?:\/\/\S+$/) ?? []),
    ...descendants(root, "AppDomain").map((e) => e.textContent?.trim() ?? ""),
  ];
  for (const url of urls) {
    if (external.has(url) || url === config.origin) continue;
    if (!url.startsWith(`${config.origin}/`)) fail(`${url} is not on the app's origin ${config.origin}`);
    else if (servedFileOf(url) === undefined) fail(`${url} names no page, script or icon the build serves`);
    if (config.env === "prod" && isLoopback(new URL(url).hostname)) fail(`prod manifest names a loopback URL: ${url}`);
  }
  if (!descendants(root, "AppDomain").some((e) => e.textContent?.trim() === config.origin))
    fail(`AppDomains lacks ${config.origin}`);
  return problems;
}
