// Owns the feedback table: ratings on generations and proposed use cases, stored without who wrote them being shown.
import type { Db } from "./db";

/** A rating of a generation, or a proposed use case (no generation). */
export interface NewFeedback {
  readonly id: string;
  readonly userId: string;
  readonly kind: "rating" | "use-case";
  readonly generationId?: string | undefined;
  readonly task?: string | undefined;
  readonly rating?: "up" | "down" | undefined;
  readonly comment?: string | undefined;
  /** For a proposal: a new use case, a template change or a new template. */
  readonly proposal?: "use-case" | "template-change" | "new-template" | undefined;
}

/** Stores one piece of feedback. */
export async function insertFeedback(db: Db, f: NewFeedback): Promise<void> {
  await db.query(
    "INSERT INTO feedback (id, user_id, kind, generation_id, task, rating, comment, proposal) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
    [
      f.id,
      f.userId,
      f.kind,
      f.generationId ?? null,
      f.task ?? null,
      f.rating ?? null,
      f.comment ?? null,
      f.kind === "use-case" ? (f.proposal ?? "use-case") : null,
    ],
  );
}
