// Server texts exist in English: every problem and server message a response can carry reads in English when
// the caller asks for it, and deferred messages render their parts in the reader's language (issue 20).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/errors";
// Registers English at once, as the server does.
import "../../../src/i18n";
import { en } from "../../../src/i18n/en";
import { fr, type MessageKey } from "../../../src/i18n/fr";
import { grouped, joined, msg, render } from "../../../src/i18n/message";
import { validationError } from "../../../src/schemas/parse";

/** A sentence, not a label: two or more words once the placeholders are gone ("notes" or "{head}, {tail}" are not). */
const isSentence = (text: string) => (text.replace(/\{\w+\}/gu, " ").match(/\p{L}{2,}/gu) ?? []).length >= 2;

/** The keys of every `msg("…")` under `dir`: the messages an AppError or a response may carry. */
function deferredKeys(folder: string): string[] {
  const dir = fileURLToPath(new URL(`../../../${folder}/`, import.meta.url));
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(?:ts|mjs)$/u.test(file))
    .flatMap((file) => [...readFileSync(join(dir, file), "utf8").matchAll(/\bmsg\("([\w.-]+)"/gu)])
    .map((m) => m[1] ?? "");
}

describe("server texts in English", () => {
  const deferred = [...deferredKeys("server"), ...deferredKeys("src")];
  const serverKeys = [
    ...new Set([...(Object.keys(fr) as MessageKey[]).filter((key) => /^(?:problem|server)\./u.test(key)), ...deferred]),
  ] as MessageKey[];

  it("finds the messages the server defers, all of them in the catalogue", () => {
    expect(deferred.length).toBeGreaterThan(100);
    expect(deferred.filter((key) => !Object.hasOwn(fr, key))).toEqual([]);
  });

  it("has an English text for every problem or server message, another text than the French one for sentences", () => {
    expect(serverKeys.length).toBeGreaterThan(60);
    const untranslated = serverKeys.filter((key) => isSentence(fr[key]) && en[key] === fr[key]);
    expect(untranslated).toEqual([]);
    const missing = serverKeys.filter((key) => !en[key]?.trim());
    expect(missing).toEqual([]);
  });

  it("keeps the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();
    const mismatched = serverKeys.filter((key) => placeholders(fr[key]).join() !== placeholders(en[key]).join());
    expect(mismatched).toEqual([]);
  });
});

describe("deferred messages", () => {
  it("render nested messages and grouped numbers in the reader's language", () => {
    const tooLong = msg("sources.too_long", { count: grouped(12_345), max: grouped(10_000) });
    expect(render(tooLong)).toMatch(/^Le texte obtenu \(12\u202f345 caractères\) .*\(10\u202f000 caractères\)/u);
    expect(render(tooLong, "en")).toMatch(/\(12,345 characters\).*\(10,000 characters\)/u);
    const detail = msg("problem.malformed_json.detail", { reason: msg("server.json.empty") });
    expect(render(detail, "en")).toBe("The request body is not valid JSON: the body is empty.");
    expect(render(detail)).toBe("Le corps de la requête n'est pas un JSON valide : le corps est vide.");
  });

  it("join lists through a message, one item or many", () => {
    const quoted = (name: string) => msg("problem.field.quoted", { name });
    const fields = joined([quoted("a")], "problem.list.comma");
    expect(render(msg("problem.unknown_field.detail", { fields }), "en")).toBe(
      "Field not allowed: “a”. Only the contract's fields are accepted.",
    );
    const issues = joined(["x", "y", "z"], "problem.list.issues");
    expect(render(msg("problem.invalid_request.detail", { issues }))).toBe("La requête est invalide : x ; y ; z");
  });

  it("keep an AppError's French detail for logs while responses render it in any language", () => {
    const error = new AppError("not_found", { detail: msg("server.request.no_route", { path: "/api/x" }) });
    expect(error.detail).toBe("Aucune ressource à l'adresse /api/x.");
    expect(error.message).toBe("Aucune ressource à l'adresse /api/x.");
    expect(render(error.detailMessage ?? msg("problem.not_found.detail"), "en")).toBe("No resource at /api/x.");
    expect(new AppError("internal").detail).toBeUndefined();
  });

  it("name schema issues in the reader's words", () => {
    const error = validationError(
      [
        { code: "invalid_type", expected: "string", path: ["notes"], message: "", input: undefined },
        { code: "invalid_value", values: ["up", "down"], path: ["rating"], message: "", input: "sideways" },
      ],
      {},
    );
    expect(error.code).toBe("invalid_request");
    expect(error.detail).toBe(
      "La requête est invalide : « notes » est obligatoire ; « rating » doit valoir l'une des valeurs : up, down",
    );
    expect(render(error.detailMessage ?? msg("problem.invalid_request.detail"), "en")).toBe(
      "The request is invalid: “notes” is required; “rating” must be one of: up, down",
    );
  });
});
