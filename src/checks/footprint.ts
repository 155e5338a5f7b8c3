// Owns the environmental footprint of one generation: energy and emissions of an LLM call (EcoLogits) or of the offline
// engine.
import type { Locale } from "../i18n";

/**
 * Energy and emissions of one generation. `gco2eq` is the total, usage (electricity) plus embodied (manufacture of
 * the hardware, shared over its lifetime).
 */
export interface Footprint {
  readonly energyWh: number;
  readonly gco2eq: number;
  readonly usageGco2eq: number;
  readonly embodiedGco2eq: number;
  /** True when the model's size was not declared and the documented default was used. */
  readonly isDefaultModelSize: boolean;
  /** The electricity mix used: ISO 3166-1 alpha-3 code, or "WOR" for the world average. */
  readonly region: string;
}

/** What is known about one LLM call. Input tokens are accepted but do not count: EcoLogits models output only. */
export interface FootprintInput {
  readonly outputTokens: number;
  readonly inputTokens?: number | undefined;
  /** Parameters in billions; a dense model has active = total. */
  readonly model?:
    { readonly activeParamsB?: number | undefined; readonly totalParamsB?: number | undefined } | undefined;
  /** Region of the provider's data centre (ISO code, country name or cloud region); France when absent. */
  readonly region?: string | undefined;
  /** Power usage effectiveness of the data centre; 1.2 when absent. */
  readonly pue?: number | undefined;
  /** Measured duration of the request, an upper bound for the generation time. */
  readonly latencyMs?: number | undefined;
}

// EcoLogits, genai-impact/ecologits `ecologits/impacts/llm.py` and `docs/methodology/llm_inference.md` (2025 model,
// fitted on the ML.ENERGY leaderboard: vLLM on H100 80 GB). Every value is listed with its source in docs/footprint.md.

/** f_E(P, B) = α·e^(β·B)·P + γ, in Wh per output token, P in billions of active parameters. */
const ENERGY_ALPHA = 1.1665e-6;
const ENERGY_BETA = -0.011206;
const ENERGY_GAMMA = 4.0529e-5;
/** f_L(P, B) = a·P + b·B + c, in seconds per output token. */
const LATENCY_A = 6.785e-4;
const LATENCY_B = 3.119e-4;
const LATENCY_C = 1.9474e-2;
/** Requests served together; EcoLogits fixes it. */
const BATCH_SIZE = 64;
/** Bits per weight used to size the GPU memory. */
const QUANTIZATION_BITS = 16;
/** Memory overhead of inference over the weights alone. */
const MEMORY_OVERHEAD = 1.2;
const GPU_MEMORY_GB = 80;
const SERVER_GPUS = 8;
/** Power of the server without its GPUs (AWS p5.48xlarge), in watts. */
const SERVER_POWER_W = 1200;
/** Embodied emissions, kgCO2e: the server without GPUs (BoaviztAPI) and one H100 (NVIDIA PCF). */
const SERVER_EMBODIED_KG = 5700;
const GPU_EMBODIED_KG = 164;
/** Hardware lifetime: 3 years, in seconds. */
const LIFETIME_S = 3 * 365 * 24 * 3600;

/** Datacentre PUE when the provider does not state one (EcoLogits' default). */
export const DEFAULT_PUE = 1.2;

/**
 * Model size assumed when the provider does not declare one: a dense 70B model. It is the largest class of open
 * model commonly served by the EU providers an insurer would use (Llama 3.x 70B at Scaleway, OVHcloud…), so an
 * undeclared model is over- rather than under-reported; the result says the default was used.
 */
export const DEFAULT_MODEL_PARAMS_B = 70;

/** Electricity mixes, gCO2e/kWh, from EcoLogits' `ecologits/data/electricity_mixes.csv` (Our World in Data). */
const MIX_GCO2_PER_KWH: Readonly<Record<string, number>> = {
  FRA: 44.18,
  SWE: 35.82,
  NOR: 30.75,
  CHE: 36.6,
  FIN: 72.25,
  AUT: 102.62,
  PRT: 112.29,
  BEL: 117.58,
  LUX: 134.62,
  DNK: 143.3,
  ESP: 146.15,
  GBR: 210.89,
  NLD: 253.31,
  IRL: 279.7,
  ITA: 287.53,
  DEU: 344.14,
  POL: 614.98,
  CAN: 174.81,
  USA: 383.55,
  WOR: 473.01,
};

/** Other ways a provider may name a region: ISO alpha-2, names, and the cloud regions of the usual EU providers. */
const REGION_ALIASES: Readonly<Record<string, string>> = {
  FR: "FRA",
  FRANCE: "FRA",
  SE: "SWE",
  SWEDEN: "SWE",
  SUEDE: "SWE",
  NO: "NOR",
  NORWAY: "NOR",
  CH: "CHE",
  FI: "FIN",
  AT: "AUT",
  PT: "PRT",
  BE: "BEL",
  BELGIUM: "BEL",
  BELGIQUE: "BEL",
  LU: "LUX",
  DK: "DNK",
  ES: "ESP",
  SPAIN: "ESP",
  GB: "GBR",
  UK: "GBR",
  NL: "NLD",
  NETHERLANDS: "NLD",
  IE: "IRL",
  IRELAND: "IRL",
  IRLANDE: "IRL",
  IT: "ITA",
  DE: "DEU",
  GERMANY: "DEU",
  ALLEMAGNE: "DEU",
  PL: "POL",
  CA: "CAN",
  US: "USA",
  WORLD: "WOR",
  MONDE: "WOR",
  // Cloud regions.
  FRANCECENTRAL: "FRA",
  FRANCESOUTH: "FRA",
  "FR-PAR": "FRA",
  "EU-WEST-3": "FRA",
  "EUROPE-WEST9": "FRA",
  GRA: "FRA",
  SBG: "FRA",
  RBX: "FRA",
  SWEDENCENTRAL: "SWE",
  "EU-NORTH-1": "SWE",
  GERMANYWESTCENTRAL: "DEU",
  "EU-CENTRAL-1": "DEU",
  "EUROPE-WEST3": "DEU",
  NORTHEUROPE: "IRL",
  "EU-WEST-1": "IRL",
  WESTEUROPE: "NLD",
  "NL-AMS": "NLD",
  "EUROPE-WEST4": "NLD",
  "PL-WAW": "POL",
  "EUROPE-WEST1": "BEL",
  UKSOUTH: "GBR",
  "EU-WEST-2": "GBR",
  "US-EAST-1": "USA",
  EASTUS: "USA",
};

const DEFAULT_REGION = "FRA";
/** Where the region is unknown, the world average: a conservative figure, never a flattering one. */
const UNKNOWN_REGION = "WOR";

/**
 * The electricity mix used for `region`: France when absent, the world average when unrecognised.
 * Accepts ISO 3166-1 alpha-3 or alpha-2 codes, country names and the cloud regions of common EU providers.
 */
export function resolveRegion(region: string | undefined): string {
  if (region === undefined || region.trim() === "") return DEFAULT_REGION;
  const key = region
    .trim()
    .toUpperCase()
    .replace(/[\s_]+/g, "-");
  if (Object.hasOwn(MIX_GCO2_PER_KWH, key)) return key;
  return REGION_ALIASES[key] ?? REGION_ALIASES[key.replace(/-/g, "")] ?? UNKNOWN_REGION;
}

function mixOf(region: string): number {
  return MIX_GCO2_PER_KWH[region] ?? MIX_GCO2_PER_KWH[UNKNOWN_REGION] ?? 0;
}

function assertNonNegative(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
}

/** The PUE to apply: the stated one, or the default; below 1 it would describe a data centre that creates energy. */
function pueOf(stated: number | undefined): number {
  const pue = stated ?? DEFAULT_PUE;
  if (!Number.isFinite(pue) || pue < 1) throw new RangeError(`pue must be a finite number ≥ 1, got ${pue}`);
  return pue;
}

/**
 * Estimates the energy and emissions of one LLM call with the EcoLogits method: GPU energy per output token from the
 * active parameters, generation time bounded by the measured latency, GPU count from the total parameters at 16 bits,
 * the server's own power shared over the batch, the PUE, the electricity mix of the region, and the embodied
 * emissions of server and GPUs over a 3-year life. See docs/footprint.md for the formula and a worked example.
 * @throws RangeError when a count, a size or the latency is negative or not a number, when the PUE is below 1, or
 * when active parameters exceed total parameters.
 */
export function estimateFootprint(input: FootprintInput): Footprint {
  const { outputTokens } = input;
  assertNonNegative(outputTokens, "outputTokens");
  const declaredActive = input.model?.activeParamsB;
  const declaredTotal = input.model?.totalParamsB;
  for (const [value, name] of [
    [declaredActive, "activeParamsB"],
    [declaredTotal, "totalParamsB"],
    [input.latencyMs, "latencyMs"],
  ] as const) {
    if (value !== undefined) assertNonNegative(value, name);
  }
  const pue = pueOf(input.pue);

  const isDefaultModelSize = declaredActive === undefined && declaredTotal === undefined;
  // A model declared by one of its sizes only is taken as dense.
  const activeB = declaredActive ?? declaredTotal ?? DEFAULT_MODEL_PARAMS_B;
  const totalB = declaredTotal ?? declaredActive ?? DEFAULT_MODEL_PARAMS_B;
  if (activeB > totalB) throw new RangeError(`activeParamsB (${activeB}) cannot exceed totalParamsB (${totalB})`);

  const gpuWhPerToken = ENERGY_ALPHA * Math.exp(ENERGY_BETA * BATCH_SIZE) * activeB + ENERGY_GAMMA;
  const secondsPerToken = LATENCY_A * activeB + LATENCY_B * BATCH_SIZE + LATENCY_C;
  const estimatedS = outputTokens * secondsPerToken;
  // A measured latency includes the network and the prompt: it can only shorten the estimate, never lengthen it.
  const generationS =
    input.latencyMs !== undefined && input.latencyMs > 0 ? Math.min(estimatedS, input.latencyMs / 1000) : estimatedS;

  const memoryGb = (MEMORY_OVERHEAD * totalB * QUANTIZATION_BITS) / 8;
  // Whole GPUs, rounded up to a power of two as EcoLogits does (tensor-parallel deployments use 1, 2, 4 or 8).
  const gpus = 2 ** Math.ceil(Math.log2(Math.max(1, Math.ceil(memoryGb / GPU_MEMORY_GB))));

  const serverWh = ((generationS / 3600) * SERVER_POWER_W * (gpus / SERVER_GPUS)) / BATCH_SIZE;
  const gpuWh = outputTokens * gpuWhPerToken;
  const energyWh = pue * (serverWh + gpus * gpuWh);

  const region = resolveRegion(input.region);
  const usageGco2eq = (energyWh / 1000) * mixOf(region);
  const hardwareKg = (gpus / SERVER_GPUS) * SERVER_EMBODIED_KG + gpus * GPU_EMBODIED_KG;
  const embodiedGco2eq = (generationS / (BATCH_SIZE * LIFETIME_S)) * hardwareKg * 1000;

  return { energyWh, gco2eq: usageGco2eq + embodiedGco2eq, usageGco2eq, embodiedGco2eq, isDefaultModelSize, region };
}

/**
 * Footprint of the offline engine: zero. No model ran; the engine sorts lines on the application server, which runs
 * anyway, in a few milliseconds whose measure varied seventy-fold between identical runs: reporting it as a model's
 * footprint said more than was known. Two runs of the same generation report the same zero (see docs/footprint.md).
 */
export function offlineFootprint(options: { readonly region?: string | undefined } = {}): Footprint {
  return {
    energyWh: 0,
    gco2eq: 0,
    usageGco2eq: 0,
    embodiedGco2eq: 0,
    isDefaultModelSize: false,
    region: resolveRegion(options.region),
  };
}

/**
 * Units from the largest down, each with the value from which it is used. Energy stays in Wh down to 0.01 Wh
 * ("0,05 Wh" reads better than "50 mWh" for people used to Wh); mass switches to mg under 1 g.
 */
const ENERGY_UNITS: readonly Unit[] = [
  ["kWh", 1000, 1000],
  ["Wh", 1, 0.01],
  ["mWh", 1e-3, 1e-5],
  ["µWh", 1e-6, 0],
];
const MASS_UNITS: readonly Unit[] = [
  ["kg", 1000, 1000],
  ["g", 1, 1],
  ["mg", 1e-3, 1e-3],
  ["µg", 1e-6, 0],
];
type Unit = readonly [name: string, scale: number, from: number];

function inUnits(value: number, units: readonly Unit[], locale: Locale): string {
  const format = new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { maximumSignificantDigits: 2 });
  // Zero is written in the base unit (Wh, g); anything else in the first unit whose threshold it reaches.
  const [name, scale] = (value === 0 ? units[1] : units.find(([, , from]) => value >= from)) ?? ["", 1];
  return `${format.format(value / scale)} ${name}`;
}

/**
 * The footprint in plain words for the taskpane: "≈ 0,054 Wh, 6,4 mg CO2e" in French (decimal comma),
 * "≈ 0.054 Wh, 6.4 mg CO2e" in English: two significant digits, and a unit that keeps the number readable
 * (mg under 1 g, µg under 1 mg, mWh under 0.01 Wh). Units are symbols, the same in both languages.
 */
export function formatFootprint(footprint: Pick<Footprint, "energyWh" | "gco2eq">, locale: Locale): string {
  return `≈ ${inUnits(footprint.energyWh, ENERGY_UNITS, locale)}, ${inUnits(footprint.gco2eq, MASS_UNITS, locale)} CO2e`;
}
