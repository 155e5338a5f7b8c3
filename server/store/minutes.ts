// Owns the minutes table: validated texts, who validated them, and their transparency decision.
import type { Minutes, MinutesListItem, Transparency } from "../../src/schemas/minutes";
import type { TaskId, TemplateId } from "../../src/tasks/catalogue";
import type { Db } from "./db";

/** Validated minutes to store, with their transparency decision. */
export interface NewMinutes {
  readonly id: string;
  readonly generationId: string;
  readonly userId: string;
  readonly task: TaskId;
  readonly text: string;
  readonly aiShare: number;
  readonly transparency: Transparency;
  readonly validatedBy: string;
  readonly validatedAt: Date;
}

interface MinutesRow {
  id: string;
  generation_id: string;
  task: TaskId;
  text: string;
  ai_share: number;
  transparency_case: Transparency["case"];
  transparency_label: string | null;
  validated_by: string;
  validated_at: Date;
  pre_prompt_id: string;
  pre_prompt_version: number;
  template: TemplateId | null;
  member_id: string | null;
}

/**
 * Stores validated minutes, with the template and member reference of their generation: the generation's context
 * is purged long before the minutes, and the history must still find them by member.
 */
export async function insertMinutes(db: Db, m: NewMinutes): Promise<void> {
  await db.query(
    `INSERT INTO minutes (id, generation_id, user_id, task, text, ai_share, transparency_case, transparency_label, validated_by, validated_at, template, member_id)
     SELECT $1,$2,$3,$4,$5,$6,$7,$8,$9,$10, g.template, NULLIF(btrim(g.context->>'memberId'), '')
       FROM generations g WHERE g.id = $2`,
    [
      m.id,
      m.generationId,
      m.userId,
      m.task,
      m.text,
      m.aiShare,
      m.transparency.case,
      m.transparency.label,
      m.validatedBy,
      m.validatedAt.toISOString(),
    ],
  );
}

/** The minutes `id` for their author; null for anyone else. */
export async function findMinutesForUser(db: Db, id: string, userId: string): Promise<Minutes | null> {
  const rows = await db.query<MinutesRow>(
    `SELECT m.*, g.pre_prompt_id, g.pre_prompt_version
       FROM minutes m JOIN generations g ON g.id = m.generation_id
      WHERE m.id = $1 AND m.user_id = $2`,
    [id, userId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    generationId: row.generation_id,
    task: row.task,
    text: row.text,
    transparency: { case: row.transparency_case, label: row.transparency_label },
    aiShare: row.ai_share,
    validatedBy: row.validated_by,
    validatedAt: new Date(row.validated_at).toISOString(),
    prePrompt: { id: row.pre_prompt_id, version: row.pre_prompt_version },
    template: row.template,
    memberId: row.member_id,
  };
}

/** What the list needs to find a text again. */
export interface MinutesListOptions {
  /** Words to find in the text: every word must be there, as typed (ILIKE) or as a French stem (full text). */
  readonly q?: string | undefined;
  readonly memberId?: string | undefined;
  /** Where the previous page ended. */
  readonly after?: MinutesCursor | undefined;
  readonly limit: number;
}

/** A position in the list: the last item shown, by its exact timestamp as PostgreSQL prints it, and its id. */
export interface MinutesCursor {
  readonly createdAt: string;
  readonly id: string;
}

interface ListRow {
  id: string;
  task: TaskId;
  template: TemplateId | null;
  created_at: Date;
  created_at_text: string;
  member_id: string | null;
  head: string;
  transparency_case: Transparency["case"];
}

/** The first line that says something, with Markdown markers (`#`, `**`, list bullets) removed. */
export function firstLineOf(text: string, max = 140): string {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, "")
      .replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, "")
      .replace(/\*\*|__|`/g, "")
      .trim();
    if (line === "" || /^[-*_]{3,}$/.test(line)) continue;
    return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
  }
  return "";
}

// Accented letters and their plain form, one for one (SQL translate()): "lefevre" finds "Lefèvre", as advisers
// often type without accents. The same on PGlite and PostgreSQL, with no unaccent extension needed.
const ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ";
const PLAIN = "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY";

/** A word with its accents taken off, as translate(ACCENTED, PLAIN) does in SQL. */
function fold(word: string): string {
  return [...word]
    .map((c) => {
      const at = ACCENTED.indexOf(c);
      return at === -1 ? c : (PLAIN[at] ?? c);
    })
    .join("");
}

/** LIKE's wildcards taken literally. */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The author's minutes, newest first, one page at a time (keyset on created_at, id: stable while others are
 * saved). Someone else's minutes never come out: `user_id` is in every query.
 */
export async function listMinutesForUser(
  db: Db,
  userId: string,
  options: MinutesListOptions,
): Promise<{ items: MinutesListItem[]; next: MinutesCursor | null }> {
  const params: unknown[] = [userId];
  const where = ["m.user_id = $1"];
  const add = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (options.memberId !== undefined && options.memberId.trim() !== "")
    where.push(`m.member_id = ${add(options.memberId.trim())}`);
  const words = (options.q ?? "")
    .split(/\s+/)
    .filter((w) => w !== "")
    .slice(0, 12);
  if (words.length > 0) {
    // Each word as typed, accents aside (a plate, a contract number, part of a name), or the whole query through the
    // French stemmer ("sinistres" finds "sinistre"); the same SQL on PostgreSQL and PGlite.
    const from = add(ACCENTED);
    const to = add(PLAIN);
    const literal = words
      .map((w) => `translate(m.text, ${from}, ${to}) ILIKE ${add(likePattern(fold(w)))}`)
      .join(" AND ");
    where.push(`((${literal}) OR to_tsvector('french', m.text) @@ plainto_tsquery('french', ${add(words.join(" "))}))`);
  }
  if (options.after)
    where.push(`(m.created_at, m.id) < (${add(options.after.createdAt)}::timestamptz, ${add(options.after.id)}::uuid)`);
  const limit = add(options.limit + 1);
  const rows = await db.query<ListRow>(
    `SELECT m.id, m.task, m.template, m.created_at, m.created_at::text AS created_at_text, m.member_id,
            left(m.text, 2000) AS head, m.transparency_case
       FROM minutes m
      WHERE ${where.join(" AND ")}
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT ${limit}`,
    params,
  );
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      task: row.task,
      template: row.template,
      createdAt: new Date(row.created_at).toISOString(),
      memberId: row.member_id,
      firstLine: firstLineOf(row.head),
      transparency: { case: row.transparency_case },
    })),
    next:
      rows.length > options.limit && last
        ? { createdAt: rows[options.limit - 1]?.created_at_text ?? "", id: last.id }
        : null,
  };
}

/** The cursor as the client sees it: opaque, URL-safe. */
export function encodeCursor(cursor: MinutesCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id]), "utf8").toString("base64url");
}

/** The cursor back, or null when it is not one of ours. */
export function decodeCursor(value: string): MinutesCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [createdAt, id] = parsed as unknown[];
    if (typeof createdAt !== "string" || typeof id !== "string") return null;
    if (!/^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?|Z)?$/.test(createdAt)) return null;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}
