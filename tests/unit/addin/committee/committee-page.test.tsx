// Covers the committee page against a fake API: figures of shown cells, suppressed cells in words, 403, charts' text
// alternatives, exports.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCommitteeClient, type AuditVerification, type PrePromptVersion } from "../../../../addin/api/committee";
import { CommitteeRoot } from "../../../../addin/committee/CommitteeRoot";
import { formatFootprint } from "../../../../src/checks/footprint";
import type { CommitteeStats, StatsCell } from "../../../../src/schemas/committee";
import { jsonResponse } from "../support/fake-fetch";

const MINUTES: Extract<StatsCell, { suppressed: false }> = {
  month: "2026-11",
  task: "interview-minutes",
  suppressed: false,
  generations: 12,
  validatedShare: 10 / 12,
  aiShareHistogram: [0, 1, 0, 2, 0, 0, 1, 0, 3, 3],
  transparency: { "ai-validated": 7, "human-with-ai": 3 },
  ungroundedPerGeneration: 0.25,
  degraded: 3,
  healthDataShare: 0.5,
  providers: [
    { name: "Mistral", region: "FRA", generations: 9 },
    { name: "offline", region: "FRA", generations: 3 },
  ],
  energyWh: { total: 1.2, perGeneration: 0.1 },
  gco2eq: { total: 0.054, perGeneration: 0.0045 },
  prePromptVersions: ["interview-minutes.complaint@1", "interview-minutes@2"],
  feedback: { up: 4, down: 1 },
};

const STATS: CommitteeStats = {
  minGroupSize: 5,
  cells: [
    MINUTES,
    { month: "2026-11", task: "member-email", suppressed: true },
    { ...MINUTES, month: "2026-10", generations: 7, validatedShare: 1, prePromptVersions: ["interview-minutes@1"] },
    { month: "2026-10", task: "claim-summary", suppressed: true },
  ],
  totals: { generations: 19, energyWh: 2, gco2eq: 0.09 },
  transcription: {
    cells: [
      {
        month: "2026-11",
        suppressed: false,
        transcriptions: 9,
        audioMinutes: 184.6,
        energyWh: { total: 0.6, perMinute: 0.00325 },
        gco2eq: { total: 0.03, perMinute: 0.00016 },
      },
      { month: "2026-10", suppressed: true },
    ],
    totals: { transcriptions: 9, audioMinutes: 184.6, energyWh: 0.6, gco2eq: 0.03 },
  },
  comments: [
    {
      month: "2026-11",
      task: "interview-minutes",
      rating: "down",
      comment: "Le modèle réclamation oublie la date de M. [NOM_1].",
    },
  ],
  useCases: [{ month: "2026-11", comment: "Préparer les courriers de relance des pièces manquantes." }],
};

const AUDIT: AuditVerification = { ok: true, entries: 35 };

const PRE_PROMPTS: PrePromptVersion[] = [
  {
    id: "interview-minutes@2",
    task: "interview-minutes",
    version: 2,
    sha256: "ab".repeat(32),
    text: "Tu es l'assistant de rédaction, version 2.",
    firstSeenAt: "2026-10-20T08:00:00Z",
    firstUsedAt: "2026-10-20T09:00:00Z",
  },
  {
    id: "interview-minutes@1",
    task: "interview-minutes",
    version: 1,
    sha256: "cd".repeat(32),
    text: "Tu es l'assistant de rédaction, version 1.",
    firstSeenAt: "2026-09-01T08:00:00Z",
    firstUsedAt: "2026-09-02T09:00:00Z",
  },
  {
    id: "interview-minutes.complaint@1",
    task: "interview-minutes.complaint",
    version: 1,
    sha256: "ef".repeat(32),
    text: "Consignes de la réclamation.",
    firstSeenAt: "2026-10-20T08:00:00Z",
    firstUsedAt: null,
  },
];

const FORBIDDEN = {
  type: "urn:greffier:problem:forbidden",
  title: "Accès refusé",
  status: 403,
  detail: "Ces données sont réservées au comité d'éthique et de contrôle.",
  code: "forbidden",
};

type Routes = Record<string, () => Response | Promise<Response>>;

/** A fetch answering by path (the page loads its three sources in parallel), recording what was asked. */
function routedFetch(routes: Routes): typeof fetch & { urls: string[]; headers: Record<string, string>[] } {
  const urls: string[] = [];
  const headers: Record<string, string>[] = [];
  const fn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    urls.push(url);
    headers.push((init.headers ?? {}) as Record<string, string>);
    const route = routes[url];
    if (!route) throw new Error(`unexpected fetch ${url}`);
    return route();
  }) as typeof fetch & { urls: string[]; headers: Record<string, string>[] };
  fn.urls = urls;
  fn.headers = headers;
  return fn;
}

function committeeRoutes(overrides: Partial<Routes> = {}): Routes {
  return {
    "/api/committee/stats": () => jsonResponse(200, STATS),
    "/api/committee/audit/verify": () => jsonResponse(200, AUDIT),
    "/api/committee/preprompts": () => jsonResponse(200, PRE_PROMPTS),
    ...overrides,
  } as Routes;
}

function renderPage(routes: Routes, locale: "fr" | "en" = "fr", getAccessToken?: () => Promise<string | null>) {
  const fetch = routedFetch(routes);
  const client = createCommitteeClient({ fetch, locale, ...(getAccessToken ? { getAccessToken } : {}) });
  const view = render(<CommitteeRoot initialLocale={locale} client={client} />);
  return { fetch, view };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("committee page", () => {
  it("shows the newest month's cells with their figures, the totals and the audit chain's state", async () => {
    renderPage(committeeRoutes());
    const card = await screen.findByTestId("cell");
    expect(card).toHaveAttribute("data-task", "interview-minutes");
    expect(within(card).getByRole("heading", { name: "Compte-rendu d'entretien" })).toBeInTheDocument();
    expect(within(card).getByTestId("cell-generations")).toHaveTextContent("12 générations");
    expect(within(card).getByTestId("metric-validated")).toHaveTextContent(
      /Validées et enregistrées\s*83\s%\s·\s10 sur 12/,
    );
    expect(within(card).getByTestId("metric-ungrounded")).toHaveTextContent("0,25");
    expect(within(card).getByTestId("metric-degraded")).toHaveTextContent(/3\s·\s25\s%/);
    expect(within(card).getByTestId("metric-health")).toHaveTextContent(/50\s%/);
    expect(within(card).getByTestId("metric-footprint-total")).toHaveTextContent(
      formatFootprint({ energyWh: 1.2, gco2eq: 0.054 }, "fr"),
    );
    expect(within(card).getByTestId("metric-footprint-per")).toHaveTextContent(
      formatFootprint({ energyWh: 0.1, gco2eq: 0.0045 }, "fr"),
    );
    expect(within(card).getByTestId("transparency")).toHaveTextContent(
      /validé par un collaborateur ».*7.*Sans mention.*3/,
    );
    expect(within(card).getByTestId("ratings")).toHaveTextContent(/Utile\s:\s4.*Pas utile\s:\s1/);
    expect(within(card).getByTestId("providers")).toHaveTextContent(/Mistral \(FRA\) : 9.*offline \(FRA\) : 3/);
    expect(within(card).getByRole("link", { name: "interview-minutes.complaint@1" })).toHaveAttribute(
      "href",
      "#preprompt-interview-minutes-complaint-1",
    );

    expect(screen.getByTestId("summary-generations")).toHaveTextContent("19");
    expect(screen.getByTestId("summary-hidden")).toHaveTextContent(
      "Sans 2 cases non affichées (moins de 5 conseillers chacune).",
    );
    expect(screen.getByTestId("summary-footprint")).toHaveTextContent(
      formatFootprint({ energyWh: 2, gco2eq: 0.09 }, "fr"),
    );
    // Recorded interviews' transcription, summed apart: minutes of audio and their footprint.
    expect(screen.getByTestId("summary-transcription")).toHaveTextContent(
      `Transcription des entretiens enregistrés : 185 min d'audio, ${formatFootprint({ energyWh: 0.6, gco2eq: 0.03 }, "fr")}`,
    );
    expect(await screen.findByTestId("summary-audit")).toHaveTextContent("Journal intègre : 35 événements");
    expect(screen.getByTestId("audit-state")).toHaveTextContent("Journal intègre : 35 événements");

    expect(screen.getByTestId("comments")).toHaveTextContent("Le modèle réclamation oublie la date de M. [NOM_1].");
    expect(screen.getByTestId("use-cases")).toHaveTextContent(
      "Préparer les courriers de relance des pièces manquantes.",
    );
    expect(
      screen.getByText("Sans utilisation ce mois-ci : Synthèse de dossier sinistre, Extraction de document."),
    ).toBeInTheDocument();
  });

  it("writes a suppressed cell as « moins de 5 conseillers : non affiché », with no figure at all, in the cards and the table", async () => {
    renderPage(committeeRoutes());
    const suppressed = await screen.findByTestId("cell-suppressed");
    expect(suppressed).toHaveAttribute("data-task", "member-email");
    expect(suppressed).toHaveTextContent("moins de 5 conseillers : non affiché");
    // No count, share or footprint: the only digit is the group size in the sentence itself.
    expect(suppressed.textContent?.replace(/moins de 5|de moins de 5/g, "")).not.toMatch(/\d/);
    expect(within(suppressed).queryByTestId("cell-generations")).not.toBeInTheDocument();

    const table = screen.getByTestId("overview-table");
    const rows = within(table).getAllByRole("row");
    // Columns: month, minutes, emails, claim summaries, total shown. A task not used that month is a true zero.
    expect(rows[1]).toHaveTextContent(/^novembre 2026\s*12\s*moins de 5 conseillers : non affiché\s*0\s*12$/);
    expect(rows[2]).toHaveTextContent(/^octobre 2026\s*7\s*0\s*moins de 5 conseillers : non affiché\s*7$/);
    expect(within(table).getAllByTestId("overview-suppressed")).toHaveLength(2);
  });

  it("switches month with the picker", async () => {
    const user = userEvent.setup();
    renderPage(committeeRoutes());
    await screen.findByTestId("cell");
    await user.selectOptions(screen.getByRole("combobox", { name: "Mois" }), "2026-10");
    await waitFor(() => expect(screen.getByTestId("cell")).toHaveTextContent("7 générations"));
    expect(screen.getByTestId("cell-suppressed")).toHaveAttribute("data-task", "claim-summary");
  });

  it("gives the AI-share histogram a sentence for screen readers and a table of every bucket", async () => {
    renderPage(committeeRoutes());
    const card = await screen.findByTestId("cell");
    const figure = within(card).getByRole("figure", { name: "Part de l'IA dans les textes enregistrés" });
    const image = within(figure).getByRole("img");
    expect(image.tagName.toLowerCase()).toBe("svg");
    expect(image).toHaveAccessibleName(
      /^10 textes enregistrés, par part de mots venant de l'IA : 0 à 10 % : 0, 10 à 20 % : 1, .*80 à 90 % : 3, 90 à 100 % : 3\.$/,
    );
    const table = within(figure).getByRole("table", { name: "Part de l'IA dans les textes enregistrés" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(11);
    expect(rows[2]).toHaveTextContent("10 à 20 %1");
    expect(rows[10]).toHaveTextContent("90 à 100 %3");
  });

  it("tells anyone without the Committee role that the page is reserved for the committee, and shows nothing else", async () => {
    const problem = () => jsonResponse(403, FORBIDDEN, "application/problem+json");
    renderPage({
      "/api/committee/stats": problem,
      "/api/committee/audit/verify": problem,
      "/api/committee/preprompts": problem,
    });
    const denied = await screen.findByTestId("committee-forbidden");
    expect(denied).toHaveAttribute("role", "alert");
    expect(denied).toHaveTextContent("Accès refusé");
    expect(denied).toHaveTextContent("Cette page est réservée au comité d'éthique et de contrôle.");
    expect(screen.queryByTestId("summary")).not.toBeInTheDocument();
    expect(screen.queryByTestId("section-audit")).not.toBeInTheDocument();
  });

  it("says where the audit chain breaks", async () => {
    renderPage(
      committeeRoutes({
        "/api/committee/audit/verify": () => jsonResponse(200, { ok: false, entries: 35, firstBrokenAt: 12 }),
      }),
    );
    const state = await screen.findByTestId("audit-state");
    expect(state).toHaveAttribute("data-ok", "false");
    expect(state).toHaveTextContent(
      "Journal rompu à l'événement n° 12 (sur 35) : une entrée a été modifiée ou supprimée.",
    );
  });

  it("keeps the other sections when one source fails, and retries", async () => {
    const user = userEvent.setup();
    let calls = 0;
    renderPage(
      committeeRoutes({
        "/api/committee/stats": () =>
          ++calls === 1
            ? jsonResponse(
                500,
                {
                  type: "about:blank",
                  title: "Erreur interne",
                  status: 500,
                  detail: "Une erreur inattendue est survenue.",
                  code: "internal",
                },
                "application/problem+json",
              )
            : jsonResponse(200, STATS),
      }),
    );
    const error = await screen.findByTestId("committee-error");
    expect(error).toHaveTextContent("Les données n'ont pas pu être chargées. Une erreur inattendue est survenue.");
    expect(await screen.findByTestId("audit-state")).toBeInTheDocument();
    expect(screen.getByTestId("preprompt-registry")).toBeInTheDocument();
    await user.click(within(error).getByRole("button", { name: "Réessayer" }));
    expect(await screen.findByTestId("cell")).toBeInTheDocument();
  });

  it("lists every pre-prompt version with its text, and opens one from a card's link", async () => {
    const user = userEvent.setup();
    renderPage(committeeRoutes());
    const registry = await screen.findByTestId("preprompt-registry");
    const header = within(registry).getByRole("button", { name: /Compte-rendu d'entretien\s*2 versions/ });
    expect(header).toHaveAttribute("aria-expanded", "false");
    await user.click(header);
    const versions = within(screen.getByTestId("preprompt-group-interview-minutes")).getAllByTestId(
      "preprompt-version",
    );
    expect(versions.map((v) => v.id)).toEqual(["preprompt-interview-minutes-2", "preprompt-interview-minutes-1"]);
    expect(versions[0]).toHaveTextContent("Version 2");
    expect(versions[0]).toHaveTextContent("En vigueur");
    expect(versions[0]).toHaveTextContent("Tu es l'assistant de rédaction, version 2.");
    expect(versions[1]).not.toHaveTextContent("En vigueur");

    // A card links to the template's version: the registry opens its item and focuses it.
    await user.click(
      within(await screen.findByTestId("cell")).getByRole("link", { name: "interview-minutes.complaint@1" }),
    );
    const complaint = await screen.findByRole("article", {
      name: "Compte-rendu d'entretien — Entretien de réclamation, Version 1",
    });
    await waitFor(() => expect(complaint).toHaveFocus());
    expect(complaint).toHaveTextContent("Jamais utilisée");
    expect(complaint).toHaveTextContent("Consignes de la réclamation.");
  });

  it("exports the audit log as CSV with the reader's token, under the server's file name", async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn(() => "blob:audit");
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const csv = () =>
      new Response("seq,id\n1,x\n", {
        status: 200,
        headers: {
          "content-type": "text/csv",
          "content-disposition": 'attachment; filename="greffier-audit-2026-11-25.csv"',
        },
      });
    const { fetch } = renderPage(committeeRoutes({ "/api/committee/audit/export?format=csv": csv }), "fr", () =>
      Promise.resolve("tok-committee"),
    );
    await user.click(await screen.findByRole("button", { name: "Exporter en CSV" }));
    expect(await screen.findByTestId("audit-export-status")).toHaveTextContent(
      "Export téléchargé : greffier-audit-2026-11-25.csv",
    );
    const index = fetch.urls.indexOf("/api/committee/audit/export?format=csv");
    expect(fetch.headers[index]).toMatchObject({ authorization: "Bearer tok-committee", accept: "text/csv" });
    expect(createObjectURL).toHaveBeenCalledOnce();
    expect(click).toHaveBeenCalledOnce();
  });

  it("reads in English on demand", async () => {
    const user = userEvent.setup();
    renderPage(committeeRoutes());
    await screen.findByTestId("cell");
    await user.click(screen.getByRole("button", { name: "Read this page in English" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Ethics and control committee" })).toBeInTheDocument();
    expect(screen.getByTestId("cell-suppressed")).toHaveTextContent("fewer than 5 advisers: not shown");
    expect(document.documentElement.lang).toBe("en");
  });
});
