// Owns the loading of the committee page's data: statistics, audit verification and pre-prompts, each on its own.
import { useCallback, useEffect, useState } from "react";
import type { CommitteeStats } from "../../src/schemas/committee";
import type { Problem } from "../../src/schemas/problem";
import { hasProblem } from "../lib/errors";
import type { AuditVerification, CommitteeClient, PrePromptVersion } from "../api/committee";

/** One source of the page: loading, loaded, or failed with a problem to show. */
export type Loadable<T> =
  | { readonly status: "loading" }
  | { readonly status: "ok"; readonly data: T }
  | { readonly status: "error"; readonly problem: Problem };

/** Whether the reader may see the page at all, decided by the first answer that says so. */
export type Access = "unknown" | "granted" | "forbidden" | "unauthorized";

/** The page's three sources, whether the reader may see them, and the two actions on them. */
export interface CommitteeData {
  readonly access: Access;
  readonly stats: Loadable<CommitteeStats>;
  readonly audit: Loadable<AuditVerification>;
  readonly prePrompts: Loadable<PrePromptVersion[]>;
  readonly isVerifying: boolean;
  /** Loads everything again. */
  reload(): void;
  /** Re-walks the audit chain (the server does; it can take a moment on a long log). */
  reverify(): void;
}

const loading = { status: "loading" } as const;

function problemOf(error: unknown, fallback: string): Problem {
  if (hasProblem(error)) return error.problem;
  console.error("Committee data failed", error);
  return { type: "about:blank", title: fallback, status: 0, detail: fallback, code: "internal" };
}

function accessOf(results: readonly Loadable<unknown>[]): Access {
  const statuses = results.map((r) => (r.status === "error" ? r.problem.status : r.status === "ok" ? 200 : 0));
  if (statuses.includes(403)) return "forbidden";
  if (statuses.includes(401)) return "unauthorized";
  return statuses.includes(200) ? "granted" : "unknown";
}

/**
 * Fetches the three sources in parallel; a failure of one leaves the others shown. `fallbackDetail` is the message
 * for failures that carry none (a bug, not a server answer).
 */
export function useCommitteeData(client: CommitteeClient, fallbackDetail: string): CommitteeData {
  const [stats, setStats] = useState<Loadable<CommitteeStats>>(loading);
  const [audit, setAudit] = useState<Loadable<AuditVerification>>(loading);
  const [prePrompts, setPrePrompts] = useState<Loadable<PrePromptVersion[]>>(loading);
  const [isVerifying, setIsVerifying] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const load = <T>(call: (signal: AbortSignal) => Promise<T>, set: (value: Loadable<T>) => void): void => {
      set(loading);
      call(controller.signal).then(
        (data) => {
          if (!controller.signal.aborted) set({ status: "ok", data });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) set({ status: "error", problem: problemOf(error, fallbackDetail) });
        },
      );
    };
    load((signal) => client.stats(signal), setStats);
    load((signal) => client.verifyAudit(signal), setAudit);
    load((signal) => client.prePrompts(signal), setPrePrompts);
    return () => controller.abort();
  }, [client, fallbackDetail, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);

  const reverify = useCallback(() => {
    setIsVerifying(true);
    client
      .verifyAudit()
      .then(
        (data) => setAudit({ status: "ok", data }),
        (error: unknown) => setAudit({ status: "error", problem: problemOf(error, fallbackDetail) }),
      )
      .finally(() => setIsVerifying(false));
  }, [client, fallbackDetail]);

  return { access: accessOf([stats, audit, prePrompts]), stats, audit, prePrompts, isVerifying, reload, reverify };
}
