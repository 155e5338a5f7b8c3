// Owns the Office dialog API: the sign-in fallback the task pane opens, and the dialog page's way back to it.
/// <reference types="office-js" />
import { AddinError } from "../lib/errors";
import type { HostAuth } from "./host-adapter";

/** A dialog that did not open, or closed without answering: code `office_dialog`, Office's error number as `status`. */
function officeDialogError(officeCode: number, cause?: unknown): AddinError {
  return new AddinError("office_dialog", { status: officeCode, cause, message: `office_dialog_${officeCode}` });
}

/** Office's dialog error for "the user closed the dialog". */
export const DIALOG_CLOSED_BY_USER = 12006;

/** Height and width of the sign-in dialog, in percent of the screen: enough for Microsoft's sign-in page. */
const DIALOG_SIZE = { height: 60, width: 30 };

/**
 * Opens `url` in an Office dialog and resolves with the first message its page sends (`messageParent`); the dialog
 * is then closed. Messages from another origin than the pane's are ignored (DialogOrigin 1.1 reports it).
 * @param url - An https page on the add-in's origin (Office refuses others as a start page).
 * @returns The message.
 * @throws AddinError `office_dialog` when the dialog cannot open or the user closes it.
 */
export function openOfficeDialog(url: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, DIALOG_SIZE, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        reject(officeDialogError(result.error.code, result.error));
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if (!("message" in arg)) return;
        if (arg.origin !== undefined && arg.origin !== window.location.origin) return;
        dialog.close();
        resolve(arg.message);
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        reject(officeDialogError("error" in arg ? arg.error : DIALOG_CLOSED_BY_USER));
      });
    });
  });
}

/**
 * Resolves when office.js is ready in a dialog page.
 * @returns Office's display language (e.g. "fr-FR"), when it says.
 * @throws Error when office.js is not on the page.
 */
export async function whenOfficeReady(): Promise<string | undefined> {
  if (typeof Office === "undefined") throw new Error("office.js is not loaded");
  await Office.onReady();
  return Office.context?.displayLanguage;
}

/**
 * Sends `message` from a dialog page to the task pane that opened it, to the pane's origin only where Office can
 * target one (DialogApi 1.2).
 * @param message - A string; the pane parses it.
 */
export function sendToOpener(message: string): void {
  if (Office.context.requirements?.isSetSupported("DialogApi", "1.2")) {
    Office.context.ui.messageParent(message, { targetOrigin: window.location.origin });
  } else {
    Office.context.ui.messageParent(message);
  }
}

/** What Outlook offers the sign-in: the Office dialog, for when MSAL's popup cannot open. */
export const officeHostAuth: HostAuth = { openDialog: openOfficeDialog };
