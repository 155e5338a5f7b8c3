// The circuit breaker as a state machine (fast-check model-based): one trial at a time, a cancelled trial never
// benches.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CircuitBreaker, type BreakerPermit } from "../../../../server/llm/circuit-breaker";

const THRESHOLD = 3;
const COOLDOWN = 1_000;

/** What the breaker should do, written from its contract (closed → open → half-open → closed/open). */
interface Model {
  now: number;
  failures: number;
  openedAt: number | undefined;
  trialOut: boolean;
}
interface Real {
  breaker: CircuitBreaker;
  permits: BreakerPermit[];
}
type Cmd = fc.Command<Model, Real>;

class Advance implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  run(m: Model) {
    m.now += this.ms;
  }
  toString = () => `advance(${this.ms})`;
}

class Acquire implements Cmd {
  check = () => true;
  run(m: Model, r: Real) {
    const permit = r.breaker.tryAcquire(m.now);
    const isBenched = m.openedAt !== undefined && (m.now - m.openedAt < COOLDOWN || m.trialOut);
    if (isBenched) {
      expect(permit).toBeUndefined();
      return;
    }
    expect(permit).toBeDefined();
    expect(permit?.isTrial).toBe(m.openedAt !== undefined);
    if (permit?.isTrial) m.trialOut = true;
    if (permit) r.permits.push(permit);
  }
  toString = () => "acquire";
}

class End implements Cmd {
  constructor(
    readonly index: number,
    readonly how: "succeed" | "fail" | "release",
  ) {}
  check = () => true;
  run(m: Model, r: Real) {
    if (r.permits.length === 0) return;
    const [permit] = r.permits.splice(this.index % r.permits.length, 1);
    if (!permit) return;
    if (this.how === "succeed") {
      r.breaker.succeed(permit);
      m.failures = 0;
      m.openedAt = undefined;
    } else if (this.how === "fail") {
      r.breaker.fail(permit, m.now);
      m.failures += 1;
      if (permit.isTrial || m.failures >= THRESHOLD) m.openedAt = m.now;
    } else {
      r.breaker.release(permit);
    }
    if (permit.isTrial) m.trialOut = false;
    const expected =
      m.openedAt === undefined ? "closed" : m.trialOut || m.now - m.openedAt >= COOLDOWN ? "half-open" : "open";
    expect(r.breaker.stateAt(m.now)).toBe(expected);
    // Never two trials at once.
    expect(r.permits.filter((p) => p.isTrial).length).toBeLessThanOrEqual(1);
  }
  toString = () => `${this.how}(${this.index})`;
}

const commands = [
  fc.integer({ min: 1, max: 1_500 }).map((ms) => new Advance(ms)),
  fc.constant(new Acquire()),
  fc
    .tuple(fc.nat(5), fc.constantFrom("succeed", "fail", "release") as fc.Arbitrary<"succeed" | "fail" | "release">)
    .map(([i, how]) => new End(i, how)),
];

describe("circuit breaker", () => {
  it("follows its model under any sequence of calls, verdicts, cancellations and time", () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 80 }), (cmds) => {
        fc.modelRun(
          () => ({
            model: { now: 0, failures: 0, openedAt: undefined, trialOut: false },
            real: { breaker: new CircuitBreaker({ failureThreshold: THRESHOLD, cooldownMs: COOLDOWN }), permits: [] },
          }),
          cmds,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("lets the next call try again after a cancelled half-open trial", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 100 });
    const first = breaker.tryAcquire(0);
    breaker.fail(first!, 0);
    expect(breaker.tryAcquire(50)).toBeUndefined();
    const trial = breaker.tryAcquire(150);
    expect(trial?.isTrial).toBe(true);
    expect(breaker.tryAcquire(150)).toBeUndefined(); // one trial at a time
    breaker.release(trial!); // the adviser cancelled
    const next = breaker.tryAcquire(151);
    expect(next?.isTrial).toBe(true);
    breaker.succeed(next!);
    expect(breaker.stateAt(152)).toBe("closed");
  });
});
