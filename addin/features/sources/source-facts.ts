// Owns how a source is described in words: its kind, and the facts its card lists (speakers, pages, messages…).
import type { MessageKey } from "../../../src/i18n";
import type { Translate } from "../../hooks/use-i18n";
import type { WorkSource } from "../../lib/work-source";

export const KIND_KEYS: Record<WorkSource["kind"], MessageKey> = {
  transcript: "ui.source.kind.transcript",
  "meeting-transcript": "ui.source.kind.meeting-transcript",
  document: "ui.source.kind.document",
  "mail-thread": "ui.source.kind.mail-thread",
  scan: "ui.source.kind.scan",
};

/** Files the document reader cannot read but OCR can: photos, and PDFs it found without text. */
export function isForOcr(file: File): boolean {
  return file.type.startsWith("image/") || /\.(jpe?g|png|heic|heif|webp|tiff?|gif|bmp)$/iu.test(file.name);
}

/** The card's lines about `source`, and a warning about pages it could not read well, if any. */
export function describeSource(
  source: WorkSource,
  t: Translate,
  number: (n: number) => string,
): { facts: string[]; warning: string | null } {
  const facts: string[] = [];
  let warning: string | null = null;
  const f = source.facts;
  if (f.speakers && f.speakers.length > 0) {
    const names = f.speakers.join(", ");
    facts.push(
      f.speakers.length === 1
        ? t("ui.source.speakers_one", { names })
        : t("ui.source.speakers", { count: f.speakers.length, names }),
    );
  }
  if (f.turns !== undefined) facts.push(t("ui.source.turns", { count: number(f.turns) }));
  if (source.kind === "scan" && f.pages !== undefined) {
    facts.push(
      t("ui.ocr.summary", { format: (f.format ?? "").toUpperCase(), pages: f.pages, confidence: f.confidence ?? 0 }),
    );
    if (f.lowConfidencePages && f.lowConfidencePages.length > 0)
      warning = t("ui.ocr.low_pages", { pages: f.lowConfidencePages.join(", ") });
  } else if (f.pages !== undefined) {
    const format = f.format === "docx" ? "Word" : "PDF";
    const chars = number(source.text.length);
    facts.push(
      f.pages === 1
        ? t("ui.source.pages_one", { format, chars })
        : t("ui.source.pages", { format, count: f.pages, chars }),
    );
  }
  if (f.messages !== undefined) {
    const counts = {
      count: f.messages,
      member: f.fromMember ?? 0,
      insurer: f.fromInsurer ?? 0,
      unknown: f.fromUnknown ?? 0,
    };
    facts.push(counts.unknown > 0 ? t("ui.source.messages_unknown", counts) : t("ui.source.messages", counts));
  }
  if (f.pages === undefined) facts.push(t("ui.source.characters", { count: number(source.text.length) }));
  if (f.pagesWithoutText && f.pagesWithoutText.length > 0) {
    warning = t("ui.source.pages_without_text", { pages: f.pagesWithoutText.join(", ") });
  }
  return { facts, warning };
}
