// Drives the built taskpane in Chromium against the real server (dev mode): feedback after saving, and a proposed use
// from the menu.
import { describe, expect, it } from "vitest";
import type { CommitteeStats } from "../../src/schemas/committee";
import { routeOfficeCdn, TaskpanePage } from "./pages/taskpane-page";
import { seriousAxeViolations, shouldRunBrowserTests } from "./support/chromium";
import { useBrowserSession } from "./support/session";

const VIEWPORT = { width: 360, height: 800 };

describe.runIf(shouldRunBrowserTests())("feedback from the taskpane in Chromium", () => {
  // The dev user is an adviser; DEV_COMMITTEE lets the test read what the committee sees.
  const session = useBrowserSession({ DEV_COMMITTEE: "true" });

  /** What the committee sees (DEV_COMMITTEE gives the dev user the Committee role). */
  async function committeeStats(): Promise<CommitteeStats> {
    return (await (await fetch(`${session.server.url}/api/committee/stats`)).json()) as CommitteeStats;
  }

  async function openPane() {
    const context = await session.browser.newContext({ viewport: VIEWPORT, locale: "fr-FR" });
    await routeOfficeCdn(context);
    const page = await context.newPage();
    const pane = new TaskpanePage(page);
    await pane.open(session.server.url);
    return { context, page, pane };
  }

  it("asks after saving whether the draft helped, with the keyboard, and the committee reads the comment", async () => {
    const { context, page, pane } = await openPane();
    // A claim-declaration interview: the template goes with the request and picks its own pre-prompt.
    await page.getByTestId("template").selectOption("claim-declaration");
    await pane.typeNotes("Appel de M. Benali : bris de glace sur le pare-brise, le 12/10.");
    await pane.generate();
    await pane.waitForReview();
    await pane.handleFlags((figure) => figure);
    await pane.validate();
    await pane.save();
    expect(session.fake.requests.at(-1)?.body.messages[0]?.content).toMatch(
      /^Tu es l'assistant de rédaction .* entretien de déclaration de sinistre/,
    );

    await pane.feedback.scrollIntoViewIfNeeded();
    expect(await pane.feedback.getByRole("heading").textContent()).toBe("Ce brouillon vous a-t-il aidé ?");
    await page.getByTestId("feedback-up").focus();
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("feedback-up").getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("feedback-comment");
    await page.keyboard.type("Les rubriques du sinistre sont justes ; merci pour M. Karim Benali.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByTestId("feedback-sent").waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("feedback-sent");
    expect(JSON.stringify(await seriousAxeViolations(page))).toBe("[]");
    await pane.screenshot("taskpane-5-feedback.png");

    const stats = await committeeStats();
    const comment = stats.comments.find((c) => c.comment.startsWith("Les rubriques du sinistre sont justes"));
    expect(comment).toMatchObject({ task: "interview-minutes", rating: "up" });
    // The member's name typed by the adviser is masked before the committee sees it.
    expect(comment?.comment).not.toContain("Benali");
    const cell = stats.cells.find((c) => c.task === "interview-minutes");
    expect(cell).toMatchObject({ suppressed: true });
    await context.close();
  });

  it("proposes a use case from the header menu: keyboard into the menu, the dialog, a French confirmation", async () => {
    const { context, page, pane } = await openPane();
    await pane.menuButton.focus();
    await page.keyboard.press("Enter");
    // The menu is loaded on first use and opens with the focus on its entry.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("menuitem");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Proposer un usage");
    await page.keyboard.press("Enter");
    await pane.useCaseDialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    expect(JSON.stringify(await seriousAxeViolations(page))).toBe("[]");

    await page.keyboard.type("Préparer les courriers de relance des pièces manquantes d'un dossier sinistre.");
    // Closed by mistake (Échap) and reopened: the text is still there, and the focus went back to the menu button.
    await page.keyboard.press("Escape");
    await pane.useCaseDialog.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("pane-menu");
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: "Proposer un usage" }).click();
    expect(await page.getByTestId("use-case-comment").inputValue()).toBe(
      "Préparer les courriers de relance des pièces manquantes d'un dossier sinistre.",
    );
    await page.getByTestId("use-case-send").click();
    await page.getByTestId("use-case-sent").waitFor();
    expect(await page.getByTestId("use-case-sent").textContent()).toBe(
      "Merci ! Votre proposition a été transmise au comité d'éthique et de contrôle.",
    );
    await pane.screenshot("taskpane-use-case.png");
    await page.keyboard.press("Escape");
    await pane.useCaseDialog.waitFor({ state: "detached" });
    // Focus goes back where the adviser was: the menu button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("pane-menu");

    const stats = await committeeStats();
    expect(stats.useCases.map((u) => u.comment)).toContain(
      "Préparer les courriers de relance des pièces manquantes d'un dossier sinistre.",
    );
    await context.close();
  });
});
