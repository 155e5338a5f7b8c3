// Photos and scans in the pane: progress while the server reads, each page's text to correct, uncertain pages flagged,
// the corrected text sent as the source; a PDF without text goes to OCR.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ScanSourceResponse } from "../../../../../src/schemas/scan";
import { generation, jsonResponse, scriptedFetch, sseResponse, type FetchCall } from "../../support/fake-fetch";
import { isolatePaneTests, renderPane } from "../../support/pane";

const setup = () => userEvent.setup({ pointerEventsCheck: 0 });

const SCAN: ScanSourceResponse = {
  text: "Déclaration de sinistre\nDate : 14/10/2026 à 18h30\n\nImmatriculation FG-482-KL",
  pages: [
    {
      page: 1,
      text: "Déclaration de sinistre\nDate : 14/10/2026 à 18h30",
      confidence: 91,
      lowConfidence: false,
      rotation: 0,
      skewDegrees: 3,
    },
    { page: 2, text: "Immatriculation FG-482-KL", confidence: 52, lowConfidence: true, rotation: 180, skewDegrees: 0 },
  ],
  format: "pdf",
  characters: 74,
  confidence: 79,
  lowConfidencePages: [2],
  ocr: true,
};

isolatePaneTests();

async function openScan(user: ReturnType<typeof setup>): Promise<void> {
  await user.click(await screen.findByRole("button", { name: "Ajouter une source" }, { timeout: 10_000 }));
}

describe("scans read by OCR in the pane", () => {
  it("shows the reading page by page, then lets the adviser correct each page before the text becomes the source", async () => {
    const user = setup();
    let release!: () => void;
    const second = new Promise<void>((resolve) => (release = resolve));
    const fetch = scriptedFetch(
      ({ init }) =>
        sseResponse(
          [
            { event: "progress", data: { page: 0, pages: 2 } },
            { event: "progress", data: { page: 1, pages: 2 } },
            { wait: second },
            { event: "progress", data: { page: 2, pages: 2 } },
            { event: "done", data: SCAN },
          ],
          init.signal,
        ),
      ({ init }) => sseResponse([{ event: "done", data: generation() }], init.signal),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane();

    await openScan(user);
    await user.upload(
      screen.getByTestId("source-file-scan"),
      new File([new Uint8Array([1, 2, 3])], "scan.pdf", { type: "application/pdf" }),
    );
    // The second page is held back: the pane must say how far the reading is, page by page.
    await waitFor(() => expect(screen.getByTestId("scan-progress")).toHaveTextContent("Page 1 sur 2 lue"), {
      timeout: 10_000,
    });
    expect((fetch.calls[0] as FetchCall).url).toBe("/api/sources/scan");
    expect(new Headers((fetch.calls[0] as FetchCall).init.headers).get("accept")).toBe("text/event-stream");
    release();

    const review = await screen.findByTestId("scan-review", {}, { timeout: 10_000 });
    expect(review).toHaveTextContent("PDF · 2 page(s) · confiance 79 %");
    expect(review).toHaveTextContent("Pages à vérifier avec l'original : 2.");
    const pages = screen.getAllByTestId("scan-page");
    expect(pages[1]).toHaveTextContent("Lecture incertaine (confiance 52 %)");
    expect(pages[1]).toHaveTextContent("Page redressée (180°).");
    expect(pages[0]).not.toHaveTextContent("Lecture incertaine");

    const second_page = screen.getAllByTestId("scan-page-text")[1] as HTMLTextAreaElement;
    await user.clear(second_page);
    await user.type(second_page, "Immatriculation FG-482-KL (vérifiée)");
    await user.click(screen.getByRole("button", { name: "Utiliser ce texte comme source" }));

    const card = await screen.findByTestId("source-card", {}, { timeout: 10_000 });
    expect(card).toHaveAttribute("data-kind", "scan");
    expect(card).toHaveTextContent("Scan lu par reconnaissance de texte · scan.pdf");
    expect(card).toHaveTextContent("Pages à vérifier avec l'original : 2.");

    await user.type(screen.getByRole("textbox", { name: /Notes/ }), "scan reçu");
    await user.click(screen.getByRole("button", { name: "Générer" }));
    await waitFor(() => expect(fetch.calls).toHaveLength(2), { timeout: 10_000 });
    expect((fetch.calls[1] as FetchCall).body).toMatchObject({
      source: "Déclaration de sinistre\nDate : 14/10/2026 à 18h30\n\nImmatriculation FG-482-KL (vérifiée)",
    });
  });

  it("sends a PDF the document reader finds without text to OCR instead of refusing it", async () => {
    const user = setup();
    const needsOcr = {
      type: "urn:greffier:problem:document_needs_ocr",
      title: "Document sans texte",
      status: 422,
      detail: "Document scanné sans texte",
      code: "document_needs_ocr",
    };
    const fetch = scriptedFetch(
      () => jsonResponse(422, needsOcr, "application/problem+json"),
      ({ init }) =>
        sseResponse(
          [
            { event: "progress", data: { page: 0, pages: 2 } },
            { event: "done", data: SCAN },
          ],
          init.signal,
        ),
    );
    vi.stubGlobal("fetch", fetch);
    renderPane();
    await openScan(user);
    await user.upload(
      screen.getByTestId("source-file-document"),
      new File([new Uint8Array([37, 80, 68, 70])], "constat.pdf", { type: "application/pdf" }),
    );
    await screen.findByTestId("scan-review", {}, { timeout: 10_000 });
    expect(fetch.calls.map((c) => c.url)).toEqual(["/api/sources/document", "/api/sources/scan"]);
    expect(screen.queryByTestId("source-error")).toBeNull();
  });

  it("says why a photo could not be read, in the server's words, and offers the choices again", async () => {
    const user = setup();
    const corrupt = {
      type: "urn:greffier:problem:document_unreadable",
      title: "Document illisible",
      status: 422,
      detail: "L'image est illisible ou endommagée : enregistrez-la à nouveau (JPEG ou PNG), puis réessayez.",
      code: "document_unreadable",
    };
    vi.stubGlobal(
      "fetch",
      scriptedFetch(() => jsonResponse(422, corrupt, "application/problem+json")),
    );
    renderPane();
    await openScan(user);
    await user.upload(
      screen.getByTestId("source-file-scan"),
      new File([new Uint8Array([0xff, 0xd8, 0xff])], "photo.jpg", { type: "image/jpeg" }),
    );
    await waitFor(
      () => expect(screen.getByTestId("source-error")).toHaveTextContent("L'image est illisible ou endommagée"),
      { timeout: 10_000 },
    );
    expect(screen.queryByTestId("scan-reading")).toBeNull();
    expect(screen.getByRole("button", { name: "Ajouter une source" })).toBeInTheDocument();
  });
});
