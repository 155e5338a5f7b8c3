// Owns what every client of the Greffier API shares: problem+json answers, the problems the client makes up itself,
// and answers read through their src/schemas contract (zod/mini, loaded in its own chunk).
import type * as z from "zod/mini";
import { t, type Locale } from "../../src/i18n/core";
import type { Problem } from "../../src/schemas/problem";
import { problemError, type ClientProblemCode, type ProblemError } from "../lib/errors";

/** The schemas and SSE reader of addin/api/contract.ts. */
export type Contract = typeof import("./contract");

let loading: Promise<Contract> | null = null;

/**
 * The answer schemas and SSE reader, loaded once.
 * @throws AddinError network when their chunk cannot load (tried again on the next call).
 */
export function loadContract(locale: Locale): Promise<Contract> {
  loading ??= import(/* webpackChunkName: "contract", webpackPrefetch: true */ "./contract");
  return loading.catch((cause: unknown) => {
    loading = null;
    throw problemError(clientProblem("network", t("ui.error.network", {}, locale)), cause);
  });
}

/** A problem the client makes up itself (no answer, or an answer it cannot read); `detail` is for people. */
export function clientProblem(code: ClientProblemCode, detail: string, status = 0): Problem {
  return { type: "about:blank", title: detail, status, detail, code };
}

/** `raw` as `schema` reads it (unknown fields dropped). @throws AddinError bad_response, worded by `detail`. */
export function readAs<S extends z.ZodMiniType>(schema: S, raw: unknown, detail: string, status = 0): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw problemError(clientProblem("bad_response", detail, status), result.error);
  return result.data;
}

/** The problem `raw` is (an `error` event, a failed answer), or a made-up one worded by `fallbackDetail`. */
export function problemIn(contract: Contract, raw: unknown, fallbackDetail: string, status = 0): Problem {
  const result = contract.ProblemSchema.safeParse(raw);
  return result.success ? result.data : clientProblem("bad_response", fallbackDetail, status);
}

/**
 * The error of a failed response: its problem+json, or a generic one when the body is not a problem
 * (`fallbackDetail`, the pane's "your notes are kept" message by default).
 */
export async function problemOf(
  response: Response,
  locale: Locale,
  fallbackDetail = t("problem.internal.detail", {}, locale),
): Promise<ProblemError> {
  const raw: unknown = await response.json().catch(() => null);
  return problemError(problemIn(await loadContract(locale), raw, fallbackDetail, response.status));
}
