// Document extraction: JSON under the document's schema, validated, repaired once, every value checked against its
// quote.
import { readFileSync } from "node:fs";
import { beforeEach, expect, it } from "vitest";
import { GenerationResponseSchema } from "../../src/schemas/generation";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { describeEachStore } from "../support/stores";
import { parseSse } from "../support/test-app";

const DECLARATION = readFileSync(new URL("../fixtures/documents/declaration-sinistre.txt", import.meta.url), "utf8");
const QUOTE = readFileSync(new URL("../fixtures/documents/devis.txt", import.meta.url), "utf8");
const F = (value: string | null, quote: string | null = value) => ({ value, quote });
const NONE = F(null);

/** What a good model answers for the declaration, with the placeholders it was given. */
function goodAnswer(user: string): string {
  const plate = /immatriculation (\[IMMAT_\d+\])/.exec(user)?.[1] ?? "FG-482-KL";
  return JSON.stringify({
    documentType: "declaration-sinistre-auto",
    date: F("12/10/2025"),
    heure: F("18h30"),
    lieu: F("rond-point de l'avenue de Paris, Niort"),
    circonstances: F(
      "le tiers n'a pas respecté le cédez-le-passage",
      "le tiers n'a pas respecté le cédez-le-passage et a heurté l'arrière du véhicule assuré",
    ),
    vehicules: [
      {
        immatriculation: F(plate, `immatriculation ${plate}`),
        marqueModele: F("Peugeot 208"),
        conducteur: NONE,
        assureur: NONE,
      },
    ],
    tiers: [],
    dommages: F("feu arrière cassé, pare-chocs arrière enfoncé"),
    blesses: F("aucun", "Blessés : aucun"),
  });
}

describeEachStore("document extraction", (kind) => {
  const ctx = useAppWithFakeProvider(kind);
  beforeEach(() => {
    ctx.fake.requests.length = 0;
    ctx.fake.setDefaultText((r) => goodAnswer(r.body.messages.map((m) => m.content).join("\n")));
  });

  const extract = (payload: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/generations",
      payload: {
        task: "document-extraction",
        notes: "Déclaration reçue par courrier",
        source: DECLARATION,
        ...payload,
      },
      headers,
    });

  it("asks for JSON under the schema and returns the fields with their quotes, personal data restored", async () => {
    const response = await extract();
    expect(response.statusCode).toBe(201);
    const result = GenerationResponseSchema.parse(response.json());
    const sent = ctx.fake.requests[0]?.body as {
      response_format?: {
        type: string;
        json_schema: { name: string; strict: boolean; schema: { properties: Record<string, unknown> } };
      };
    };
    expect(sent.response_format).toMatchObject({
      type: "json_schema",
      json_schema: { name: "declaration-sinistre-auto", strict: true },
    });
    expect(Object.keys(sent.response_format?.json_schema.schema.properties ?? {})).toContain("vehicules");
    expect(JSON.stringify(ctx.fake.requests)).not.toContain("FG-482-KL");
    expect(result.extraction).toMatchObject({
      documentType: "declaration-sinistre-auto",
      date: F("12/10/2025"),
      vehicules: [{ immatriculation: { value: "FG-482-KL", quote: "immatriculation FG-482-KL" } }],
    });
    expect(result.draft).toContain("- Véhicule 1 — Immatriculation : FG-482-KL — « immatriculation FG-482-KL »");
    expect(result.ungrounded).toEqual([]);
    expect(result.degraded).toBe(false);
  });

  it("repairs a malformed answer once", async () => {
    ctx.fake.enqueue({ kind: "ok", text: '{"documentType": "declaration-sinistre-auto", "date": "12/10/2025"}' });
    const result = GenerationResponseSchema.parse((await extract()).json());
    expect(ctx.fake.requests).toHaveLength(2);
    const repair = ctx.fake.requests[1]?.body.messages ?? [];
    expect(repair.at(-2)).toMatchObject({ role: "assistant" });
    expect(repair.at(-1)?.content).toMatch(/ne respecte pas le schéma demandé : date/);
    expect(result).toMatchObject({ degraded: false, extraction: { date: F("12/10/2025") } });
  });

  it("falls back to the offline pattern extraction when the repair fails too, and says so", async () => {
    ctx.fake.enqueue(
      { kind: "ok", text: "Voici les informations : date 12/10" },
      { kind: "ok", text: "```json\n{ pas du json }\n```" },
    );
    const result = GenerationResponseSchema.parse((await extract()).json());
    expect(result.degraded).toBe(true);
    expect(result.extraction).toMatchObject({
      date: F("12/10/2025"),
      heure: F("18h30"),
      vehicules: [{ immatriculation: F("FG-482-KL") }],
      tiers: [{ immatriculation: F("GH-105-TR") }],
      lieu: NONE,
    });
  });

  it("flags a value whose quote is not in the document", async () => {
    ctx.fake.enqueue({
      kind: "ok",
      text: goodAnswer("").replace(
        '"lieu":{"value":"rond-point de l\'avenue de Paris, Niort","quote":"rond-point de l\'avenue de Paris, Niort"}',
        '"lieu":{"value":"Poitiers","quote":"accident survenu à Poitiers"}',
      ),
    });
    const result = GenerationResponseSchema.parse((await extract()).json());
    expect(result.ungrounded).toContainEqual(
      expect.objectContaining({ kind: "quote", field: "lieu", text: "Poitiers" }),
    );
    const flag = result.ungrounded.find((u) => u.field === "lieu");
    expect(result.draft.slice(flag?.start, flag?.end)).toBe("Poitiers");
  });

  it("recognises a quote and extracts its amounts offline, streaming the fields in one piece", async () => {
    ctx.fake.enqueue({ kind: "status", status: 400 });
    const response = await extract({ source: QUOTE }, { accept: "text/event-stream" });
    const events = parseSse(response.body);
    const done = GenerationResponseSchema.parse(events.at(-1)?.data);
    expect(
      events
        .filter((e) => e.event === "delta")
        .map((e) => (e.data as { text: string }).text)
        .join(""),
    ).toBe(done.draft);
    expect(done.extraction).toMatchObject({
      documentType: "devis-facture",
      montantHT: F("1 240,00 €", "Total HT : 1 240,00 €"),
      montantTTC: { value: "1 488,00 €" },
      tva: { value: "248,00 €" },
      numero: { value: "D-2025-1042" },
    });
    expect(done.extraction && "siret" in done.extraction ? done.extraction.siret.value : null).toBe(
      "732 829 320 00074",
    );
  });
});
