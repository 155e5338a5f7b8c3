// Owns the Office side of the OnMessageSend handler: registering it with Office.actions and the message it checks, as a
// port the send rules use.
/// <reference types="office-js" />
import { toLocale, type Locale } from "../../src/i18n";
import { isMailboxSetSupported } from "./office-async";
import {
  messageHoldsNotice,
  prependNotice,
  readProvenanceHeader,
  readSendState,
  writeProvenanceHeader,
  type SendState,
} from "./outlook-provenance";

/** The message being sent, as the send rules see it (Office calls behind it; a fake in tests). */
export interface SendItemPort {
  /** @throws HostError host_read_failed */
  readState(): Promise<SendState>;
  /** @throws HostError host_read_failed */
  holdsNotice(notice: string): Promise<boolean>;
  /** @throws HostError host_read_failed or host_write_failed */
  restoreNotice(notice: string): Promise<void>;
  /** @throws HostError host_read_failed */
  readProvenanceHeader(): Promise<string | null>;
  /** @throws HostError host_record_failed */
  writeProvenanceHeader(value: string): Promise<void>;
}

/** What the handler found out about where it runs. */
export interface SendContext {
  readonly locale: Locale;
  /** Mailbox 1.14: the alert can carry a button that opens the task pane (`cancelLabel` + `commandId`). */
  readonly canOpenPane: boolean;
}

/** The options `event.completed` takes for OnMessageSend (`Office.SmartAlertsEventCompletedOptions`). */
export interface SendCompletion {
  readonly allowEvent: boolean;
  readonly errorMessage?: string;
  readonly cancelLabel?: string;
  readonly commandId?: string;
}

/**
 * The port over the message Office hands the handler.
 * @param item - `Office.context.mailbox.item` in the event runtime.
 */
export function sendItemPort(item: Office.MessageCompose): SendItemPort {
  return {
    readState: () => readSendState(item),
    holdsNotice: (notice) => messageHoldsNotice(item, notice),
    restoreNotice: (notice) => prependNotice(item, notice),
    readProvenanceHeader: () => readProvenanceHeader(item),
    writeProvenanceHeader: (value) => writeProvenanceHeader(item, value),
  };
}

/**
 * Registers the OnMessageSend handler under the manifest's function name. Must run when the script loads:
 * classic Outlook on Windows looks the name up right after evaluating launchevent.js.
 * @param actionId - The manifest's handler name (`onMessageSendHandler`).
 * @param check - Decides what happens to the send; expected never to reject.
 * @param onFailure - The completion used if `check` rejects all the same, so the event is always completed.
 */
export function registerMessageSendHandler(
  actionId: string,
  check: (port: SendItemPort, context: SendContext) => Promise<SendCompletion>,
  onFailure: (context: SendContext) => SendCompletion,
): void {
  Office.actions.associate(actionId, (event: { completed(options: SendCompletion): void }) => {
    const context: SendContext = {
      locale: toLocale(Office.context.displayLanguage),
      canOpenPane: isMailboxSetSupported("1.14"),
    };
    const item = Office.context.mailbox.item as Office.MessageCompose;
    check(sendItemPort(item), context).then(
      (completion) => event.completed(completion),
      () => event.completed(onFailure(context)),
    );
  });
}
