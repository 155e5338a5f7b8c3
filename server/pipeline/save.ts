// Owns one save of validated minutes, end to end: human validation → AI share over the draft's history →
// transparency decision → store, audit and delivery outbox in one transaction, once per Idempotency-Key.
import { randomUUID } from "node:crypto";
import { AppError } from "../../src/errors";
import { msg } from "../../src/i18n/message";
import { decideTransparency } from "../../src/policy/transparency";
import { aiShare } from "../../src/provenance/ai-share";
import type { SaveMinutesRequest, SaveMinutesResponse } from "../../src/schemas/minutes";
import type { AuditRecorder } from "../audit/recorder";
import type { User } from "../auth/user";
import type { Delivery } from "../delivery/service";
import type { Db } from "../store/db";
import { findGenerationForUser, type StoredGeneration } from "../store/generations";
import { fingerprintOf, onceForKey, type StoredAnswer } from "../store/idempotency";
import { insertMinutes } from "../store/minutes";
import { aiTextsOf } from "../store/versions";

/** What a save needs from the app. */
export interface SaveDeps {
  readonly db: Db;
  readonly audit: AuditRecorder;
  readonly orgName: string;
  readonly aiShareThreshold: number;
  /** The outbox: the validated record's event is written in the save's transaction (issue 18). */
  readonly delivery?: Pick<Delivery, "recordValidated" | "saved"> | undefined;
}

/** A save's answer: 201 and the record's id and notice, or the first answer again for a retried key. */
export interface SaveAnswer {
  readonly status: number;
  readonly body: SaveMinutesResponse;
}

/**
 * Refuses what must never be saved, before anything is read.
 * @throws AppError validation_required (the adviser did not tick the box), text_empty.
 */
export function assertSavable(request: SaveMinutesRequest): void {
  if (request.validated !== true) {
    throw new AppError("validation_required", { detail: msg("problem.validation_required.detail") });
  }
  if (request.text.trim() === "") throw new AppError("text_empty", { detail: msg("problem.text_empty.detail") });
}

/**
 * Saves the text the adviser validated. The transparency notice is decided on the whole history (the text is
 * measured against every AI version, first draft and AI edits); a retried save (same Idempotency-Key) answers the
 * first response and never stores a second record.
 * @throws AppError validation_required, text_empty, generation_not_found, idempotency_key_reused.
 */
export async function saveMinutes(
  deps: SaveDeps,
  request: SaveMinutesRequest,
  user: User,
  idempotencyKey?: string,
): Promise<SaveAnswer> {
  assertSavable(request);
  const generation = await findGenerationForUser(deps.db, request.generationId, user.id);
  if (!generation) throw new AppError("generation_not_found");
  const transparency = await transparencyOf(deps, generation, request.text, user);
  const save = async (tx: Db): Promise<StoredAnswer> => {
    const id = randomUUID();
    const { share, decision } = transparency;
    await insertMinutes(tx, {
      id,
      generationId: generation.id,
      userId: user.id,
      task: generation.task,
      text: request.text,
      aiShare: share,
      transparency: decision,
      validatedBy: user.id,
      validatedAt: new Date(),
    });
    const { task } = generation;
    await deps.audit.save(tx, user.id, {
      minutesId: id,
      generationId: generation.id,
      task,
      transparency: decision,
      aiShare: share,
    });
    // Same transaction: a saved record always has its outbox event, and a rolled-back save never leaves.
    await deps.delivery?.recordValidated(tx, id, deps.audit.actorOf(user.id));
    const body: SaveMinutesResponse = { id, transparency: decision };
    return { status: 201, body };
  };
  const answer = await deps.db.transaction((tx) =>
    idempotencyKey ? onceForKey(tx, user.id, idempotencyKey, () => save(tx), fingerprintOf(request)) : save(tx),
  );
  // Wakes the delivery worker once the record is committed.
  deps.delivery?.saved();
  return { status: answer.status, body: answer.body as SaveMinutesResponse };
}

/** The AI share of `text` over the draft's history, and the notice it calls for. */
async function transparencyOf(deps: SaveDeps, generation: StoredGeneration, text: string, user: User) {
  const aiTexts = await aiTextsOf(deps.db, generation.rootId, user.id);
  const share = Math.max(0, ...aiTexts.map((aiText) => aiShare(aiText, text)));
  // The notice follows what wrote the text: versions the offline engine prepared are no generative AI's words.
  const decision = decideTransparency({
    task: generation.task,
    aiShare: share,
    isValidated: true,
    orgName: deps.orgName,
    threshold: deps.aiShareThreshold,
    hasGenerativeAi: aiTexts.length > 0,
  });
  return { share, decision };
}
