// Records an interview in the built taskpane with Chromium's fake microphone: consent → record → stop → transcript →
// draft → validate → save.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { speechLikeWav } from "../support/audio";
import { startFakeOpenAi, type FakeOpenAi } from "../support/fake-openai";
import { startTestServer, type TestServer } from "../support/test-server";
import { routeOfficeCdn, TaskpanePage } from "./pages/taskpane-page";
import { ensureBuilt } from "./support/build";
import { CHROMIUM, CHROMIUM_ARGS, seriousAxeViolations, shouldRunBrowserTests } from "./support/chromium";

const VIEWPORT = { width: 360, height: 800 };
const SPOKEN =
  "Bonjour madame, je vous appelle au sujet de votre déclaration de dégât des eaux du douze mars. Pouvez-vous me dire quand la fuite a commencé ?";

/** A French WAV spoken by espeak-ng (Debian) when it is installed, else speech-like tone bursts: the fake provider transcribes either. */
function microphoneWav(dir: string): { path: string; isSpeech: boolean } {
  const path = join(dir, "entretien.wav");
  try {
    execFileSync("espeak-ng", ["-v", "fr", "-s", "150", "-w", path, SPOKEN], { stdio: "ignore" });
    if (existsSync(path)) return { path, isSpeech: true };
  } catch {
    // espeak-ng missing: the tone still moves the level meter and fills the chunks.
  }
  writeFileSync(path, speechLikeWav(8, { sampleRate: 16_000 }));
  return { path, isSpeech: false };
}

describe.runIf(shouldRunBrowserTests())("taskpane voice recording in Chromium", () => {
  let dir: string;
  let fake: FakeOpenAi;
  let server: TestServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), "greffier-voice-e2e-"));
    dataDir = join(dir, "data");
    const wav = microphoneWav(dir);
    fake = await startFakeOpenAi();
    server = await startTestServer({ llmBaseUrl: fake.baseUrl, env: { DATA_DIR: dataDir } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        ...CHROMIUM_ARGS,
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        `--use-file-for-fake-audio-capture=${wav.path}`,
        "--autoplay-policy=no-user-gesture-required",
      ],
    });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("needs the member's consent, records, uploads, transcribes into turns, and the transcript drafts validated minutes", async () => {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: "fr-FR",
      colorScheme: "light",
      permissions: ["microphone"],
    });
    await routeOfficeCdn(context, "local");
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const generationBodies: Record<string, unknown>[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/api/generations")
        generationBodies.push(JSON.parse(r.postData() ?? "{}") as Record<string, unknown>);
    });
    const pane = new TaskpanePage(page);
    await pane.open(server.url);

    await pane.sourceAddButton.click();
    await page.getByTestId("source-add-voice").click();
    await page.getByTestId("voice-panel").waitFor();
    expect(await page.getByTestId("voice-notice").textContent()).toMatch(/refuser/);
    // No consent, no recording: the button stays disabled and nothing reaches the server.
    expect(await page.getByTestId("voice-start").isDisabled()).toBe(true);
    await pane.screenshot("taskpane-voice-consent.png");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByTestId("voice-consent").check();
    await page.getByTestId("voice-start").click();
    await page.getByTestId("voice-stop").waitFor();
    await page.waitForFunction(
      () =>
        /0[2-9]|[1-9]\d/.test(
          document.querySelector('[data-testid="voice-elapsed"]')?.textContent?.split(":").at(-1) ?? "",
        ),
      null,
      { timeout: 15_000 },
    );
    await page.getByTestId("voice-pause").click();
    await page.getByTestId("voice-resume").click();
    await pane.screenshot("taskpane-voice-recording.png");
    await page.getByTestId("voice-stop").click();

    await page.getByTestId("voice-turns").waitFor({ timeout: 30_000 });
    expect(fake.audioRequests.length).toBe(1);
    expect(fake.audioRequests[0]?.fields.language).toBe("fr");
    expect(fake.audioRequests[0]?.audioBytes).toBeGreaterThan(1_000);
    const turns = await page.getByTestId("voice-turn").allTextContents();
    expect(turns.length).toBeGreaterThanOrEqual(2);
    expect(turns[0]).toMatch(/^00:00Conseiller : Bonjour/);
    expect(await page.getByTestId("voice-pending").textContent()).toContain("Tout est envoyé");
    // The member gets a name; every turn of hers follows.
    await page.getByTestId("voice-rename").nth(1).fill("Mme Durand");
    expect((await page.getByTestId("voice-turn").allTextContents()).some((t) => t.includes("Mme Durand : "))).toBe(
      true,
    );
    await pane.screenshot("taskpane-voice-transcript.png");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The audio left the server's disk once transcribed.
    expect(
      existsSync(join(dataDir, "recordings"))
        ? execFileSync("find", [join(dataDir, "recordings"), "-type", "f"])
            .toString()
            .trim()
        : "",
    ).toBe("");

    await page.getByTestId("voice-use").click();
    await pane.sourceCard.waitFor();
    await pane.typeNotes("Entretien enregistré avec la sociétaire, dégât des eaux");
    await pane.generate();
    await pane.waitForReview();
    const user = fake.requests.at(-1)?.body.messages.at(-1)?.content ?? "";
    expect(user).toMatch(/<source>[\s\S]*Conseiller : Bonjour[\s\S]*<\/source>/);
    // The draft carries the member's consent: the pane names the transcription its source came from.
    const transcriptionId = generationBodies.at(-1)?.transcriptionId;
    expect(transcriptionId).toMatch(/^[0-9a-f-]{36}$/);
    await pane.handleFlags((figure) => figure);
    await pane.validate();
    await pane.save();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("keeps chunks on the device through a network drop, shows them waiting, and transcribes what a reloaded pane left", async () => {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      locale: "fr-FR",
      colorScheme: "light",
      permissions: ["microphone"],
    });
    await routeOfficeCdn(context, "local");
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    await pane.open(server.url);
    const openVoice = async () => {
      await pane.sourceAddButton.click();
      await page.getByTestId("source-add-voice").click();
      await page.getByTestId("voice-panel").waitFor();
    };
    await openVoice();
    await page.getByTestId("voice-consent").check();
    await page.getByTestId("voice-start").click();
    // Recording for real (the server opened the recording), not still starting.
    await page.waitForSelector('[data-testid="voice-pause"]:not([disabled])');
    const before = fake.audioRequests.length;

    await context.setOffline(true);
    // The first 10 s chunk is cut while offline: it waits on the device, and the pane says so.
    await page.getByText("1 morceau(x) en attente d'envoi").waitFor({ timeout: 20_000 });
    await context.setOffline(false);
    await page.getByText("Tout est envoyé au serveur.").waitFor({ timeout: 20_000 });

    // The pane reloads mid-recording: what was recorded is sent and transcribed when the panel opens again.
    await page.reload();
    await pane.notes.waitFor();
    await openVoice();
    await page.getByTestId("voice-turns").waitFor({ timeout: 30_000 });
    expect(fake.audioRequests.length).toBe(before + 1);
    expect(fake.audioRequests.at(-1)?.audioBytes).toBeGreaterThan(1_000);
    await context.close();
  }, 120_000);
});
