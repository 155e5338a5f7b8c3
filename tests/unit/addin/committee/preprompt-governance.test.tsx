// The committee's pre-prompt actions against a fake client: diff while editing, no self-approval, justification when
// worse, rollback.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { CommitteeClient, PrePromptVersion } from "../../../../addin/api/committee";
import { DraftEditor } from "../../../../addin/committee/governance/DraftEditor";
import { VersionActions } from "../../../../addin/committee/governance/VersionActions";

const ACTIVE: PrePromptVersion = {
  id: "member-email@1",
  task: "member-email",
  key: "member-email",
  version: 1,
  state: "active",
  sha256: "a".repeat(64),
  text: "Rédige un courriel au sociétaire.\nVouvoie toujours.",
  firstSeenAt: "2026-11-01T08:00:00Z",
  firstUsedAt: null,
  activatedAt: "2026-11-01T08:00:00Z",
  evaluation: {
    id: "e1",
    versionId: "member-email@1",
    status: "done",
    done: 15,
    total: 15,
    scores: { overall: 0.8, facts: 0.9, sections: 0.7 },
  },
};

function fakeClient(answers: Record<string, unknown> = {}) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const governance = vi.fn(async (method: "GET" | "POST", path: string, body?: unknown) => {
    calls.push({ method, path, body });
    return { status: 200, body: answers[path] ?? {} };
  });
  const client = {
    stats: vi.fn(),
    verifyAudit: vi.fn(),
    prePrompts: vi.fn(),
    exportAudit: vi.fn(),
    governance,
  } as unknown as CommitteeClient;
  return { client, calls };
}

describe("pre-prompt governance actions", () => {
  it("shows the lines added and removed against the active version while editing, and saves a draft based on it", async () => {
    const user = userEvent.setup();
    const { client, calls } = fakeClient();
    const onSaved = vi.fn();
    render(<DraftEditor client={client} active={ACTIVE} onSaved={onSaved} />);
    await user.click(screen.getByRole("button", { name: "Proposer une nouvelle version" }));
    const editor = screen.getByRole("textbox", { name: /Texte du pré-prompt/ });
    await user.clear(editor);
    await user.type(editor, "Rédige un courriel au sociétaire.{enter}Termine par une formule de politesse.");
    const diff = screen.getByTestId("preprompt-diff");
    expect(within(diff).getByText(/\+ Termine par une formule de politesse\./)).toBeInTheDocument();
    expect(within(diff).getByText(/− Vouvoie toujours\./)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Enregistrer le brouillon" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({
      method: "POST",
      path: "/api/committee/preprompts",
      body: { task: "member-email", basedOn: "member-email@1" },
    });
  });

  it("does not let the author approve, and asks another member for a justification when the version scores worse", async () => {
    const user = userEvent.setup();
    const worse: PrePromptVersion = {
      ...ACTIVE,
      id: "member-email@2",
      version: 2,
      state: "evaluated",
      activatedAt: null,
      isMine: true,
      evaluation: {
        id: "e2",
        versionId: "member-email@2",
        status: "done",
        done: 15,
        total: 15,
        scores: { overall: 0.6, facts: 0.7, sections: 0.7 },
      },
    };
    const { client } = fakeClient();
    const view = render(<VersionActions client={client} version={worse} active={ACTIVE} onChanged={() => undefined} />);
    expect(screen.getByRole("button", { name: "Approuver…" })).toBeDisabled();
    expect(within(screen.getByTestId("preprompt-scores")).getAllByText(/moins bon/).length).toBeGreaterThan(0);
    view.unmount();

    const { client: other, calls } = fakeClient();
    render(
      <VersionActions
        client={other}
        version={{ ...worse, isMine: false }}
        active={ACTIVE}
        onChanged={() => undefined}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Approuver…" }));
    await user.type(screen.getByRole("textbox", { name: /Motif/ }), "Nouvelle consigne réglementaire");
    const confirm = screen.getByRole("button", { name: "Approuver cette version" });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByRole("textbox", { name: /Justification/ }), "Recul accepté : obligation d'information");
    await user.click(confirm);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({
      path: "/api/committee/preprompts/member-email%402/approve",
      body: { reason: "Nouvelle consigne réglementaire", justification: "Recul accepté : obligation d'information" },
    });
  });

  it("offers the rollback on a retired version that was in service, and evaluates a draft with progress", async () => {
    const user = userEvent.setup();
    const { client, calls } = fakeClient({
      "/api/committee/preprompts/member-email%403/evaluations?wait=0": {
        id: "e3",
        versionId: "member-email@3",
        status: "running",
        done: 0,
        total: 15,
        scores: null,
      },
      "/api/committee/preprompts/member-email%403/evaluations/e3": {
        id: "e3",
        versionId: "member-email@3",
        status: "running",
        done: 7,
        total: 15,
        scores: null,
      },
    });
    render(
      <VersionActions
        client={client}
        version={{ ...ACTIVE, state: "retired" }}
        active={undefined}
        onChanged={() => undefined}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Revenir à cette version" }));
    await waitFor(() => expect(calls[0]?.path).toBe("/api/committee/preprompts/member-email%401/activate"));

    render(
      <VersionActions
        client={client}
        version={{ ...ACTIVE, id: "member-email@3", version: 3, state: "draft", activatedAt: null, evaluation: null }}
        active={ACTIVE}
        onChanged={() => undefined}
      />,
    );
    await user.click(screen.getByRole("button", { name: "Lancer l'évaluation" }));
    expect(await screen.findByText("Évaluation en cours : 7 cas sur 15", {}, { timeout: 3000 })).toBeInTheDocument();
  });
});
