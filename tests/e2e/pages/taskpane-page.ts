// Owns the page object of the taskpane (ai-chatbot's tests/pages style): every selector the e2e suite uses, by
// data-testid.
import { join } from "node:path";
import type { BrowserContext, Frame, Locator, Page } from "playwright-core";
import { DIST } from "../support/build";
import { takeScreenshot } from "../support/screenshots";

const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export { SCREENSHOTS } from "../support/screenshots";

/**
 * Serves office.js from the build's own copy when the page asks Microsoft's CDN (the machine is offline);
 * with `block`, the CDN fails as it would on a network that blocks it (a fake Office is then injected).
 */
export async function routeOfficeCdn(context: BrowserContext, mode: "local" | "block" = "local"): Promise<void> {
  await context.route(`${OFFICE_CDN}**`, (route) => {
    if (mode === "block") return route.abort();
    const file = new URL(route.request().url()).pathname.split("/").pop() ?? "office.js";
    return route.fulfill({ path: join(DIST, "office", file), contentType: "application/javascript" });
  });
  // teams-js and Office telemetry try the network at load; nothing here should leave the machine.
  await context.route("https://res.cdn.office.net/**", (route) => route.abort());
}

/**
 * The taskpane, driven as an adviser would. `root` is where the pane is: the page itself, or the frame a stubbed
 * Teams host shows it in (tab.html in the meeting side panel).
 */
export class TaskpanePage {
  constructor(
    readonly page: Page,
    readonly root: Page | Frame = page,
  ) {}

  get notes(): Locator {
    return this.root.getByRole("textbox", { name: /Notes/ });
  }
  get generateButton(): Locator {
    return this.root.getByTestId("generate");
  }
  get cancelButton(): Locator {
    return this.root.getByTestId("cancel");
  }
  get draft(): Locator {
    return this.root.getByTestId("draft");
  }
  get validateBox(): Locator {
    return this.root.getByRole("checkbox", { name: /valide/ });
  }
  get saveButton(): Locator {
    return this.root.getByRole("button", { name: "Enregistrer" });
  }
  get confirmation(): Locator {
    return this.root.getByTestId("confirmation");
  }
  get feedback(): Locator {
    return this.page.getByTestId("feedback");
  }
  get menuButton(): Locator {
    return this.page.getByRole("button", { name: "Plus d'options" });
  }
  get useCaseDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Proposer un usage de Greffier" });
  }
  get sourceAddButton(): Locator {
    return this.root.getByRole("button", { name: "Ajouter une source" });
  }
  get sourceVttInput(): Locator {
    return this.root.getByTestId("source-file-vtt");
  }
  get sourceCard(): Locator {
    return this.root.getByTestId("source-card");
  }
  get flagItems(): Locator {
    return this.root.locator('[data-testid="flags"] li');
  }

  /** The draft editor's place in the document (not the viewport, which scrolls to follow the stream). */
  async draftBox(): Promise<{ top: number; height: number }> {
    return this.draft.evaluate((el) => {
      const rect = el.getBoundingClientRect();
      return { top: rect.top + window.scrollY, height: rect.height };
    });
  }

  /** The notes field's hint (autosave status and character count): its height must not depend on its text. */
  async notesHint(): Promise<{ text: string; height: number }> {
    return this.root.getByTestId("notes-saved").evaluate((el) => {
      const hint = el.parentElement as HTMLElement;
      return { text: hint.textContent ?? "", height: hint.getBoundingClientRect().height };
    });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/taskpane.html`);
    await this.notes.waitFor();
  }

  /** Waits for the capture screen's lazy parts (draft name, sources), so a screenshot never catches it half-built. */
  async waitForCaptureParts(): Promise<void> {
    await this.root.getByTestId("draft-name").waitFor();
    await this.root.getByTestId("source").waitFor();
  }

  async typeNotes(text: string): Promise<void> {
    await this.notes.fill(text);
  }

  async generate(): Promise<void> {
    await this.generateButton.click();
  }

  /** Waits for the end of the stream (the review controls appear). */
  async waitForReview(): Promise<void> {
    await this.validateBox.waitFor();
  }

  /** Confirms the first flag and corrects every other one with `correction(figure)`; returns the figures seen. */
  async handleFlags(correction: (figure: string) => string): Promise<string[]> {
    const seen: string[] = [];
    for (;;) {
      const pending = this.root.locator('[data-testid="flags"] li[data-status="pending"]').first();
      if ((await pending.count()) === 0) return seen;
      const id = ((await pending.getAttribute("data-testid")) ?? "").replace("flag-", "");
      const figure = (await this.root.getByTestId(`flag-${id}`).locator("span").first().textContent()) ?? "";
      seen.push(figure);
      if (seen.length === 1) {
        await this.root.getByTestId(`flag-${id}-confirm`).click();
      } else {
        await this.root.getByTestId(`flag-${id}-correct`).click();
        await this.root.getByTestId(`flag-${id}-value`).fill(correction(figure));
        await this.root.getByTestId(`flag-${id}-apply`).click();
      }
    }
  }

  async validate(): Promise<void> {
    await this.validateBox.check();
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await this.confirmation.waitFor();
  }

  async screenshot(name: string): Promise<void> {
    await takeScreenshot(this.page, name);
  }
}
