// Owns the committee page's HTTP client: statistics, audit verification and export, pre-prompt registry. Answers are
// read by their src/schemas contract: a server that answers something else gives a clear "unexpected answer"
// instead of a broken chart.
import type * as z from "zod/mini";
import { t } from "../../src/i18n/core";
import { AuditVerificationSchema, CommitteeStatsSchema, PrePromptListSchema } from "../../src/schemas/committee";
import type { AuditVerification, CommitteeStats, PrePromptVersion } from "../../src/schemas/committee";
import { problemError } from "../lib/errors";
import type { ApiClientOptions } from "./client";
import { clientProblem, problemOf, readAs } from "./http";

export type { AuditVerification, PrePromptVersion };
export type { PrePromptEvaluation, PrePromptState } from "../../src/schemas/committee";

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
  governance?(
    method: "GET" | "POST",
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<{ status: number; body: unknown }>;
}

/** Path of the audit export in `format`. */
export function auditExportPath(format: AuditExportFormat): string {
  return `/api/committee/audit/export?format=${format}`;
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

  async function getJson<S extends z.ZodMiniType>(
    path: string,
    schema: S,
    signal: AbortSignal | undefined,
  ): Promise<z.output<S>> {
    const response = await get(path, "application/json", signal);
    const raw: unknown = await response.json().catch(() => null);
    return readAs(schema, raw, t("committee.error.bad_response", {}, locale), response.status);
  }

  return {
    stats: (signal) => getJson("/api/committee/stats", CommitteeStatsSchema, signal),
    verifyAudit: (signal) => getJson("/api/committee/audit/verify", AuditVerificationSchema, signal),
    prePrompts: (signal) => getJson("/api/committee/preprompts", PrePromptListSchema, signal),
    async governance(method, path, body, signal) {
      const headers: Record<string, string> = { accept: "application/json", "accept-language": locale };
      if (body !== undefined) headers["content-type"] = "application/json";
      const token = await options.getAccessToken?.();
      if (token) headers.authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          signal: signal ?? null,
        });
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
