// The XML add-in-only manifest: well-formed, ordered as the XSDs demand, wired like the unified one, and converted
// offline to a schema-valid JSON manifest.
// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { convertXmlManifest, xmlManifestProblems } from "../../../manifest/checks";
import { loadConfig, MANIFEST_ENVIRONMENTS } from "../../../manifest/manifest-config";
import { COMPOSE_TASKPANE_COMMAND_ID, LAUNCH_EVENT_SCRIPT, ON_MESSAGE_SEND_ACTION_ID } from "../../../manifest/pages";
import { buildUnifiedManifest, type UnifiedManifest } from "../../../manifest/unified";
import { buildXmlManifest } from "../../../manifest/xml";

const VERSION = "1.2.3";

/** Parses with the browser's XML parser (jsdom): strict, unlike the converter's xmldom. */
function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ""}`);
  return doc;
}

/** Control ids per ribbon context, ignoring mobile placeholders the converter adds. */
function controlsByContext(manifest: UnifiedManifest | Record<string, unknown>): Record<string, string[]> {
  const extension = (manifest as UnifiedManifest).extensions?.[0];
  const out: Record<string, string[]> = {};
  for (const ribbon of extension?.ribbons ?? []) {
    if (ribbon.requirements?.formFactors?.includes("mobile")) continue;
    for (const context of ribbon.contexts ?? []) {
      out[context] = ribbon.tabs.flatMap((t) => (t.groups ?? []).flatMap((g) => (g.controls ?? []).map((c) => c.id)));
    }
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe.each(MANIFEST_ENVIRONMENTS)("XML manifest (%s)", (env) => {
  const config = loadConfig(env);
  const xml = buildXmlManifest(config, VERSION);

  it("is well-formed XML with a VersionOverrides 1.1 nested in 1.0", () => {
    const doc = parseXml(xml);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    const inner = doc.getElementsByTagNameNS(
      "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
      "VersionOverrides",
    );
    expect(inner).toHaveLength(1);
    expect(inner[0]?.parentElement?.getAttribute("xsi:type")).toBe("VersionOverridesV1_0");
  });

  it("holds the element order, resource references, limits, ids, wiring and URLs Outlook checks", () => {
    expect(xmlManifestProblems(parseXml(xml), config)).toEqual([]);
  });

  it("converts offline with office-addin-manifest-converter to a schema-valid JSON manifest that matches the unified one", async () => {
    const { manifest, errors } = await convertXmlManifest(xml);
    expect(errors).toEqual([]);
    const unified = buildUnifiedManifest(config, VERSION);
    // Same buttons in the same contexts: the Smart Alerts commandId works whichever manifest the client loaded.
    expect(controlsByContext(manifest)).toEqual(controlsByContext(unified));
    expect(controlsByContext(manifest).mailCompose).toEqual([COMPOSE_TASKPANE_COMMAND_ID]);
    const extension = (manifest as unknown as UnifiedManifest).extensions?.[0];
    expect(extension?.autoRunEvents?.flatMap((e) => e.events)).toEqual([
      { type: "messageSending", actionId: ON_MESSAGE_SEND_ACTION_ID, options: { sendMode: config.sendMode } },
    ]);
    const eventRuntime = extension?.runtimes?.find((r) => r.actions?.some((a) => a.id === ON_MESSAGE_SEND_ACTION_ID));
    expect(eventRuntime?.code).toEqual({
      page: `${config.origin}/commands.html`,
      script: `${config.origin}/${LAUNCH_EVENT_SCRIPT}`,
    });
    const pinnable = extension?.runtimes?.flatMap((r) => r.actions ?? []).filter((a) => a.pinnable).length;
    expect(pinnable).toBe(2); // message read and compose; pinning does not exist for appointments
    expect((manifest as unknown as UnifiedManifest).webApplicationInfo?.id).toBe(config.entra.clientId);
    expect(manifest.id).toBe(config.xmlAddinId);
  });

  it("reaches Outlook mobile with a read-mode button and icons of 25, 32 and 48 at scales 1–3", () => {
    const doc = parseXml(xml);
    const mobile = doc.getElementsByTagName("MobileFormFactor")[0];
    expect(mobile?.getElementsByTagName("ExtensionPoint")[0]?.getAttribute("xsi:type")).toBe(
      "MobileMessageReadCommandSurface",
    );
    const images = Array.from(mobile?.getElementsByTagName("bt:Image") ?? []).map(
      (i) => `${i.getAttribute("size")}@${i.getAttribute("scale")}`,
    );
    expect(images).toEqual(["25@1", "25@2", "25@3", "32@1", "32@2", "32@3", "48@1", "48@2", "48@3"]);
  });
});

describe("the XML send mode follows the environment", () => {
  it.each([
    ["prod", "Block"],
    ["dev", "SoftBlock"],
  ])("%s → %s", (env, mode) => {
    const doc = parseXml(buildXmlManifest(loadConfig(env), VERSION));
    const launch = doc.getElementsByTagName("LaunchEvent")[0];
    expect(launch?.getAttribute("Type")).toBe("OnMessageSend");
    expect(launch?.getAttribute("SendMode")).toBe(mode);
  });

  it("and prod names no loopback host", () => {
    expect(buildXmlManifest(loadConfig("prod"), VERSION)).not.toMatch(/localhost|127\.0\.0\.1/);
  });
});

describe("a broken XML manifest is caught", () => {
  const config = loadConfig("prod");
  const xml = buildXmlManifest(config, VERSION);

  it("when it is not well-formed", () => {
    expect(() => parseXml(xml.replace("</OfficeApp>", ""))).toThrow(/not well-formed/);
    expect(() => parseXml(xml.replace("<Permissions>", "<Permissions "))).toThrow(/not well-formed/);
  });

  const cases: Array<[string, (x: string) => string, RegExp]> = [
    [
      "an element out of order",
      (x) => x.replace(/(<Version>[^<]*<\/Version>\n)(\s*<ProviderName>[^<]*<\/ProviderName>\n)/, "$2$1"),
      /<Version> comes too late|<ProviderName> comes too late/,
    ],
    [
      "Resources before Hosts",
      (x) =>
        x.replace(
          /(\s*<Hosts>\s*<Host xsi:type="MailHost">[\s\S]*?<\/Hosts>)(\s*<Resources>[\s\S]*?<\/Resources>)/,
          "$2$1",
        ),
      /comes too late in <VersionOverrides>/,
    ],
    [
      "Supertip after Icon",
      (x) => x.replace(/(\s*<Supertip>[\s\S]*?<\/Supertip>)(\s*<Icon>[\s\S]*?<\/Icon>)/, "$2$1"),
      /<Supertip> comes too late in <Control>/,
    ],
    [
      "a resid with no resource",
      (x) => x.replace('resid="Taskpane.Url"', 'resid="Taskpane.Missing"'),
      /resid "Taskpane.Missing", missing from Urls/,
    ],
    [
      "a label longer than 125 characters",
      (x) => x.replace('DefaultValue="Ouvrir Greffier"', `DefaultValue="${"x".repeat(126)}"`),
      /longer than 125/,
    ],
    [
      "a duplicate control id",
      (x) => x.replace('id="GreffierAttendeeOpenPane"', 'id="GreffierReadOpenPane"'),
      /Control id "GreffierReadOpenPane" is not unique/,
    ],
    ["another send mode", (x) => x.replace('SendMode="Block"', 'SendMode="SoftBlock"'), /SendMode is SoftBlock/],
    [
      "another handler name",
      (x) => x.replace(`FunctionName="${ON_MESSAGE_SEND_ACTION_ID}"`, 'FunctionName="onSend"'),
      /FunctionName/,
    ],
    ["no launchevent.js override", (x) => x.replace(/<Override type="javascript"[^>]*\/>/, ""), /javascript override/],
    [
      "compose without pinning",
      (x) => x.replace(/(MessageComposeCommandSurface[\s\S]*?)<SupportsPinning>true<\/SupportsPinning>/, "$1"),
      /MessageComposeCommandSurface task pane is not pinnable/,
    ],
    [
      "a mobile icon of the wrong size",
      (x) => x.replace('size="48" scale="3" resid="Icon.144"', 'size="48" scale="3" resid="Icon.96"'),
      /should be 144px/,
    ],
    [
      "a loopback URL in prod",
      (x) => x.replace("https://greffier.maif.fr/launchevent.js", "https://localhost:3000/launchevent.js"),
      /loopback|not on the app's origin/,
    ],
    [
      "a four-part version missing",
      (x) => x.replace(/<Version>[^<]*<\/Version>/, "<Version>1.2.3</Version>"),
      /four numeric parts/,
    ],
    [
      "the wrong Entra client",
      (x) => x.replace(/(<WebApplicationInfo>\s*<Id>)[^<]+/, "$100000000-0000-0000-0000-000000000000"),
      /WebApplicationInfo Id/,
    ],
  ];
  it.each(cases)("by the structural checks: %s", (_name, mutate, expected) => {
    const mutated = mutate(xml);
    expect(mutated).not.toBe(xml);
    expect(xmlManifestProblems(parseXml(mutated), config).join("\n")).toMatch(expected);
  });

  it("by the converter when Outlook could not read it either", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined); // xmldom reports to the console before throwing
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await expect(convertXmlManifest(xml.replace(/<Id>[^<]+<\/Id>\n(\s*<Version>)/, "$1"))).rejects.toThrow(
      /cannot read the XML manifest/,
    );
    await expect(convertXmlManifest(xml.replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>"))).rejects.toThrow(
      /cannot read the XML manifest/,
    );
  });
});
