// A phone photo read by OCR in the built taskpane in Chromium, against the real server without any AI: progress shown,
// text corrected, extraction quoting it.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScanReviewPage } from "./pages/scan-review";
import { routeOfficeCdn, TaskpanePage } from "./pages/taskpane-page";
import { ROOT } from "./support/build";
import { seriousAxeViolations, shouldRunBrowserTests } from "./support/chromium";
import { useBrowserSession } from "./support/session";

const PHOTO = join(ROOT, "tests", "fixtures", "scans", "note-sinistre-photo.jpg");

describe.runIf(shouldRunBrowserTests())("taskpane: a photo read by OCR in Chromium", () => {
  // No provider: the offline engine extracts by patterns, so every field comes from the OCR text itself.
  const session = useBrowserSession({}, { hasProvider: false });

  it("uploads a photo, shows the reading page by page, lets the adviser correct it, and reaches the extraction review quoting it", async () => {
    const context = await session.browser.newContext({
      viewport: { width: 360, height: 800 },
      locale: "fr-FR",
      colorScheme: "light",
    });
    await routeOfficeCdn(context);
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    const scan = new ScanReviewPage(page);
    await pane.open(session.server.url);
    await page.getByTestId("task").selectOption("document-extraction");
    await page.getByTestId("document-type").selectOption("declaration-sinistre-auto");

    const answered = page.waitForResponse((r) => r.url().endsWith("/api/sources/scan"));
    await scan.pick(PHOTO);
    await scan.reading.waitFor();
    expect((await answered).headers()["content-type"]).toMatch(/^text\/event-stream/u);
    // The progress line names the pages while they are read.
    await expect
      .poll(() => scan.progress.textContent(), { timeout: 30_000 })
      .toMatch(/Préparation de 1 page|Page 1 sur 1/u);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await scan.review.waitFor({ timeout: 60_000 });
    await pane.screenshot("taskpane-ocr-review.png");
    const read = await scan.pageTexts.first().inputValue();
    expect(read).toContain("FG-482-KL");
    expect(read).toMatch(/14\/10\/2026/u);
    // The adviser corrects the time against the original photo before using the text.
    expect(read).toContain("18h30");
    await scan.pageTexts.first().fill(read.replace("18h30", "18h35"));
    await scan.useButton.click();
    await pane.sourceCard.waitFor();
    expect(await pane.sourceCard.getAttribute("data-kind")).toBe("scan");
    expect(await pane.sourceCard.textContent()).toMatch(/JPEG · 1 page\(s\) · confiance \d+ %/u);

    await pane.typeNotes("Photo de la déclaration reçue par courriel");
    await pane.generate();
    await pane.waitForReview();
    await page.getByTestId("extraction").waitFor();
    expect(await page.getByRole("textbox", { name: "Heure" }).inputValue()).toBe("18h35");
    expect(await page.getByTestId("field-heure").textContent()).toMatch(/Citation : « [^»]*18h35[^»]*»/u);
    expect(await page.getByTestId("field-date").textContent()).toMatch(/Citation : « [^»]*14\/10\/2026[^»]*»/u);
    await pane.screenshot("taskpane-ocr-extraction.png");
    await context.close();
  }, 120_000);
});
