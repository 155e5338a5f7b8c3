// Owns the Outlook thread as a source: in read mode the mail being read is a thread, which the server splits and
// attributes; it becomes the source card. Should that fail, the message is offered as it is, with a checkbox.
import { useCallback, useEffect, useState } from "react";
import { MAX_SOURCE_CHARS } from "../../../src/schemas/limits";
import type { ItemContext } from "../../hosts/host-adapter";
import { useApi } from "../../api/use-api";
import { useI18n } from "../../hooks/use-i18n";
import { messageOf } from "../../lib/errors";
import { attributionOf, type WorkSource } from "../../lib/work-source";

/** The host's text as a source, and the state of its reading as a thread. */
export interface ThreadSource {
  /**
   * The host's text offered with the checkbox, cut to what a request takes: null when the host has none, or when
   * it is a thread, which becomes (or is becoming) the source card instead.
   */
  readonly offered: string | null;
  /** The item is a mail read in Outlook: its text is read as a thread. */
  readonly isThreadItem: boolean;
  readonly isReading: boolean;
  /** Why the thread could not be analysed, in words, or null. */
  readonly problem: string | null;
  /** Reads the thread again (the adviser removed it and asks for it back). */
  readonly read: () => void;
}

/**
 * Reads the item's thread once, unless the restored work already holds a source (or its removal): `restored` is
 * the saved source, undefined when nothing was saved about it.
 */
export function useThreadSource(
  item: ItemContext,
  restored: WorkSource | null | undefined,
  onSource: (source: WorkSource) => void,
): ThreadSource {
  const api = useApi();
  const { t } = useI18n();
  const [isReading, setIsReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const hostSource = item.source ? item.source.slice(0, MAX_SOURCE_CHARS) : null;
  const isThreadItem = item.kind === "message-read" && hostSource !== null;

  const read = useCallback((): (() => void) => {
    if (!item.source) return () => undefined;
    const controller = new AbortController();
    setIsReading(true);
    setProblem(null);
    const request = { text: item.source, ...(item.memberAddress ? { memberAddress: item.memberAddress } : {}) };
    api
      .mailThreadSource(request, controller.signal)
      .then(
        (answer) => {
          // The item was switched meanwhile: this thread's source belongs to a workspace that is gone.
          if (controller.signal.aborted) return;
          onSource({
            kind: "mail-thread",
            name: "",
            text: answer.source,
            facts: { messages: answer.messages, ...attributionOf(answer.source) },
          });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          console.warn("Mail thread not analysed", error);
          setProblem(t("ui.source.thread_failed", { reason: messageOf(error, t) }));
        },
      )
      .finally(() => {
        if (!controller.signal.aborted) setIsReading(false);
      });
    return () => controller.abort();
  }, [api, item.source, item.memberAddress, t, onSource]);

  useEffect(() => {
    // Once per item: a restored source (or one the adviser removed) stays as the adviser left it.
    if (isThreadItem && restored === undefined) return read();
    return undefined;
    // On mount only: the workspace is remounted for each item.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only (see above)
  }, []);

  const offered = isThreadItem && problem === null ? null : hostSource;
  return { offered, isThreadItem, isReading, problem, read: () => void read() };
}
