// The unified manifest: valid against the bundled schema for every environment, and every invariant a sideload relies
// on holds — and is caught when broken.
import { describe, expect, it } from "vitest";
import { schemaErrors, unifiedManifestProblems } from "../../../manifest/checks";
import { loadConfig, MANIFEST_ENVIRONMENTS, type ManifestConfig } from "../../../manifest/manifest-config";
import {
  COMPOSE_TASKPANE_COMMAND_ID,
  ENTRY_PAGES,
  LAUNCH_EVENT_SCRIPT,
  ON_MESSAGE_SEND_ACTION_ID,
} from "../../../manifest/pages";
import { buildUnifiedManifest, MANIFEST_VERSION, type UnifiedManifest } from "../../../manifest/unified";

const VERSION = "1.2.3";

function build(env: string): { config: ManifestConfig; manifest: UnifiedManifest } {
  const config = loadConfig(env);
  return { config, manifest: buildUnifiedManifest(config, VERSION) };
}

function extensionOf(manifest: UnifiedManifest) {
  const extension = manifest.extensions?.[0];
  if (!extension) throw new Error("no extension");
  return extension;
}

describe.each(MANIFEST_ENVIRONMENTS)("unified manifest (%s)", (env) => {
  const { config, manifest } = build(env);

  it("is valid against the schema bundled in @microsoft/app-manifest, at a version with nestedAppAuthInfo", async () => {
    expect(await schemaErrors(manifest)).toEqual([]);
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.22);
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
  });

  it("holds every invariant the schema does not state", () => {
    expect(unifiedManifestProblems(manifest, config)).toEqual([]);
  });

  it("is an Outlook add-in in mail read, compose and both appointment modes, with a pinnable task pane on taskpane.html", () => {
    const extension = extensionOf(manifest);
    expect(extension.ribbons?.flatMap((r) => r.contexts)).toEqual([
      "mailRead",
      "mailCompose",
      "meetingDetailsOrganizer",
      "meetingDetailsAttendee",
    ]);
    const taskpane = extension.runtimes?.find((r) => r.actions?.some((a) => a.type === "openPage"));
    expect(taskpane?.code.page).toBe(`${config.origin}/taskpane.html`);
    expect(taskpane?.actions?.[0]).toMatchObject({ type: "openPage", pinnable: true });
    expect(manifest.authorization?.permissions?.resourceSpecific).toEqual([
      { name: "MailboxItem.ReadWrite.User", type: "Delegated" },
    ]);
  });

  it("runs the OnMessageSend handler from commands.html and launchevent.js with the environment's send mode", () => {
    const extension = extensionOf(manifest);
    const [event] = extension.autoRunEvents?.flatMap((e) => e.events) ?? [];
    expect(event).toEqual({
      type: "messageSending",
      actionId: ON_MESSAGE_SEND_ACTION_ID,
      options: { sendMode: config.sendMode },
    });
    const runtime = extension.runtimes?.find((r) => r.actions?.some((a) => a.id === ON_MESSAGE_SEND_ACTION_ID));
    expect(runtime?.code).toEqual({
      page: `${config.origin}/commands.html`,
      script: `${config.origin}/${LAUNCH_EVENT_SCRIPT}`,
    });
    expect(runtime?.requirements?.capabilities).toEqual([{ name: "Mailbox", minVersion: "1.12" }]);
    const composeControls = extension.ribbons
      ?.filter((r) => r.contexts?.includes("mailCompose"))
      .flatMap((r) => r.tabs.flatMap((t) => t.groups?.flatMap((g) => g.controls ?? []) ?? []));
    expect(composeControls?.map((c) => c.id)).toEqual([COMPOSE_TASKPANE_COMMAND_ID]);
  });

  it("is a Teams app: a personal tab on tab.html and a meeting side panel configured by config.html", () => {
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({ contentUrl: `${config.origin}/tab.html`, scopes: ["personal"] }),
    ]);
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: `${config.origin}/config.html`,
        scopes: ["groupChat"],
        context: expect.arrayContaining(["meetingSidePanel"]),
        meetingSurfaces: ["sidePanel"],
      }),
    ]);
    expect(manifest.validDomains).toEqual([config.host]);
  });

  it("asks NAA for the API's access_as_user scope with the brk-multihub redirect of the hosting origin", () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: config.entra.clientId,
      resource: `api://${config.host}/${config.entra.clientId}`,
      nestedAppAuthInfo: [
        {
          redirectUri: `brk-multihub://${config.host}`,
          scopes: [`api://${config.host}/${config.entra.clientId}/access_as_user`],
        },
      ],
    });
  });

  it("hides the XML add-in, whose id differs from the app's", () => {
    expect(extensionOf(manifest).alternates).toEqual([
      { hide: { customOfficeAddin: { officeAddinId: config.xmlAddinId } } },
    ]);
    expect(config.xmlAddinId).not.toBe(manifest.id);
  });
});

describe("per-environment differences", () => {
  const dev = build("dev");
  const prod = build("prod");

  it("blocks sending in prod (central deployment) and soft-blocks in dev", () => {
    const sendMode = (m: UnifiedManifest) => extensionOf(m).autoRunEvents?.[0]?.events[0]?.options?.sendMode;
    expect(sendMode(prod.manifest)).toBe("block");
    expect(sendMode(dev.manifest)).toBe("softBlock");
  });

  it("never names localhost in prod, and uses distinct app ids so both can be installed side by side", () => {
    expect(JSON.stringify(prod.manifest)).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(JSON.stringify(dev.manifest)).toMatch(/https:\/\/localhost:3000\//);
    expect(new Set([dev.manifest.id, prod.manifest.id, dev.config.xmlAddinId, prod.config.xmlAddinId]).size).toBe(4);
  });
});

describe("a broken manifest is caught", () => {
  const { config, manifest } = build("prod");
  const broken = (mutate: (m: UnifiedManifest) => void): UnifiedManifest => {
    const copy = structuredClone(manifest);
    mutate(copy);
    return copy;
  };

  it("by the schema: lowercase groupchat scope, a missing required field, an unknown property", async () => {
    expect(await schemaErrors(broken((m) => (m.configurableTabs![0]!.scopes = ["groupchat" as "groupChat"])))).toEqual(
      expect.arrayContaining([expect.stringMatching(/configurableTabs\/0\/scopes\/0/)]),
    );
    expect((await schemaErrors(broken((m) => delete (m as Partial<UnifiedManifest>).developer))).join()).toMatch(
      /developer/,
    );
    expect(
      (await schemaErrors(broken((m) => Object.assign(extensionOf(m).runtimes![0]!, { page: "x" })))).join(),
    ).toMatch(/additional properties/);
  });

  it("refuses a $schema it would have to fetch from the network", async () => {
    await expect(schemaErrors({ ...manifest, $schema: "https://example.com/schema.json" })).rejects.toThrow(/bundled/);
  });

  const cases: Array<[string, (m: UnifiedManifest) => void, RegExp]> = [
    [
      "a control pointing at a missing action",
      (m) => (extensionOf(m).ribbons![0]!.tabs[0]!.groups![0]!.controls![0]!.actionId = "Nope"),
      /names action "Nope"/,
    ],
    [
      "a duplicate control id",
      (m) => (extensionOf(m).ribbons![1]!.tabs[0]!.groups![0]!.controls![0]!.id = "GreffierReadOpenPane"),
      /control id "GreffierReadOpenPane" is not unique/,
    ],
    [
      "a duplicate group id",
      (m) => (extensionOf(m).ribbons![3]!.tabs[0]!.groups![0]!.id = "GreffierReadGroup"),
      /group id "GreffierReadGroup" is not unique/,
    ],
    [
      "the event handler without its action",
      (m) => (extensionOf(m).runtimes![1]!.actions = [{ id: "other", type: "executeFunction" }]),
      /names action "onMessageSendHandler"/,
    ],
    [
      "the event runtime without launchevent.js",
      (m) => delete extensionOf(m).runtimes![1]!.code.script,
      /without code.script/,
    ],
    [
      "another send mode than the configuration's",
      (m) => (extensionOf(m).autoRunEvents![0]!.events[0]!.options = { sendMode: "softBlock" }),
      /sendMode is softBlock/,
    ],
    [
      "office.js page in a Teams tab",
      (m) => (m.staticTabs![0]!.contentUrl = `${config.origin}/taskpane.html`),
      /not a teams-js entry page/,
    ],
    [
      "teams-js page in the Outlook task pane",
      (m) => (extensionOf(m).runtimes![0]!.code.page = `${config.origin}/tab.html`),
      /not an office.js entry page/,
    ],
    [
      "a page the build does not serve",
      (m) => (m.configurableTabs![0]!.configurationUrl = `${config.origin}/settings.html`),
      /names no page, script or icon/,
    ],
    [
      "an icon with the wrong declared size",
      (m) => (extensionOf(m).ribbons![0]!.tabs[0]!.groups![0]!.icons![0]!.size = 20),
      /declared 20px/,
    ],
    [
      "a URL on another origin",
      (m) => (extensionOf(m).runtimes![0]!.code.page = "https://evil.example/taskpane.html"),
      /not on the app's origin/,
    ],
    [
      "a loopback URL in prod",
      (m) => (m.staticTabs![0]!.websiteUrl = "https://localhost:3000/taskpane.html"),
      /loopback/,
    ],
    ["validDomains without the hosting origin", (m) => (m.validDomains = ["maif.fr"]), /validDomains lacks/],
    ["the meeting tab without the groupChat scope", (m) => (m.configurableTabs![0]!.scopes = ["team"]), /groupChat/],
    [
      "the meeting tab without the side panel",
      (m) => (m.configurableTabs![0]!.context = ["meetingChatTab"]),
      /meetingSidePanel/,
    ],
    [
      "a second configurable tab",
      (m) => m.configurableTabs!.push(structuredClone(m.configurableTabs![0]!)),
      /exactly one configurable tab/,
    ],
    [
      "an NAA redirect for another origin",
      (m) => (m.webApplicationInfo!.nestedAppAuthInfo![0]!.redirectUri = "brk-multihub://localhost:3000"),
      /brk-multihub:\/\/greffier/,
    ],
    [
      "a Graph scope instead of the API's",
      (m) => (m.webApplicationInfo!.nestedAppAuthInfo![0]!.scopes = ["User.Read"]),
      /access_as_user/,
    ],
    ["no link to the XML add-in", (m) => delete extensionOf(m).alternates, /does not hide the XML add-in/],
    [
      "a task pane that cannot be pinned",
      (m) => (extensionOf(m).runtimes![0]!.actions![0]!.pinnable = false),
      /not pinnable/,
    ],
    [
      "no compose button for the Smart Alerts commandId",
      (m) => (extensionOf(m).ribbons![1]!.tabs[0]!.groups![0]!.controls![0]!.id = "Other"),
      /commandId/,
    ],
  ];
  it.each(cases)("by the invariants: %s", (_name, mutate, expected) => {
    const problems = unifiedManifestProblems(broken(mutate), config);
    expect(problems.join("\n")).toMatch(expected);
  });

  it("every page the invariants accept is a declared front-end entry", () => {
    expect(
      ENTRY_PAGES.filter((p) => p.isNamedByManifest)
        .map((p) => p.file)
        .sort(),
    ).toEqual(["commands.html", "config.html", "tab.html", "taskpane.html"]);
  });
});
