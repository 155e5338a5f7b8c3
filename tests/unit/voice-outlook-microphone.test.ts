// Outlook microphone permission (issue 17): DevicePermission 1.1 asked when present, its three answers, and clients
// without it.
import { afterEach, describe, expect, it } from "vitest";
import { requestOutlookMicrophone } from "../../addin/hosts/outlook-microphone";

function fakeOffice(options: { isSupported: boolean; answer?: { status: string; value?: boolean } }): string[][] {
  const asked: string[][] = [];
  (globalThis as Record<string, unknown>).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    DevicePermissionType: { microphone: "microphone", camera: "camera" },
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) =>
          options.isSupported && name === "DevicePermission" && version === "1.1",
      },
    },
    devicePermission: {
      requestPermissionsAsync: (types: string[], callback: (r: unknown) => void) => {
        asked.push(types);
        callback(options.answer);
      },
    },
  };
  return asked;
}

describe("requestOutlookMicrophone", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Office;
  });

  it("asks for the microphone only, and needs a reload after a first grant", async () => {
    const asked = fakeOffice({ isSupported: true, answer: { status: "succeeded", value: true } });
    expect(await requestOutlookMicrophone()).toBe("granted-reload");
    expect(asked).toEqual([["microphone"]]);
  });

  it("records at once when the permission was already given, and reports a refusal", async () => {
    fakeOffice({ isSupported: true, answer: { status: "succeeded", value: false } });
    expect(await requestOutlookMicrophone()).toBe("granted");
    fakeOffice({ isSupported: true, answer: { status: "failed" } });
    expect(await requestOutlookMicrophone()).toBe("denied");
  });

  it("answers unsupported on clients without DevicePermission 1.1, without calling it", async () => {
    const asked = fakeOffice({ isSupported: false });
    expect(await requestOutlookMicrophone()).toBe("unsupported");
    expect(asked).toEqual([]);
  });
});
