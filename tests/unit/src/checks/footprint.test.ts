// Tests the footprint estimate: the documented worked example, what each input changes, and the plain-words line.
import { readFileSync } from "node:fs";
import {
  DEFAULT_MODEL_PARAMS_B,
  estimateFootprint,
  formatFootprint,
  offlineFootprint,
  resolveRegion,
} from "../../../../src/checks/footprint";

const DOC = readFileSync(new URL("../../../../docs/footprint.md", import.meta.url), "utf8");

/** The figure as the doc prints it: `digits` significant digits, in plain decimal notation. */
const printed = (value: number, digits: number): string => String(Number(value.toPrecision(digits)));

describe("the worked example of docs/footprint.md", () => {
  // 24B dense model, 500 output tokens, PUE 1.2, France, no measured latency.
  const example = estimateFootprint({
    outputTokens: 500,
    model: { activeParamsB: 24, totalParamsB: 24 },
    pue: 1.2,
    region: "FRA",
  });

  it.each([
    ["energy", example.energyWh, 3, "0.0543", "Wh"],
    ["usage emissions", example.usageGco2eq, 3, "0.0024", "gCO2e"],
    ["embodied emissions", example.embodiedGco2eq, 3, "0.00403", "gCO2e"],
    ["total emissions", example.gco2eq, 3, "0.00643", "gCO2e"],
  ])("gives the %s the doc states", (_what, value, digits, expected, unit) => {
    expect(printed(value, digits)).toBe(expected);
    expect(DOC).toContain(`**${expected} ${unit}**`);
  });

  it("says the size was declared and the mix is France's", () => {
    expect(example.isDefaultModelSize).toBe(false);
    expect(example.region).toBe("FRA");
  });

  it("shows the plain-words line the doc shows", () => {
    expect(formatFootprint(example, "fr")).toBe("≈ 0,054 Wh, 6,4 mg CO2e");
    expect(DOC).toContain("≈ 0,054 Wh, 6,4 mg CO2e");
  });

  it("matches the 70B comparison of the doc (4 GPUs)", () => {
    const large = estimateFootprint({
      outputTokens: 500,
      model: { activeParamsB: 70, totalParamsB: 70 },
      pue: 1.2,
      region: "FRA",
    });
    expect(printed(large.energyWh, 3)).toBe("0.329");
    expect(printed(large.gco2eq, 3)).toBe("0.0397");
    expect(DOC).toContain("0.329 Wh");
    expect(DOC).toContain("0.0397 gCO2e");
  });
});

describe("what changes the estimate", () => {
  const base = { outputTokens: 500, model: { activeParamsB: 24, totalParamsB: 24 } } as const;

  it("grows with the output and costs nothing without output", () => {
    const one = estimateFootprint(base);
    const two = estimateFootprint({ ...base, outputTokens: 1000 });
    expect(two.energyWh).toBeCloseTo(2 * one.energyWh, 12);
    expect(estimateFootprint({ ...base, outputTokens: 0 })).toMatchObject({ energyWh: 0, gco2eq: 0 });
  });

  it("ignores input tokens, as EcoLogits does", () => {
    expect(estimateFootprint({ ...base, inputTokens: 100_000 })).toEqual(estimateFootprint(base));
  });

  it("uses the stated default size when the model is unknown, and says so", () => {
    const unknown = estimateFootprint({ outputTokens: 500 });
    expect(unknown.isDefaultModelSize).toBe(true);
    expect(unknown).toEqual({
      ...estimateFootprint({
        outputTokens: 500,
        model: { activeParamsB: DEFAULT_MODEL_PARAMS_B, totalParamsB: DEFAULT_MODEL_PARAMS_B },
      }),
      isDefaultModelSize: true,
    });
    expect(
      estimateFootprint({ outputTokens: 500, model: { activeParamsB: undefined, totalParamsB: undefined } })
        .isDefaultModelSize,
    ).toBe(true);
  });

  it("takes a model declared by one size as dense", () => {
    expect(estimateFootprint({ outputTokens: 500, model: { totalParamsB: 24 } })).toEqual(estimateFootprint(base));
    expect(estimateFootprint({ outputTokens: 500, model: { activeParamsB: 24 } })).toEqual(estimateFootprint(base));
  });

  it("counts a mixture of experts by its active parameters for energy and its total for GPUs", () => {
    const moe = estimateFootprint({ outputTokens: 500, model: { activeParamsB: 13, totalParamsB: 47 } });
    const denseSmall = estimateFootprint({ outputTokens: 500, model: { activeParamsB: 13, totalParamsB: 13 } });
    const denseLarge = estimateFootprint({ outputTokens: 500, model: { activeParamsB: 47, totalParamsB: 47 } });
    expect(moe.energyWh).toBeGreaterThan(denseSmall.energyWh);
    expect(moe.energyWh).toBeLessThan(denseLarge.energyWh);
  });

  it("bounds the generation time by the measured latency, which only ever lowers the estimate", () => {
    const estimated = estimateFootprint(base);
    const fast = estimateFootprint({ ...base, latencyMs: 10_000 });
    const slow = estimateFootprint({ ...base, latencyMs: 600_000 });
    expect(fast.energyWh).toBeLessThan(estimated.energyWh);
    expect(fast.embodiedGco2eq).toBeCloseTo((estimated.embodiedGco2eq * 10) / 27.8598, 12);
    expect(slow).toEqual(estimated);
  });

  it("scales with the PUE and the region's electricity mix", () => {
    const france = estimateFootprint(base);
    expect(estimateFootprint({ ...base, pue: 1.44 }).energyWh).toBeCloseTo(france.energyWh * 1.2, 12);
    const germany = estimateFootprint({ ...base, region: "DEU" });
    expect(germany.usageGco2eq / france.usageGco2eq).toBeCloseTo(344.14 / 44.18, 6);
    expect(germany.embodiedGco2eq).toBe(france.embodiedGco2eq);
    expect(germany.region).toBe("DEU");
  });

  it.each([
    [undefined, "FRA"],
    ["", "FRA"],
    ["FRA", "FRA"],
    ["fr", "FRA"],
    ["France", "FRA"],
    ["francecentral", "FRA"],
    ["fr-par", "FRA"],
    ["SWE", "SWE"],
    ["swedencentral", "SWE"],
    ["eu-west-1", "IRL"],
    ["DE", "DEU"],
    ["USA", "USA"],
    ["World", "WOR"],
    ["Atlantis", "WOR"],
  ])("reads the region %s as the %s mix", (region, code) => {
    expect(resolveRegion(region)).toBe(code);
  });

  it.each([
    [{ outputTokens: -1 }],
    [{ outputTokens: Number.NaN }],
    [{ outputTokens: 10, pue: 0.9 }],
    [{ outputTokens: 10, latencyMs: -5 }],
    [{ outputTokens: 10, model: { activeParamsB: -3 } }],
    [{ outputTokens: 10, model: { activeParamsB: 50, totalParamsB: 10 } }],
  ])("refuses an impossible input %j", (input) => {
    expect(() => estimateFootprint(input)).toThrow(RangeError);
  });
});

describe("the offline engine", () => {
  it("reports zero, since no model ran, and the same zero every time", () => {
    const f = offlineFootprint();
    expect(f).toEqual(offlineFootprint());
    expect(f).toMatchObject({ energyWh: 0, gco2eq: 0, usageGco2eq: 0, embodiedGco2eq: 0, region: "FRA" });
    expect(formatFootprint(f, "fr")).toBe("≈ 0 Wh, 0 g CO2e");
  });

  it("keeps the region it is told", () => {
    expect(offlineFootprint({ region: "BE" }).region).toBe("BEL");
  });
});

describe("the footprint in plain words", () => {
  it.each([
    [{ energyWh: 0.05, gco2eq: 0.002 }, "fr", "≈ 0,05 Wh, 2 mg CO2e"],
    [{ energyWh: 0.05, gco2eq: 0.002 }, "en", "≈ 0.05 Wh, 2 mg CO2e"],
    [{ energyWh: 0.329, gco2eq: 0.0397 }, "fr", "≈ 0,33 Wh, 40 mg CO2e"],
    [{ energyWh: 2.5, gco2eq: 1.25 }, "fr", "≈ 2,5 Wh, 1,3 g CO2e"],
    [{ energyWh: 1500, gco2eq: 2500 }, "en", "≈ 1.5 kWh, 2.5 kg CO2e"],
    [{ energyWh: 0.000071, gco2eq: 0.0000031 }, "en", "≈ 0.071 mWh, 3.1 µg CO2e"],
    [{ energyWh: 0, gco2eq: 0 }, "fr", "≈ 0 Wh, 0 g CO2e"],
  ] as const)("writes %j in %s as %s", (footprint, locale, expected) => {
    expect(formatFootprint(footprint, locale)).toBe(expected);
  });
});
