// Owns the Outlook microphone permission: Office.devicePermission (requirement set DevicePermission 1.1) where the
// client has it.
/// <reference types="office-js" />
import type { MicrophonePermission } from "./host-adapter";

/**
 * Asks Outlook (on the web in Chromium browsers, new Outlook on Windows) to let the pane use the microphone. A first
 * grant needs the pane reloaded before getUserMedia works; clients without the requirement set answer "unsupported"
 * and the pane tries getUserMedia directly (classic Outlook's WebView2 may then refuse).
 */
export function requestOutlookMicrophone(): Promise<MicrophonePermission> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.context?.requirements?.isSetSupported("DevicePermission", "1.1") || !office.devicePermission)
    return Promise.resolve("unsupported");
  return new Promise((resolve) => {
    office.devicePermission.requestPermissionsAsync([office.DevicePermissionType.microphone], (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) resolve("denied");
      else resolve(result.value ? "granted-reload" : "granted");
    });
  });
}
