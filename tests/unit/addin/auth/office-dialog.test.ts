// Covers the Office dialog the sign-in falls back on (office-addin-mock): first message back closes it, another origin
// is ignored, closing or blocking rejects with Office's code.
import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openOfficeDialog } from "../../../../addin/hosts/office-dialog";
import { createOutlookHost } from "../../../../addin/hosts/outlook";

type Handler = (arg: Record<string, unknown>) => void;

function installDialog(outcome: { status: "succeeded" | "failed"; code?: number }) {
  const handlers: Record<string, Handler> = {};
  const dialog = { close: vi.fn(), addEventHandler: (type: string, handler: Handler) => (handlers[type] = handler) };
  const opened: { url: string; options: unknown }[] = [];
  const office = new OfficeMockObject({
    host: "outlook",
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      displayLanguage: "fr-FR",
      requirements: { isSetSupported: () => true },
      mailbox: { item: { itemType: "message" } },
      ui: {
        displayDialogAsync: (url: string, options: unknown, cb: (r: unknown) => void) => {
          opened.push({ url, options });
          cb(
            outcome.status === "succeeded"
              ? { status: "succeeded", value: dialog }
              : { status: "failed", error: { code: outcome.code, message: "no" } },
          );
        },
      },
    },
  });
  (globalThis as unknown as { Office: unknown }).Office = office;
  return { handlers, dialog, opened };
}

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

describe("the Office dialog fallback", () => {
  it("resolves with the first message from the add-in's origin, then closes the dialog", async () => {
    const { handlers, dialog, opened } = installDialog({ status: "succeeded" });
    const result = openOfficeDialog("https://greffier.maif.fr/auth-dialog.html");
    handlers.dialogMessageReceived?.({ message: "from elsewhere", origin: "https://evil.example" });
    handlers.dialogMessageReceived?.({ message: "ours", origin: window.location.origin });
    await expect(result).resolves.toBe("ours");
    expect(dialog.close).toHaveBeenCalledTimes(1);
    expect(opened[0]).toEqual({ url: "https://greffier.maif.fr/auth-dialog.html", options: { height: 60, width: 30 } });
  });

  it("rejects with 12006 when the adviser closes it", async () => {
    const { handlers } = installDialog({ status: "succeeded" });
    const result = openOfficeDialog("https://greffier.maif.fr/auth-dialog.html");
    handlers.dialogEventReceived?.({ error: 12006 });
    await expect(result).rejects.toMatchObject({ code: "office_dialog", status: 12006 });
  });

  it("rejects with Office's code when it cannot open (another dialog open, pop-up blocked)", async () => {
    installDialog({ status: "failed", code: 12007 });
    await expect(openOfficeDialog("https://greffier.maif.fr/auth-dialog.html")).rejects.toMatchObject({
      code: "office_dialog",
      status: 12007,
    });
  });

  it("is what the Outlook host offers the sign-in", () => {
    installDialog({ status: "succeeded" });
    expect(createOutlookHost().auth?.openDialog).toBe(openOfficeDialog);
  });
});
