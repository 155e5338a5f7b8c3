// A sample of the second labelled corpus through the HTTP API: the fake provider must receive every labelled value
// masked and every control sentence unchanged.
import { expect, it } from "vitest";
import { loadCorpus, scoreThroughApi, summarise } from "../bench/pseudonymisation";
import { useAppWithFakeProvider } from "../support/app-fixture";
import { describeEachStore } from "../support/stores";

// Every fifth sentence: names of each kind, addresses, odd identifiers and controls all come up (the bench runs them
// all).
const SAMPLE = loadCorpus("corpus-2").filter((_, index) => index % 5 === 0);

describeEachStore("pseudonymisation of a labelled sample through the API", (kind) => {
  const ctx = useAppWithFakeProvider(kind, { RATE_LIMIT_PER_MINUTE: "10000" });

  it("sends no labelled value in clear and leaves control sentences as written", async () => {
    const result = summarise(await scoreThroughApi(ctx, SAMPLE), SAMPLE);
    expect(result.spans).toBeGreaterThanOrEqual(30);
    expect(result.controls).toBeGreaterThanOrEqual(15);
    expect(result.namesInClear).toEqual([]);
    expect(result.otherLeaks).toEqual([]);
    expect(result.controlsTouched).toEqual([]);
  }, 120_000);
});
