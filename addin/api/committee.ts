// Owns the committee page's HTTP client: statistics, audit verification and export, pre-prompt registry, with hand-written guards.
import { t } from "../../src/i18n/core";
import type { CommitteeStats, StatsCell } from "../../src/schemas/committee";
import { problemError } from "../lib/errors";
import { clientProblem, isRecord, problemOf, type ApiClientOptions } from "./client";

// Types only from src/schemas, as in client.ts: the committee page has no zod either. The guards check what the
// page reads; a server that answers something else gives a clear "unexpected answer" instead of a broken chart.

/** Answer of GET /api/committee/audit/verify. */
export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  /** Sequence number of the first event whose link or hash does not hold. */
  readonly firstBrokenAt?: number;
}

/** Lifecycle states of a pre-prompt version (server/governance). */
export type PrePromptState = "draft" | "evaluated" | "approved" | "active" | "retired";

/** One evaluation run of a version: progress while it runs, aggregate scores once done. */
export interface PrePromptEvaluation {
  readonly id: string;
  readonly versionId: string;
  readonly status: "running" | "done" | "failed";
  readonly done: number;
  readonly total: number;
  readonly scores: Record<string, number> | null;
}

/**
 * One pre-prompt version as GET /api/committee/preprompts lists it. `key` is the variant key
 * (`interview-minutes.complaint`); older servers sent it in `task`, so the page falls back on `task`.
 */
export interface PrePromptVersion {
  readonly id: string;
  readonly task: string;
  readonly key?: string;
  readonly template?: string;
  readonly version: number;
  readonly state?: PrePromptState;
  readonly author?: string;
  readonly approvedBy?: string;
  readonly isMine?: boolean;
  readonly approvalReason?: string | null;
  readonly justification?: string | null;
  /** When the version was last put in service; a retired version that was once active can be rolled back to. */
  readonly activatedAt?: string | null;
  readonly sha256: string;
  readonly text: string;
  readonly firstSeenAt: string;
  readonly firstUsedAt: string | null;
  readonly evaluation?: PrePromptEvaluation | null;
}

/** Formats of the audit export the server offers. */
export type AuditExportFormat = "csv" | "json";

/** A downloaded export, ready to hand to the browser. */
export interface AuditExport {
  readonly blob: Blob;
  readonly filename: string;
}

/** The committee page's calls; each one answers for the Committee role only (403 otherwise). */
export interface CommitteeClient {
  /** @throws AddinError (403 forbidden without the Committee role, 401 without a user, network, bad_response). */
  stats(signal?: AbortSignal): Promise<CommitteeStats>;
  /** @throws AddinError as above. */
  verifyAudit(signal?: AbortSignal): Promise<AuditVerification>;
  /** @throws AddinError as above. */
  prePrompts(signal?: AbortSignal): Promise<PrePromptVersion[]>;
  /**
   * Downloads the audit log. Fetched rather than linked so the bearer token goes with it in `entra` mode.
   * @throws AddinError as above.
   */
  exportAudit(format: AuditExportFormat, signal?: AbortSignal): Promise<AuditExport>;
  /**
   * Pre-prompt governance calls (drafts, evaluations, approval, activation): the answer's status and JSON body.
   * Optional, so a read-only client (tests of the registry) need not have it.
   * @throws AddinError on a network failure or an answer that is not 2xx (its problem).
   */
  governance?(method: "GET" | "POST", path: string, body?: unknown, signal?: AbortSignal): Promise<{ status: number; body: unknown }>;
}

/** Path of the audit export in `format`. */
export function auditExportPath(format: AuditExportFormat): string {
  return `/api/committee/audit/export?format=${format}`;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === "string";
const isTotal = (v: unknown): boolean => isRecord(v) && isNumber(v.total) && isNumber(v.perGeneration);

/** Checks one cell: a suppressed one carries no figure at all, a shown one every figure the page draws. */
export function isStatsCell(v: unknown): v is StatsCell {
  if (!isRecord(v) || !isString(v.month) || !isString(v.task)) return false;
  if (v.suppressed === true) return true;
  return (
    v.suppressed === false &&
    isNumber(v.generations) &&
    isNumber(v.validatedShare) &&
    Array.isArray(v.aiShareHistogram) &&
    v.aiShareHistogram.length === 10 &&
    v.aiShareHistogram.every(isNumber) &&
    isRecord(v.transparency) &&
    Object.values(v.transparency).every(isNumber) &&
    isNumber(v.ungroundedPerGeneration) &&
    isNumber(v.degraded) &&
    isNumber(v.healthDataShare) &&
    Array.isArray(v.providers) &&
    v.providers.every((p) => isRecord(p) && isString(p.name) && isString(p.region) && isNumber(p.generations)) &&
    isTotal(v.energyWh) &&
    isTotal(v.gco2eq) &&
    Array.isArray(v.prePromptVersions) &&
    v.prePromptVersions.every(isString) &&
    isRecord(v.feedback) &&
    isNumber(v.feedback.up) &&
    isNumber(v.feedback.down)
  );
}

/** Checks the answer of GET /api/committee/stats. */
export function isCommitteeStats(v: unknown): v is CommitteeStats {
  return (
    isRecord(v) &&
    isNumber(v.minGroupSize) &&
    Array.isArray(v.cells) &&
    v.cells.every(isStatsCell) &&
    isRecord(v.totals) &&
    isNumber(v.totals.generations) &&
    isNumber(v.totals.energyWh) &&
    isNumber(v.totals.gco2eq) &&
    Array.isArray(v.comments) &&
    v.comments.every(
      (c) => isRecord(c) && isString(c.month) && isString(c.comment) && (c.task === null || isString(c.task)) && (c.rating === null || c.rating === "up" || c.rating === "down"),
    ) &&
    Array.isArray(v.useCases) &&
    v.useCases.every((u) => isRecord(u) && isString(u.month) && isString(u.comment))
  );
}

/** Checks the answer of GET /api/committee/audit/verify. */
export function isAuditVerification(v: unknown): v is AuditVerification {
  return isRecord(v) && typeof v.ok === "boolean" && isNumber(v.entries) && (v.firstBrokenAt === undefined || isNumber(v.firstBrokenAt));
}

/** Checks the answer of GET /api/committee/preprompts. */
export function isPrePromptList(v: unknown): v is PrePromptVersion[] {
  return (
    Array.isArray(v) &&
    v.every(
      (p) =>
        isRecord(p) &&
        isString(p.id) &&
        isString(p.task) &&
        isNumber(p.version) &&
        isString(p.sha256) &&
        isString(p.text) &&
        isString(p.firstSeenAt) &&
        (p.firstUsedAt === null || isString(p.firstUsedAt)),
    )
  );
}

/** The file name the server gave in Content-Disposition, or one of ours. */
function filenameOf(response: Response, format: AuditExportFormat): string {
  const match = /filename="?([^";]+)"?/i.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? `greffier-audit.${format}`;
}

/** Creates the committee client (same options as the pane's: base URL, token source, fetch, locale). */
export function createCommitteeClient(options: ApiClientOptions = {}): CommitteeClient {
  const base = (options.baseUrl ?? "").replace(/\/$/, "");
  const locale = options.locale ?? "fr";
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function get(path: string, accept: string, signal: AbortSignal | undefined): Promise<Response> {
    const headers: Record<string, string> = { accept, "accept-language": locale };
    const token = await options.getAccessToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method: "GET", headers, signal: signal ?? null });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw problemError(clientProblem("network", t("committee.error.network", {}, locale)), cause);
    }
    if (!response.ok) throw await problemOf(response, locale, t("committee.error.bad_response", {}, locale));
    return response;
  }

  async function getJson<T>(path: string, guard: (v: unknown) => v is T, signal: AbortSignal | undefined): Promise<T> {
    const response = await get(path, "application/json", signal);
    const raw: unknown = await response.json().catch(() => null);
    if (!guard(raw)) throw problemError(clientProblem("bad_response", t("committee.error.bad_response", {}, locale), response.status));
    return raw;
  }

  return {
    stats: (signal) => getJson("/api/committee/stats", isCommitteeStats, signal),
    verifyAudit: (signal) => getJson("/api/committee/audit/verify", isAuditVerification, signal),
    prePrompts: (signal) => getJson("/api/committee/preprompts", isPrePromptList, signal),
    async governance(method, path, body, signal) {
      const headers: Record<string, string> = { accept: "application/json", "accept-language": locale };
      if (body !== undefined) headers["content-type"] = "application/json";
      const token = await options.getAccessToken?.();
      if (token) headers.authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body), signal: signal ?? null });
      } catch (cause) {
        if (signal?.aborted) throw cause;
        throw problemError(clientProblem("network", t("committee.error.network", {}, locale)), cause);
      }
      if (!response.ok) throw await problemOf(response, locale, t("committee.error.bad_response", {}, locale));
      return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
    },
    async exportAudit(format, signal) {
      const response = await get(auditExportPath(format), format === "csv" ? "text/csv" : "application/json", signal);
      return { blob: await response.blob(), filename: filenameOf(response, format) };
    },
  };
}
