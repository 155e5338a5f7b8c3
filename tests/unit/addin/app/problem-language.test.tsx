// The pane asks for problems in its own language and shows what comes back: a refused generation reads in English in
// the English pane and in French in the French one. The answer is rendered by the server's own code (problemFor and
// the Accept-Language choice), from the header the pane actually sent (issue 20).
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "../../../../src/errors";
import { msg } from "../../../../src/i18n/message";
import { requestLocale } from "../../../../server/locale";
import { problemFor } from "../../../../server/problem";
import { createFakeHost } from "../../../support/fake-hosts";
import { jsonResponse, scriptedFetch, type FetchCall } from "../support/fake-fetch";
import { isolatePaneTests, renderPane } from "../support/pane";

/** The server's answer to a generation refused by the concurrency cap, in the language the request asks for. */
function refusedGeneration({ init }: FetchCall): Response {
  const headers = new Headers(init.headers);
  const locale = requestLocale({ headers: { "accept-language": headers.get("accept-language") ?? undefined } });
  const refusal = new AppError("rate_limited", { detail: msg("server.generation.too_many_running") });
  return jsonResponse(429, problemFor(refusal, locale), "application/problem+json");
}

isolatePaneTests();

describe("problem details in the pane's language", () => {
  it.each([
    {
      locale: "en",
      notes: /notes/,
      generate: "Generate",
      detail: "You already have drafts being written: wait for them to finish, then try again. Your notes are kept.",
    },
    {
      locale: "fr",
      notes: /Notes/,
      generate: "Générer",
      detail: "Vous avez déjà des brouillons en cours de rédaction : attendez qu'ils se terminent, puis relancez.",
    },
  ] as const)("shows a refused generation in the $locale pane's language", async (example) => {
    const { locale, notes, generate, detail } = example;
    const user = userEvent.setup();
    const fetch = scriptedFetch(refusedGeneration);
    vi.stubGlobal("fetch", fetch);
    renderPane(createFakeHost({ locale }));
    // Generous waits: the pane paints after its host and messages are in, slower on a loaded machine.
    await user.type(await screen.findByRole("textbox", { name: notes }, { timeout: 5_000 }), "Appel de M. Martin");
    await user.click(screen.getByRole("button", { name: generate }));
    expect(await screen.findByTestId("stream-error", {}, { timeout: 5_000 })).toHaveTextContent(detail);
    expect(new Headers(fetch.calls[0]?.init.headers).get("accept-language")).toBe(locale);
  });
});
