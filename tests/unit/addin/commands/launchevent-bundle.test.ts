// Runs the built dist/launchevent.js as classic Outlook on Windows does: alone, in a bare JavaScript context with no
// DOM, no module loader, only Office.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
// acorn is webpack's own parser (always installed with it): it knows exactly which syntax each edition allows.
import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { ON_MESSAGE_SEND_ACTION_ID } from "../../../../manifest/pages";
import { fakeComposeOffice, sendMessage } from "../../../support/fake-outlook-compose";

const SCRIPT = join(import.meta.dirname, "../../../../dist/launchevent.js");

describe.runIf(existsSync(SCRIPT))("dist/launchevent.js in a JavaScript-only runtime", () => {
  const code = readFileSync(SCRIPT, "utf8");

  it("is one classic script: no import, no chunk loading, nothing fetched", () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\bimport\(|importScripts|__webpack_require__\.e\b|document\.createElement\(["']script/);
  });

  it("is ECMAScript 2016, the most classic Outlook's event runtime runs (no async/await, spread or ?.)", () => {
    expect(() => parse(code, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  it("calls no library function newer than ECMAScript 2016", () => {
    const newer =
      /\bObject\.(entries|values|fromEntries|hasOwn|getOwnPropertyDescriptors)\b|\.(padStart|padEnd|flatMap|flat|matchAll|replaceAll|at)\(|Promise\.(allSettled|any)\b|\.finally\(|structuredClone|globalThis/;
    expect(code.match(newer)?.[0] ?? null).toBeNull();
  });

  it("registers the handler and holds a mail with an unvalidated draft, with nothing but Office in scope", async () => {
    const { office, state } = fakeComposeOffice();
    state.properties.greffierPending = "0b9d3c7e-4a57-4d1e-9c55-7f3f2b1e8a10";
    // No window, document, self or fetch: what the JS-only runtime offers, plus the globals of the language.
    runInNewContext(code, { Office: office, console });
    expect([...state.actions.keys()]).toEqual([ON_MESSAGE_SEND_ACTION_ID]);
    const completion = await sendMessage(state, ON_MESSAGE_SEND_ACTION_ID);
    expect(completion).toMatchObject({
      allowEvent: false,
      commandId: "GreffierComposeOpenPane",
      cancelLabel: "Ouvrir Greffier",
    });
  });

  it("lets a mail without Greffier state go", async () => {
    const { office, state } = fakeComposeOffice();
    runInNewContext(code, { Office: office, console });
    expect(await sendMessage(state, ON_MESSAGE_SEND_ACTION_ID)).toEqual({ allowEvent: true });
  });
});
