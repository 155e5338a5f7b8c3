// Owns the page object of the committee page: every selector the e2e suite uses on committee.html, by data-testid.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { takeScreenshot } from "../support/screenshots";

/**
 * Makes every API call of the context carry `token` as a bearer, as the sign-in would in `entra` mode (the page's
 * own sign-in needs Entra ID, which a test machine does not have).
 */
export async function authorizeApi(context: BrowserContext, token: string): Promise<void> {
  await context.route("**/api/**", (route) =>
    route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${token}` } }),
  );
}

/** The committee page, read as a member of the committee would. */
export class CommitteePage {
  constructor(readonly page: Page) {}

  get auditState(): Locator {
    return this.page.getByTestId("audit-state");
  }
  get summaryAudit(): Locator {
    return this.page.getByTestId("summary-audit");
  }
  get forbidden(): Locator {
    return this.page.getByTestId("committee-forbidden");
  }
  get month(): Locator {
    return this.page.getByTestId("month");
  }
  /** The card of `task` for the month shown, whether shown or suppressed. */
  card(task: string): Locator {
    return this.page.locator(`[data-testid^="cell"][data-task="${task}"]`);
  }
  get shownCards(): Locator {
    return this.page.locator('[data-testid="cell"]');
  }
  get suppressedCards(): Locator {
    return this.page.getByTestId("cell-suppressed");
  }
  get overviewTable(): Locator {
    return this.page.getByTestId("overview-table");
  }
  get comments(): Locator {
    return this.page.getByTestId("comments");
  }
  get useCases(): Locator {
    return this.page.getByTestId("use-cases");
  }
  get registry(): Locator {
    return this.page.getByTestId("preprompt-registry");
  }

  /** Opens the page and waits for the data (the audit chain's state is the last to come). */
  async open(baseUrl: string, query = ""): Promise<void> {
    await this.page.goto(`${baseUrl}/committee.html${query}`);
    await this.page
      .locator(
        '[data-testid="audit-state"], [data-testid="committee-forbidden"], [data-testid="committee-unauthorized"]',
      )
      .first()
      .waitFor();
  }

  /** Clicks an export button and returns the download. */
  async exportAs(format: "csv" | "json") {
    const [download] = await Promise.all([
      this.page.waitForEvent("download"),
      this.page.getByTestId(`audit-export-${format}`).click(),
    ]);
    return download;
  }

  async screenshot(name: string): Promise<void> {
    await takeScreenshot(this.page, name);
  }
}
