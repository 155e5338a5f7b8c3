// Owns the contract between the app and whatever hosts it (Outlook, Teams, a plain browser).
import type { Locale } from "../../src/i18n";
import type { GenerationContext } from "../../src/schemas/generation";
import type { TaskId } from "../../src/tasks/catalogue";

/** Which host the pane runs in; chosen once at start-up. */
export type HostKind = "outlook" | "teams" | "browser";

/** Colour scheme the host shows, mapped to a Fluent theme by `addin/theme`. */
export type HostTheme = "light" | "dark" | "contrast";

/** What the pane is attached to; decides the autosave slot and the places the text can go. */
export type ItemKind = "message-read" | "message-compose" | "appointment-read" | "appointment-compose" | "meeting" | "session";

/** Where a validated text can be written, besides copy and .docx download which every host offers. */
export type WriteTarget = "insert" | "reply" | "append";

/** The item the adviser is working on, as the host sees it. */
export interface ItemContext {
  /** Stable key of the item (Outlook item, Teams meeting, browser session): the autosave slot. */
  readonly key: string;
  readonly kind: ItemKind;
  /** Prefill for the editable context fields; the adviser may change any of them. */
  readonly context: GenerationContext;
  /** Text the generation may read besides the notes (the mail being answered); never the adviser's notes. */
  readonly source?: string;
  /** Task that fits the item best (a mail to answer suggests `member-email`). */
  readonly suggestedTask?: TaskId;
  /** Write targets available for this item. */
  readonly targets: readonly WriteTarget[];
}

/** Error a host raises when it cannot read or write; the code picks the message shown. */
export class HostError extends Error {
  readonly code: "host_read_failed" | "host_write_failed" | "host_unsupported";

  constructor(code: HostError["code"], options: { cause?: unknown } = {}) {
    super(code, { cause: options.cause });
    this.name = "HostError";
    this.code = code;
  }
}

/**
 * One host behind one interface (live-share's `ILiveShareHost` pattern): components receive it through
 * context, tests pass a fake. Adapters take the validated **plain text** and do their own escaping, so no
 * caller can hand raw model HTML to a mail body.
 */
export interface HostAdapter {
  readonly kind: HostKind;
  /** UI language the host runs in. */
  readonly locale: Locale;
  /** Current colour scheme. */
  theme(): HostTheme;
  /**
   * Reads the current item.
   * @throws HostError host_read_failed when the host refuses.
   */
  readContext(): Promise<ItemContext>;
  /**
   * Writes the validated text to `target` (escaped and sanitised by the adapter), followed by the
   * transparency notice the server decided, when there is one.
   * @throws HostError host_write_failed or host_unsupported.
   */
  write(target: WriteTarget, text: string, notice?: string | null): Promise<void>;
  /** Calls `listener` when the host switches item (pinned Outlook pane); returns the unsubscribe function. */
  onItemChanged(listener: () => void): () => void;
  /** Calls `listener` when the host theme changes; returns the unsubscribe function. */
  onThemeChanged(listener: (theme: HostTheme) => void): () => void;
}
