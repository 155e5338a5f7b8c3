// Owns the committee's aggregates: per task and month, suppressed below the minimum group size, never per person.
import {
  MIN_GROUP_SIZE,
  type CommitteeStats,
  type StatsCell,
  type TranscriptionCell,
  type TranscriptionStats,
} from "../../src/schemas/committee";
import type { TransparencyCase } from "../../src/schemas/minutes";
import type { Db } from "./db";

const MONTH = "to_char(date_trunc('month', g.created_at AT TIME ZONE 'UTC'), 'YYYY-MM')";

interface CellRow {
  month: string;
  task: string;
  advisers: number;
  generations: number;
  validated: number;
  ungrounded: number;
  degraded: number;
  health: number;
  energy_wh: number;
  gco2eq: number;
  pre_prompts: string[];
}

const key = (month: string, task: string | null) => `${month}|${task ?? ""}`;

/** The committee's statistics; cells under MIN_GROUP_SIZE distinct advisers carry no figure at all. */
export async function committeeStats(db: Db): Promise<CommitteeStats> {
  const cells = await db.query<CellRow>(`
    SELECT ${MONTH} AS month, g.task,
           count(DISTINCT g.user_id)::int AS advisers,
           count(*)::int AS generations,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM minutes m WHERE m.generation_id = g.id))::int AS validated,
           coalesce(sum(jsonb_array_length(g.ungrounded)), 0)::int AS ungrounded,
           count(*) FILTER (WHERE g.degraded)::int AS degraded,
           count(*) FILTER (WHERE g.has_health_data)::int AS health,
           coalesce(sum(g.energy_wh), 0)::float8 AS energy_wh,
           coalesce(sum(g.gco2eq), 0)::float8 AS gco2eq,
           array_agg(DISTINCT g.pre_prompt_id ORDER BY g.pre_prompt_id) AS pre_prompts
      FROM generations g
     GROUP BY 1, 2
     ORDER BY 1 DESC, 2`);
  const providers = await db.query<{ month: string; task: string; name: string; region: string; n: number }>(`
    SELECT ${MONTH} AS month, g.task, g.provider_name AS name, g.provider_region AS region, count(*)::int AS n
      FROM generations g GROUP BY 1, 2, 3, 4 ORDER BY n DESC`);
  const saves = await db.query<{
    month: string;
    task: string;
    bucket: number;
    transparency_case: TransparencyCase;
    n: number;
  }>(`
    SELECT ${MONTH} AS month, g.task, least(floor(m.ai_share * 10), 9)::int AS bucket, m.transparency_case, count(*)::int AS n
      FROM minutes m JOIN generations g ON g.id = m.generation_id GROUP BY 1, 2, 3, 4`);
  const ratings = await db.query<{ month: string; task: string; rating: "up" | "down"; n: number }>(`
    SELECT ${MONTH} AS month, g.task, f.rating, count(*)::int AS n
      FROM feedback f JOIN generations g ON g.id = f.generation_id WHERE f.kind = 'rating' GROUP BY 1, 2, 3`);

  const group = <T extends { month: string; task: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(key(row.month, row.task), [...(map.get(key(row.month, row.task)) ?? []), row]);
    return map;
  };
  const providersBy = group(providers);
  const savesBy = group(saves);
  const ratingsBy = group(ratings);

  const totals = { generations: 0, energyWh: 0, gco2eq: 0 };
  const out = cells.map((c): StatsCell => {
    if (c.advisers < MIN_GROUP_SIZE) return { month: c.month, task: c.task, suppressed: true };
    const cellSaves = savesBy.get(key(c.month, c.task)) ?? [];
    const histogram = Array.from({ length: 10 }, (_, i) =>
      cellSaves.filter((s) => s.bucket === i).reduce((n, s) => n + s.n, 0),
    );
    const transparency: Partial<Record<TransparencyCase, number>> = {};
    for (const s of cellSaves) transparency[s.transparency_case] = (transparency[s.transparency_case] ?? 0) + s.n;
    const cellRatings = ratingsBy.get(key(c.month, c.task)) ?? [];
    totals.generations += c.generations;
    totals.energyWh += c.energy_wh;
    totals.gco2eq += c.gco2eq;
    return {
      month: c.month,
      task: c.task,
      suppressed: false,
      generations: c.generations,
      validatedShare: c.validated / c.generations,
      aiShareHistogram: histogram,
      transparency,
      ungroundedPerGeneration: c.ungrounded / c.generations,
      degraded: c.degraded,
      healthDataShare: c.health / c.generations,
      providers: (providersBy.get(key(c.month, c.task)) ?? []).map((p) => ({
        name: p.name,
        region: p.region,
        generations: p.n,
      })),
      energyWh: { total: c.energy_wh, perGeneration: c.energy_wh / c.generations },
      gco2eq: { total: c.gco2eq, perGeneration: c.gco2eq / c.generations },
      prePromptVersions: c.pre_prompts,
      feedback: {
        up: cellRatings.find((r) => r.rating === "up")?.n ?? 0,
        down: cellRatings.find((r) => r.rating === "down")?.n ?? 0,
      },
    };
  });

  const comments = await db.query<{
    month: string;
    task: string | null;
    rating: "up" | "down" | null;
    comment: string;
  }>(`
    SELECT to_char(date_trunc('month', f.created_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, f.task, f.rating, f.comment
      FROM feedback f WHERE f.kind = 'rating' AND f.comment IS NOT NULL AND f.comment <> '' ORDER BY f.created_at DESC LIMIT 200`);
  const useCases = await db.query<{
    month: string;
    comment: string;
    proposal: "use-case" | "template-change" | "new-template";
  }>(`
    SELECT to_char(date_trunc('month', f.created_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, f.comment, coalesce(f.proposal, 'use-case') AS proposal
      FROM feedback f WHERE f.kind = 'use-case' ORDER BY f.created_at DESC LIMIT 200`);
  return {
    minGroupSize: MIN_GROUP_SIZE,
    cells: out,
    totals,
    comments,
    useCases,
    transcription: await transcriptionStats(db),
  };
}

/**
 * Minutes of audio transcribed and their footprint, per month, from the transcription audit events (they outlive the
 * purge of recordings, and count one-file uploads too); months under MIN_GROUP_SIZE distinct advisers carry no figure.
 */
async function transcriptionStats(db: Db): Promise<TranscriptionStats> {
  const rows = await db.query<{
    month: string;
    advisers: number;
    transcriptions: number;
    seconds: number;
    energy_wh: number;
    gco2eq: number;
  }>(`
    SELECT to_char(date_trunc('month', e.occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
           count(DISTINCT e.actor)::int AS advisers,
           count(*)::int AS transcriptions,
           coalesce(sum((e.payload ->> 'durationS')::float8), 0)::float8 AS seconds,
           coalesce(sum((e.payload ->> 'energyWh')::float8), 0)::float8 AS energy_wh,
           coalesce(sum((e.payload ->> 'gco2eq')::float8), 0)::float8 AS gco2eq
      FROM audit_events e
     WHERE e.kind = 'transcription'
     GROUP BY 1
     ORDER BY 1 DESC`);
  const totals = { transcriptions: 0, audioMinutes: 0, energyWh: 0, gco2eq: 0 };
  const cells = rows.map((r): TranscriptionCell => {
    if (r.advisers < MIN_GROUP_SIZE) return { month: r.month, suppressed: true };
    const minutes = r.seconds / 60;
    totals.transcriptions += r.transcriptions;
    totals.audioMinutes += minutes;
    totals.energyWh += r.energy_wh;
    totals.gco2eq += r.gco2eq;
    const per = (value: number) => (minutes > 0 ? value / minutes : 0);
    return {
      month: r.month,
      suppressed: false,
      transcriptions: r.transcriptions,
      audioMinutes: minutes,
      energyWh: { total: r.energy_wh, perMinute: per(r.energy_wh) },
      gco2eq: { total: r.gco2eq, perMinute: per(r.gco2eq) },
    };
  });
  return { cells, totals };
}
