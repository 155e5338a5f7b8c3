// Owns the loading of a draft's version history from the server, refreshed when the generation changes.
import { useEffect, useState } from "react";
import type { DraftVersion } from "../../../src/schemas/versions";
import { useApi } from "../../api/use-api";
import { useI18n } from "../../hooks/use-i18n";
import { messageOf } from "../../lib/errors";

/** The versions (null while loading) and why they could not be loaded, in words. */
export interface VersionsState {
  readonly versions: readonly DraftVersion[] | null;
  readonly problem: string | null;
}

/** The history of the draft `generationId` belongs to, oldest first. */
export function useVersions(generationId: string): VersionsState {
  const api = useApi();
  const { t } = useI18n();
  const [versions, setVersions] = useState<DraftVersion[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setVersions(null);
    setProblem(null);
    api.listVersions(generationId, controller.signal).then(setVersions, (error: unknown) => {
      if (controller.signal.aborted) return;
      console.warn("Versions not loaded", error);
      setProblem(t("ui.versions.failed", { reason: messageOf(error, t) }));
    });
    return () => controller.abort();
  }, [api, generationId, t]);

  return { versions, problem };
}
