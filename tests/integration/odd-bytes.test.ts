// Odd bytes: a NUL or a lone surrogate in any text field of any route gives a 4xx or a clean answer, never a 5xx,
// and never a draft that streams and is then lost; on PGlite and on PostgreSQL (which refuses both in jsonb).
import { describe, expect, it } from "vitest";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { describeEachStore } from "../support/stores";
import { parseSse } from "../support/test-app";

const NOTES = "appel du 05/11 : déclaration de dégât des eaux, plafond de la cuisine";
// Raw JSON bodies, so the escapes reach the server exactly as a client could send them.
const NUL = "\\u0000";
const LONE = "\\ud800";

describeEachStore("odd bytes", (kind) => {
  const f = useAppWithFakeProvider(kind);

  const post = (url: string, rawJson: string, headers: Record<string, string> = {}) =>
    f.app.inject({
      method: "POST",
      url,
      payload: rawJson,
      headers: { "content-type": "application/json", ...headers },
    });

  async function generation(): Promise<{ id: string; draft: string }> {
    const response = await f.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: { task: "interview-minutes", notes: NOTES },
    });
    return response.json() as { id: string; draft: string };
  }

  for (const [label, odd] of [
    ["NUL", NUL],
    ["lone surrogate", LONE],
  ] as const) {
    describe(label, () => {
      it("is cleaned from every text field of a generation, JSON and SSE, and the draft is stored", async () => {
        const g = await generation();
        const bodies = [
          `{"task":"interview-minutes","notes":"${NOTES}${odd}"}`,
          `{"task":"interview-minutes","notes":"${NOTES}","source":"courrier${odd} du 02/11"}`,
          `{"task":"member-email","notes":"${NOTES}","context":{"memberName":"Mme${odd} Durand","subject":"sinistre${odd}","tone":"cordial${odd}"}}`,
          `{"task":"interview-minutes","notes":"${NOTES}","revise":{"generationId":"${g.id}","instruction":"plus${odd} concis","draft":"brouillon${odd}"}}`,
        ];
        for (const body of bodies) {
          const json = await post("/api/generations", body);
          expect(json.statusCode, body).toBe(201);
          const saved = await f.app.inject({
            method: "GET",
            url: `/api/generations/${(json.json() as { id: string }).id}`,
          });
          expect(saved.statusCode).toBe(200);
          expect(saved.body).not.toMatch(/\\u0000|\\ud800/i);

          const sse = await post("/api/generations", body, { accept: "text/event-stream" });
          const events = parseSse(sse.body);
          expect(events.map((e) => e.event)).not.toContain("error");
          expect(events.at(-1)?.event).toBe("done");
        }
      });

      it("is cleaned from minutes, versions, feedback and source texts", async () => {
        const g = await generation();
        const minutes = await post(
          "/api/minutes",
          `{"generationId":"${g.id}","text":"${g.draft.replaceAll("\n", "\\n")}${odd}","validated":true}`,
        );
        expect(minutes.statusCode).toBe(201);
        const read = await f.app.inject({
          method: "GET",
          url: `/api/minutes/${(minutes.json() as { id: string }).id}`,
        });
        expect(read.statusCode).toBe(200);
        expect(
          (read.json() as { text: string }).text.endsWith(g.draft.slice(-10) + (odd === LONE ? "\uFFFD" : "")),
        ).toBe(true);

        expect((await post(`/api/generations/${g.id}/versions`, `{"text":"version${odd} modifiée"}`)).statusCode).toBe(
          201,
        );
        expect(
          (await post("/api/feedback", `{"generationId":"${g.id}","rating":"up","comment":"très${odd} bien"}`))
            .statusCode,
        ).toBe(201);
        expect(
          (await post("/api/feedback", `{"kind":"use-case","comment":"résumer${odd} un courrier"}`)).statusCode,
        ).toBe(201);

        const vtt = await post(
          "/api/sources/transcript",
          `{"vtt":"WEBVTT\\n\\n00:00:01.000 --> 00:00:04.000\\n<v Claire>Bonjour${odd} madame\\n"}`,
        );
        expect(vtt.statusCode).toBeLessThan(500);
        const thread = await post(
          "/api/sources/mail-thread",
          `{"text":"De : a@example.org\\nObjet : sinistre${odd}\\n\\nBonjour${odd}"}`,
        );
        expect(thread.statusCode).toBeLessThan(500);
      });

      it("in a key, an enum value, an id or a query string gives a 4xx problem or a clean answer, never a 5xx", async () => {
        const g = await generation();
        const answers = await Promise.all([
          post("/api/generations", `{"task":"interview-minutes","notes":"${NOTES}","ex${odd}tra":"x"}`),
          post("/api/generations", `{"task":"interview${odd}-minutes","notes":"${NOTES}"}`),
          post("/api/minutes", `{"generationId":"${g.id}${odd}","text":"texte","validated":true}`),
          post("/api/feedback", `{"generationId":"${g.id}","rating":"up${odd}"}`),
          f.app.inject({ method: "GET", url: "/api/minutes/%00" }),
          f.app.inject({ method: "GET", url: `/api/generations/${g.id}%00` }),
          f.app.inject({ method: "GET", url: "/api/minutes?limit=%00" }),
        ]);
        for (const answer of answers) {
          expect(answer.statusCode).toBeLessThan(500);
          if (answer.statusCode >= 400) expect(answer.headers["content-type"]).toMatch(/application\/problem\+json/);
        }
        // The ids with an odd byte in them never match a record.
        expect(answers[4]?.statusCode).toBe(404);
        expect(answers[5]?.statusCode).toBe(404);
      });
    });
  }
});
