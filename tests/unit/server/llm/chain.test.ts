// The provider chain as a state machine (fast-check model-based): every generation ends, cancellations never bench a
// provider, an open circuit is not called, and one budget bounds a provider that hangs, on the JSON path too.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createProviderChain } from "../../../../server/llm/chain";
import type { GenerateOptions, LlmCall, LlmProvider } from "../../../../server/llm/provider";
import { ProviderError } from "../../../../server/llm/provider-error";

type Outcome = "ok" | "fail" | "refuse" | "cancel";

const call: LlmCall = { task: "interview-minutes", messages: [], input: { task: "interview-minutes", notes: "n" } };
const COOLDOWN = 1_000;
const THRESHOLD = 2;

function waitForAbort(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** A remote provider that does what the next scripted outcome says; "cancel" is the adviser closing the pane mid-call. */
function scriptedProvider(script: Outcome[], onCancel: () => void, calls: { n: number }): LlmProvider {
  return {
    info: { name: "remote", model: "m", region: "FRA", isOffline: false },
    async generate(_call: LlmCall, options: GenerateOptions = {}) {
      calls.n += 1;
      const outcome = script.shift() ?? "ok";
      if (outcome === "ok") {
        options.onDelta?.("texte");
        return { text: "texte", usage: { inputTokens: 1, outputTokens: 1 } };
      }
      if (outcome === "fail") throw new ProviderError("status", true, { status: 503 });
      if (outcome === "refuse") throw new ProviderError("status", false, { status: 400 });
      onCancel();
      return waitForAbort(options.signal);
    },
  };
}

const offline: LlmProvider = {
  info: { name: "offline", model: "rules", region: "FRA", isOffline: true },
  generate: async () => ({ text: "hors ligne", usage: { inputTokens: 0, outputTokens: 0 } }),
};

interface Model {
  now: number;
  failures: number;
  openedAt: number | undefined;
}
interface Real {
  clock: { now: number };
  script: Outcome[];
  calls: { n: number };
  chain: ReturnType<typeof createProviderChain>;
  cancel: { current: AbortController };
}
type Cmd = fc.AsyncCommand<Model, Real>;

class Advance implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    m.now += this.ms;
    r.clock.now = m.now;
  }
  toString = () => `advance(${this.ms})`;
}

class Generate implements Cmd {
  constructor(readonly outcome: Outcome) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const isBenched = m.openedAt !== undefined && m.now - m.openedAt < COOLDOWN;
    const isTrial = m.openedAt !== undefined && !isBenched;
    r.script.length = 0;
    r.script.push(this.outcome);
    const before = r.calls.n;
    r.cancel.current = new AbortController();
    const run = r.chain.generate(call, { signal: r.cancel.current.signal });
    if (isBenched) {
      // An open circuit is not even asked; the offline engine answers.
      const result = await run;
      expect(r.calls.n).toBe(before);
      expect(result.provider.info.name).toBe("offline");
      return;
    }
    if (this.outcome === "cancel") {
      await expect(run).rejects.toBeDefined();
      expect(r.calls.n).toBe(before + 1);
      // Neither success nor failure: the model does not move, and the next call may try again.
      return;
    }
    const result = await run;
    expect(r.calls.n).toBeGreaterThan(before);
    if (this.outcome === "ok") {
      expect(result.provider.info.name).toBe("remote");
      m.failures = 0;
      m.openedAt = undefined;
    } else {
      expect(result.provider.info.name).toBe("offline");
      m.failures += 1;
      if (isTrial || m.failures >= THRESHOLD) m.openedAt = m.now;
    }
    const expected = m.openedAt === undefined ? "closed" : m.now - m.openedAt >= COOLDOWN ? "half-open" : "open";
    expect(r.chain.breakerStates().remote).toBe(expected);
  }
  toString = () => `generate(${this.outcome})`;
}

describe("provider chain", () => {
  it("follows the breaker's model through answers, failures, refusals and cancellations", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(
          [
            fc.integer({ min: 1, max: 1_500 }).map((ms) => new Advance(ms)),
            fc.constantFrom<Outcome>("ok", "fail", "refuse", "cancel").map((o) => new Generate(o)),
          ],
          { maxCommands: 40 },
        ),
        async (cmds) => {
          const clock = { now: 0 };
          const script: Outcome[] = [];
          const calls = { n: 0 };
          const cancel = { current: new AbortController() };
          const remote = scriptedProvider(
            script,
            () => cancel.current.abort(new Error("cancelled by the adviser")),
            calls,
          );
          const chain = createProviderChain([remote, offline], {
            budgetMs: 10_000,
            maxAttempts: 1,
            retryBaseMs: 0,
            breakerThreshold: THRESHOLD,
            breakerCooldownMs: COOLDOWN,
            now: () => clock.now,
          });
          await fc.asyncModelRun(
            () => ({
              model: { now: 0, failures: 0, openedAt: undefined },
              real: { clock, script, calls, chain, cancel },
            }),
            cmds,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("recovers after a cancelled half-open trial", async () => {
    const clock = { now: 0 };
    const script: Outcome[] = ["refuse"];
    const calls = { n: 0 };
    const cancel = { current: new AbortController() };
    const remote = scriptedProvider(script, () => cancel.current.abort(new Error("cancelled")), calls);
    const chain = createProviderChain([remote, offline], {
      budgetMs: 10_000,
      maxAttempts: 1,
      retryBaseMs: 0,
      breakerThreshold: 1,
      breakerCooldownMs: 100,
      now: () => clock.now,
    });
    expect((await chain.generate(call)).provider.info.name).toBe("offline");
    expect(chain.breakerStates().remote).toBe("open");
    clock.now = 200;
    script.push("cancel");
    await expect(chain.generate(call, { signal: cancel.current.signal })).rejects.toThrow("cancelled");
    clock.now = 201;
    cancel.current = new AbortController();
    const result = await chain.generate(call, { signal: cancel.current.signal });
    expect(result.provider.info.name).toBe("remote");
    expect(chain.breakerStates().remote).toBe("closed");
  });

  it("bounds a hung provider by the budget on the JSON path (no onDelta), then answers offline", async () => {
    const hung: LlmProvider = {
      info: { name: "hung", model: "m", region: "FRA", isOffline: false },
      generate: (_c, o = {}) => waitForAbort(o.signal),
    };
    const chain = createProviderChain([hung, offline], {
      budgetMs: 300,
      maxAttempts: 3,
      retryBaseMs: 0,
      breakerThreshold: 5,
      breakerCooldownMs: 1_000,
    });
    const started = performance.now();
    const result = await chain.generate(call);
    const elapsed = performance.now() - started;
    expect(result.provider.info.name).toBe("offline");
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(1_500);
  });

  it("lets a provider that started answering finish past the budget, bounded by the answer time", async () => {
    const slow: LlmProvider = {
      info: { name: "slow", model: "m", region: "FRA", isOffline: false },
      async generate(_c, o = {}) {
        o.onDelta?.("début ");
        await new Promise((resolve) => setTimeout(resolve, 400));
        if (o.signal?.aborted) throw o.signal.reason;
        return { text: "début fin", usage: { inputTokens: 1, outputTokens: 2 } };
      },
    };
    const chain = createProviderChain([slow, offline], {
      budgetMs: 200,
      answerMs: 5_000,
      maxAttempts: 1,
      retryBaseMs: 0,
      breakerThreshold: 5,
      breakerCooldownMs: 1_000,
    });
    expect((await chain.generate(call)).provider.info.name).toBe("slow");
  });
});

/** A remote provider that answers from a list of outcomes (an Error is thrown), recording each call by name. */
function listedProvider(name: string, outcomes: (string | ProviderError)[], log: string[]): LlmProvider {
  return {
    info: { name, model: "m", region: "FRA", isOffline: false },
    async generate(_call: LlmCall, options: GenerateOptions = {}) {
      log.push(name);
      const outcome = outcomes.shift() ?? "texte";
      if (outcome instanceof ProviderError) throw outcome;
      options.onDelta?.(outcome);
      return { text: outcome, usage: { inputTokens: 1, outputTokens: 1 } };
    },
  };
}

const loggedOffline = (log: string[]): LlmProvider => ({
  ...offline,
  generate: async (c, o) => {
    log.push("offline");
    return offline.generate(c, o);
  },
});

describe("fallback order", () => {
  const settings = { budgetMs: 5_000, maxAttempts: 2, retryBaseMs: 1, breakerThreshold: 5, breakerCooldownMs: 1_000 };
  const unavailable = () => new ProviderError("status", true, { status: 503 });

  it("retries the primary, then falls back to the second provider, then to the offline engine, in that order", async () => {
    const log: string[] = [];
    const fallbacks: string[] = [];
    const chain = createProviderChain(
      [
        listedProvider("primary", [unavailable(), unavailable()], log),
        listedProvider("secondary", [unavailable(), unavailable()], log),
        loggedOffline(log),
      ],
      settings,
      { onFallback: (from, to) => fallbacks.push(`${from}→${to}`) },
    );
    const result = await chain.generate(call);
    expect(log).toEqual(["primary", "primary", "secondary", "secondary", "offline"]);
    expect(fallbacks).toEqual(["primary→secondary", "secondary→offline"]);
    expect(result).toMatchObject({ attempts: 5, fallbacks: 2 });
    expect(result.provider.info.name).toBe("offline");
  });

  it("moves on at once after a refusal, and the next provider's answer is the result", async () => {
    const log: string[] = [];
    const refused = new ProviderError("status", false, { status: 400 });
    const providers = [listedProvider("primary", [refused], log), listedProvider("secondary", ["réponse"], log)];
    const chain = createProviderChain([...providers, loggedOffline(log)], settings);
    const result = await chain.generate(call);
    expect(log).toEqual(["primary", "secondary"]);
    expect(result.output.text).toBe("réponse");
    expect(result).toMatchObject({ attempts: 2, fallbacks: 1 });
  });

  it("waits as long as Retry-After asks, or moves on at once when that is past the budget", async () => {
    const log: string[] = [];
    const busy = (ms: number) => new ProviderError("status", true, { status: 429, retryAfterMs: ms });
    const patient = createProviderChain(
      [listedProvider("primary", [busy(150), "ok"], log), loggedOffline(log)],
      settings,
    );
    let started = performance.now();
    expect((await patient.generate(call)).provider.info.name).toBe("primary");
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    log.length = 0;
    const providers = [listedProvider("primary", [busy(60_000)], log), listedProvider("secondary", ["ok"], log)];
    const hurried = createProviderChain([...providers, loggedOffline(log)], settings);
    started = performance.now();
    expect((await hurried.generate(call)).provider.info.name).toBe("secondary");
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(log).toEqual(["primary", "secondary"]);
  });

  it("does not resume a partly streamed draft on the same provider: the next one starts over, and says so", async () => {
    const log: string[] = [];
    const restarts: string[] = [];
    const cutMidway: LlmProvider = {
      info: { name: "primary", model: "m", region: "FRA", isOffline: false },
      async generate(_c, o = {}) {
        log.push("primary");
        o.onDelta?.("début ");
        throw new ProviderError("cut", true);
      },
    };
    const secondary = listedProvider("secondary", ["brouillon entier"], log);
    const chain = createProviderChain([cutMidway, secondary, loggedOffline(log)], settings);
    const handlers = { onDelta: () => undefined, onRestart: (reason: string) => restarts.push(reason) };
    const result = await chain.generate(call, handlers);
    expect(log).toEqual(["primary", "secondary"]);
    expect(restarts).toHaveLength(1);
    expect(result.output.text).toBe("brouillon entier");
  });
});
