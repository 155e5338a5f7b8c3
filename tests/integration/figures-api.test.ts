// The figures corpora through the HTTP API: the fake provider answers each case's draft, the server flags what the
// notes do not support; invented figures are caught (≥ 95 %) and no figure the notes support is flagged.
import { describe, expect, it } from "vitest";
import { GenerationResponseSchema } from "../../src/schemas/generation";
import { loadFiguresCorpus } from "../bench/figures";
import { useAppWithFakeProvider } from "../support/app-fixture";

describe("figures groundedness through the API", () => {
  const ctx = useAppWithFakeProvider("pglite", { RATE_LIMIT_PER_MINUTE: "10000" });

  it.each(["corpus.jsonl", "held-out.jsonl"])(
    "%s: invented figures caught, supported ones never flagged",
    async (name) => {
      let invented = 0;
      let caught = 0;
      const wrong: string[] = [];
      for (const c of loadFiguresCorpus(name)) {
        ctx.fake.enqueue({ kind: "ok", text: c.draft });
        const response = await ctx.app.inject({
          method: "POST",
          url: "/api/generations",
          payload: { task: "interview-minutes", notes: c.notes },
        });
        expect(response.statusCode, response.body).toBe(201);
        const result = GenerationResponseSchema.parse(response.json());
        expect(result.draft).toBe(c.draft);
        const expected = c.flags.map((f) => ({ start: c.draft.indexOf(f), end: c.draft.indexOf(f) + f.length }));
        const overlaps = (
          a: { start?: number | undefined; end?: number | undefined },
          b: { start: number; end: number },
        ) => (a.start ?? -1) < b.end && b.start < (a.end ?? -1);
        invented += expected.length;
        caught += expected.filter((e) => result.ungrounded.some((u) => overlaps(u, e))).length;
        for (const u of result.ungrounded) if (!expected.some((e) => overlaps(u, e))) wrong.push(`${c.id}: ${u.text}`);
      }
      expect(caught / invented).toBeGreaterThanOrEqual(0.95);
      expect(wrong).toEqual([]);
    },
    120_000,
  );
});
