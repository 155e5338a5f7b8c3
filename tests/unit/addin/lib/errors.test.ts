// Covers the add-in's one error type: what messageOf shows for an API problem, a sign-in, a host and anything else.
import { describe, expect, it } from "vitest";
import { AddinError, hasProblem, messageOf, problemError } from "../../../../addin/lib/errors";
import { t as translate, type MessageKey } from "../../../../src/i18n";

const t = (key: MessageKey, params?: Record<string, string | number>) => translate(key, params, "fr");

describe("messageOf", () => {
  it("shows an API problem's detail, the message of a sign-in or host code, else the fallback", () => {
    const problem = {
      type: "about:blank",
      title: "Indisponible",
      status: 503,
      detail: "Aucun service d'IA n'est disponible.",
      code: "provider_unavailable",
    };
    expect(messageOf(problemError(problem), t)).toBe(problem.detail);
    expect(messageOf(new AddinError("auth_popup_blocked"), t)).toBe(t("auth.error.popup_blocked"));
    expect(messageOf(new AddinError("host_write_failed"), t)).toBe(t("ui.host.host_write_failed"));
    expect(messageOf(new AddinError("graph_todo_failed", { status: 500 }), t)).toBe(t("ui.deliver.failed_generic"));
    expect(messageOf(new TypeError("x is undefined"), t, "committee.error.bad_response")).toBe(
      t("committee.error.bad_response"),
    );
  });

  it("keeps the problem's code as the error's, and tells problems from other failures", () => {
    const error = problemError({ type: "about:blank", title: "t", status: 404, detail: "d" });
    expect(error.code).toBe("internal");
    expect(error.message).toBe("d");
    expect(hasProblem(error)).toBe(true);
    expect(hasProblem(new AddinError("host_unsupported"))).toBe(false);
  });
});
