// Covers the pure rules of the review: flags, the draft state machine, blocks, HTML and the local work store.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { toBlocks, toPlainText } from "../../../../addin/lib/draft-blocks";
import { draftToSafeHtml } from "../../../../addin/lib/draft-html";
import { escapeHtml } from "../../../../addin/lib/escape-html";
import { canSave, draftReducer, idlePhase, saveBlocker, type DraftPhase } from "../../../../addin/lib/draft-session";
import { applyCorrection, contextOf, highlightRanges, initialFlags, pendingCount } from "../../../../addin/lib/flags";
import { footprintSentence } from "../../../../addin/lib/footprint";
import { clearWork, loadWork, pruneWork, RETENTION_MS, saveWork, workKey } from "../../../../addin/lib/work-store";
import { generation } from "../support/fake-fetch";

describe("flags", () => {
  const text = "Devis de 1 250 € puis 1 250 € encore, rappel sous 48 h.";
  const flags = initialFlags([
    { text: "1 250 €", kind: "amount", start: 9, end: 16 },
    { text: "48 h", kind: "time" },
  ]);

  it("highlights every occurrence of pending figures, in order", () => {
    expect(highlightRanges(flags, text).map((r) => text.slice(r.start, r.end))).toEqual(["1 250 €", "1 250 €", "48 h"]);
    expect(highlightRanges([{ ...flags[0]!, status: "confirmed" }], text)).toEqual([]);
  });

  it("counts a figure removed from the text as handled", () => {
    expect(pendingCount(flags, text)).toBe(2);
    expect(pendingCount(flags, "Devis révisé, rappel sous 48 h.")).toBe(1);
  });

  it("corrects at the server offsets when they still match, else at the first occurrence", () => {
    expect(applyCorrection(text, flags[0]!.figure, "1 300 €")).toBe(
      "Devis de 1 300 € puis 1 250 € encore, rappel sous 48 h.",
    );
    expect(applyCorrection(`Note. ${text}`, flags[0]!.figure, "X")).toBe(
      "Note. Devis de X puis 1 250 € encore, rappel sous 48 h.",
    );
  });

  it("gives the figure's surroundings within its line, without list markers", () => {
    expect(contextOf(flags[1]!, "## Titre\n- Rappel sous 48 h.\n- Autre")).toEqual({
      before: "Rappel sous ",
      match: "48 h",
      after: ".",
    });
  });
});

describe("draft session", () => {
  const answer = generation({ draft: "Montant 1 250 €.", ungrounded: [{ text: "1 250 €", kind: "amount" }] });
  const review = (): DraftPhase =>
    draftReducer(draftReducer(idlePhase, { type: "start" }), { type: "done", generation: answer });

  it("accumulates deltas, honours replace, and keeps the partial text on failure and cancel", () => {
    let phase = draftReducer(idlePhase, { type: "start" });
    phase = draftReducer(phase, { type: "delta", text: "Bon" });
    phase = draftReducer(phase, { type: "replace", text: "Re", reason: "fallback" });
    phase = draftReducer(phase, { type: "delta", text: "prise" });
    expect(phase).toMatchObject({ kind: "streaming", text: "Reprise" });
    expect(
      draftReducer(phase, { type: "fail", problem: { type: "t", title: "t", status: 502, detail: "d" } }),
    ).toMatchObject({ kind: "failed", text: "Reprise" });
    expect(draftReducer(phase, { type: "cancel" })).toEqual({ kind: "cancelled", text: "Reprise" });
  });

  it("blocks saving until flags are handled and the text validated, in that order", () => {
    let phase = review();
    expect(saveBlocker(phase)).toBe("flags");
    phase = draftReducer(phase, { type: "validate", isValidated: true });
    expect(saveBlocker(phase)).toBe("flags");
    phase = draftReducer(phase, { type: "confirm-flag", id: 0 });
    expect(canSave(phase)).toBe(true);
    phase = draftReducer(phase, { type: "reopen-flag", id: 0 });
    expect(saveBlocker(phase)).toBe("flags");
  });

  it("unticks the validation when the words change after it", () => {
    let phase = draftReducer(review(), { type: "confirm-flag", id: 0 });
    phase = draftReducer(phase, { type: "validate", isValidated: true });
    phase = draftReducer(phase, { type: "edit", text: "Montant 1 250 € TTC." });
    expect(phase).toMatchObject({ isValidated: false, wasValidationReset: true });
    expect(saveBlocker(phase)).toBe("validation");
    expect(saveBlocker(draftReducer(phase, { type: "edit", text: "  " }))).toBe("empty");
  });

  it("ignores a save while one is running and empty corrections", () => {
    let phase = draftReducer(draftReducer(review(), { type: "confirm-flag", id: 0 }), {
      type: "validate",
      isValidated: true,
    });
    phase = draftReducer(phase, { type: "save-start" });
    expect(saveBlocker(phase)).toBe("saving");
    expect(draftReducer(phase, { type: "edit", text: "autre" })).toBe(phase);
    expect(draftReducer(review(), { type: "correct-flag", id: 0, value: "  " })).toEqual(review());
  });
});

describe("draft to blocks, text and HTML", () => {
  const draft = "# Titre\nLigne 1\nLigne 2\n\n- **Gras** et <i>balise</i>\n* second\n\nFin";

  it("reads headings, paragraphs with their lines, and bullet lists", () => {
    expect(toBlocks(draft).map((b) => b.type)).toEqual(["heading", "paragraph", "list", "paragraph"]);
    expect(toPlainText(draft, "Mention")).toBe(
      "Titre\n\nLigne 1\nLigne 2\n\n• Gras et <i>balise</i>\n• second\n\nFin\n\nMention",
    );
  });

  it("escapes everything the model wrote and keeps only the fixed tags", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(draftToSafeHtml(draft)).toBe(
      "<h2>Titre</h2><p>Ligne 1<br>Ligne 2</p><ul><li><strong>Gras</strong> et &lt;i&gt;balise&lt;/i&gt;</li><li>second</li></ul><p>Fin</p>",
    );
  });
});

describe("footprint in plain words", () => {
  it("says it in French and English", () => {
    expect(footprintSentence({ energyWh: 0.42, gco2eq: 0.021 }, "fr")).toBe(
      "Empreinte estimée : ≈ 0,42 Wh, 21 mg CO2e, comme une ampoule LED allumée 3 min",
    );
    expect(footprintSentence({ energyWh: 0.05, gco2eq: 0.003 }, "en")).toBe(
      "Estimated footprint: ≈ 0.05 Wh, 3 mg CO2e, like an LED bulb lit for 18 s",
    );
  });
});

describe("work store", () => {
  beforeEach(() => {
    // Corrupt and refused copies are reported on the console by design; keep the test output quiet.
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());
  const work = {
    task: "member-email" as const,
    notes: "notes",
    context: { memberName: "K" },
    includeSource: false,
    phase: { kind: "streaming", text: "partiel" } as DraftPhase,
  };

  it("round-trips the work, storing a running stream as cancelled", () => {
    saveWork("k1", work, localStorage, 1000);
    expect(loadWork("k1", localStorage, 2000)).toEqual({
      ...work,
      phase: { kind: "cancelled", text: "partiel" },
      updatedAt: 1000,
    });
    clearWork("k1", localStorage);
    expect(loadWork("k1", localStorage)).toBeNull();
  });

  it("keeps notes 24 h by default, then forgets them; ignores corrupt and pre-user copies", () => {
    expect(RETENTION_MS).toBe(24 * 3_600_000);
    const now = Date.now();
    saveWork("old", work, localStorage, now - 25 * 3_600_000);
    saveWork("day", work, localStorage, now - 23 * 3_600_000);
    saveWork("stale", work, localStorage, now - 30 * 3_600_000);
    saveWork("new", work, localStorage);
    localStorage.setItem("greffier:work:v2:bad", "{not json");
    localStorage.setItem("greffier:work:v1:outlook:AAMk1", JSON.stringify({ ...work, updatedAt: now }));
    expect(loadWork("old", localStorage, now)).toBeNull();
    expect(loadWork("day", localStorage, now)).not.toBeNull();
    expect(loadWork("bad", localStorage)).toBeNull();
    // The stale copy, the corrupt one and the copy from before notes were keyed by user.
    expect(pruneWork(localStorage, now)).toBe(3);
    expect(loadWork("new", localStorage)).not.toBeNull();
    expect(loadWork("day", localStorage, now)).not.toBeNull();
  });

  it("keys the work by user and by item", () => {
    expect(workKey("a@maif.fr", "outlook:AAMk1")).not.toBe(workKey("b@maif.fr", "outlook:AAMk1"));
    expect(workKey("a@maif.fr", "outlook:AAMk1")).not.toBe(workKey("a@maif.fr", "outlook:AAMk2"));
    expect(workKey(undefined, "browser:draft:brouillon")).toBe("local|browser:draft:brouillon");
    // A user key holding the separator cannot forge another slot.
    expect(workKey("a|b", "c")).not.toBe(workKey("a", "b|c"));
  });

  it("reports a refused write instead of throwing", () => {
    const full = {
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
    } as unknown as Storage;
    expect(saveWork("k", work, full)).toBe(false);
  });
});
