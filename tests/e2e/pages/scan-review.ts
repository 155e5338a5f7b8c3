// Owns the page object of the OCR source steps in the taskpane: pick a photo or scan, follow the reading, correct the
// text, use it.
import type { Frame, Locator, Page } from "playwright-core";

/** The scan part of the source panel, driven as an adviser would. */
export class ScanReviewPage {
  constructor(readonly root: Page | Frame) {}

  get addScanButton(): Locator {
    return this.root.getByTestId("source-add-scan");
  }
  get fileInput(): Locator {
    return this.root.getByTestId("source-file-scan");
  }
  get reading(): Locator {
    return this.root.getByTestId("scan-reading");
  }
  get progress(): Locator {
    return this.root.getByTestId("scan-progress");
  }
  get review(): Locator {
    return this.root.getByTestId("scan-review");
  }
  get pageTexts(): Locator {
    return this.root.getByTestId("scan-page-text");
  }
  get useButton(): Locator {
    return this.root.getByTestId("scan-use");
  }

  /** Opens the source choices, picks "Photo ou scan" and gives it the file. */
  async pick(path: string): Promise<void> {
    await this.root.getByRole("button", { name: "Ajouter une source" }).click();
    await this.addScanButton.waitFor();
    await this.fileInput.setInputFiles(path);
  }
}
