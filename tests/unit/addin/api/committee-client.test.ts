// Covers the committee client: answers read by the src/schemas contract, problems, token and export.
import { describe, expect, it } from "vitest";
import { AddinError, type ProblemError } from "../../../../addin/lib/errors";
import { auditExportPath, createCommitteeClient } from "../../../../addin/api/committee";
import { CommitteeStatsSchema, PrePromptListSchema, StatsCellSchema } from "../../../../src/schemas/committee";
import { jsonResponse, scriptedFetch, type FetchCall } from "../support/fake-fetch";

const shown = {
  month: "2026-11",
  task: "member-email",
  suppressed: false,
  generations: 6,
  validatedShare: 0.5,
  aiShareHistogram: [0, 0, 0, 0, 0, 1, 0, 0, 0, 2],
  transparency: { "ai-validated": 2, "human-with-ai": 1 },
  ungroundedPerGeneration: 0,
  degraded: 1,
  healthDataShare: 0,
  providers: [{ name: "offline", region: "FRA", generations: 6 }],
  energyWh: { total: 0.01, perGeneration: 0.002 },
  gco2eq: { total: 0.001, perGeneration: 0.0002 },
  prePromptVersions: ["member-email@1"],
  feedback: { up: 0, down: 1 },
};
const stats = {
  minGroupSize: 5,
  cells: [shown, { month: "2026-11", task: "claim-summary", suppressed: true }],
  totals: { generations: 6, energyWh: 0.01, gco2eq: 0.001 },
  comments: [],
  useCases: [],
};

describe("committee client", () => {
  it("reads the stats through the contract", async () => {
    const read = await createCommitteeClient({ fetch: scriptedFetch(() => jsonResponse(200, stats)) }).stats();
    expect(read).toEqual(stats);
  });

  it("refuses a shown cell missing a figure, or a histogram that is not ten buckets", () => {
    const { energyWh: _energy, ...withoutEnergy } = shown;
    const fits = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;
    expect(fits(StatsCellSchema, withoutEnergy)).toBe(false);
    expect(fits(StatsCellSchema, { ...shown, aiShareHistogram: [1, 2, 3] })).toBe(false);
    expect(fits(StatsCellSchema, { ...shown, suppressed: "no" })).toBe(false);
    expect(
      fits(CommitteeStatsSchema, {
        ...stats,
        comments: [{ month: "2026-11", task: null, rating: "meh", comment: "x" }],
      }),
    ).toBe(false);
    const version = {
      id: "a@1",
      task: "a",
      version: 1,
      sha256: "x",
      text: "t",
      firstSeenAt: "2026-11-01T00:00:00Z",
      firstUsedAt: 3,
    };
    expect(fits(PrePromptListSchema, [version])).toBe(false);
  });

  it("sends the bearer token and turns a 403 into the server's French problem", async () => {
    const forbidden = {
      type: "urn:greffier:problem:forbidden",
      title: "Accès refusé",
      status: 403,
      detail: "Ces données sont réservées au comité d'éthique et de contrôle.",
      code: "forbidden",
    };
    const fetch = scriptedFetch(() => jsonResponse(403, forbidden, "application/problem+json"));
    const error = await createCommitteeClient({ fetch, getAccessToken: () => Promise.resolve("tok") })
      .stats()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddinError);
    expect((error as ProblemError).code).toBe("forbidden");
    expect((error as ProblemError).problem.status).toBe(403);
    const call = fetch.calls[0] as FetchCall;
    expect(call.url).toBe("/api/committee/stats");
    expect(call.init.method).toBe("GET");
    expect((call.init.headers as Record<string, string>).authorization).toBe("Bearer tok");
  });

  it("reports an answer of the wrong shape, and an unreachable server, in words", async () => {
    const bad = await createCommitteeClient({ fetch: scriptedFetch(() => jsonResponse(200, { cells: "nope" })) })
      .stats()
      .catch((e: unknown) => e);
    expect((bad as ProblemError).code).toBe("bad_response");
    expect((bad as ProblemError).problem.detail).toBe(
      "Le serveur a renvoyé une réponse inattendue. Réessayez dans un instant.",
    );
    const down = await createCommitteeClient({
      fetch: scriptedFetch(() => Promise.reject(new TypeError("Failed to fetch"))),
    })
      .verifyAudit()
      .catch((e: unknown) => e);
    expect((down as ProblemError).code).toBe("network");
    expect((down as ProblemError).problem.detail).toMatch(/injoignable/);
  });

  it("downloads the export in the format asked, named as the server says", async () => {
    const fetch = scriptedFetch(
      () =>
        new Response("[]", {
          status: 200,
          headers: {
            "content-type": "application/json",
            "content-disposition": 'attachment; filename="greffier-audit-2026-11-25.json"',
          },
        }),
    );
    const file = await createCommitteeClient({ fetch, baseUrl: "https://greffier.example/" }).exportAudit("json");
    expect(file.filename).toBe("greffier-audit-2026-11-25.json");
    expect(await file.blob.text()).toBe("[]");
    expect((fetch.calls[0] as FetchCall).url).toBe(`https://greffier.example${auditExportPath("json")}`);
    expect(auditExportPath("csv")).toBe("/api/committee/audit/export?format=csv");
  });
});
