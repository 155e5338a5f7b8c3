// Owns the configuration: the only reader of process.env, parsed once into a frozen Config.
import { join } from "node:path";
import { z } from "zod";
import { DEFAULT_AI_SHARE_THRESHOLD } from "../src/policy/transparency";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000).describe("TCP port the server listens on"),
    HOST: z.string().default("127.0.0.1").describe("Interface the server listens on"),
    DATABASE_URL: optionalText.describe("PostgreSQL connection string; embedded PGlite in DATA_DIR when absent"),
    DATA_DIR: z.string().default("./.data").describe("Directory of the embedded PGlite database"),
    LLM_BASE_URL: optionalText.describe(
      "OpenAI-compatible endpoint (Mistral, Scaleway, OVHcloud, Azure OpenAI EU, vLLM, Ollama); offline engine when absent",
    ),
    LLM_API_KEY: optionalText.describe("API key of the provider; some local endpoints need none"),
    LLM_MODEL: optionalText.describe("Model name at the provider"),
    LLM_PROVIDER_NAME: optionalText.describe("Name shown to advisers and the committee (default: the endpoint's host)"),
    LLM_REGION: z
      .string()
      .default("FRA")
      .describe("Region of the provider's data centre, ISO 3166-1 alpha-3 (electricity mix)"),
    LLM_MODEL_ACTIVE_PARAMS_B: z.coerce
      .number()
      .positive()
      .optional()
      .describe("Active parameters of the model, in billions (footprint)"),
    LLM_MODEL_TOTAL_PARAMS_B: z.coerce
      .number()
      .positive()
      .optional()
      .describe("Total parameters of the model, in billions (footprint)"),
    LLM_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(30_000)
      .describe("Time allowed to the provider for its first token"),
    LLM_IDLE_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(15_000)
      .describe("Longest silence allowed between two streamed chunks"),
    LLM_REQUEST_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(120_000)
      .describe("Time allowed to a whole answer once the provider started streaming it"),
    LLM_BUDGET_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(20_000)
      .describe(
        "Time one generation may spend on retries and fallbacks until a provider starts answering; then the offline engine answers",
      ),
    LLM_MAX_ATTEMPTS: z.coerce
      .number()
      .int()
      .min(1)
      .max(10)
      .default(3)
      .describe("Attempts per provider for retryable failures (408, 409, 429, 5xx, network)"),
    LLM_RETRY_BASE_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(500)
      .describe("First retry delay; doubled each attempt, with jitter"),
    LLM_BREAKER_THRESHOLD: z.coerce
      .number()
      .int()
      .min(1)
      .default(5)
      .describe("Consecutive failures that bench a provider"),
    LLM_BREAKER_COOLDOWN_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(30_000)
      .describe("How long a benched provider stays out of the chain"),
    LLM_FALLBACK_BASE_URL: optionalText.describe("Second OpenAI-compatible provider, tried when the first fails"),
    LLM_FALLBACK_API_KEY: optionalText.describe("API key of the second provider"),
    LLM_FALLBACK_MODEL: optionalText.describe("Model of the second provider"),
    LLM_FALLBACK_PROVIDER_NAME: optionalText.describe("Name of the second provider"),
    LLM_FALLBACK_REGION: z.string().default("FRA").describe("Region of the second provider"),
    LLM_FALLBACK_MODEL_ACTIVE_PARAMS_B: z.coerce
      .number()
      .positive()
      .optional()
      .describe("Active parameters of the second model, in billions"),
    LLM_FALLBACK_MODEL_TOTAL_PARAMS_B: z.coerce
      .number()
      .positive()
      .optional()
      .describe("Total parameters of the second model, in billions"),
    AUTH_MODE: z
      .enum(["dev", "entra"])
      .default("dev")
      .describe("entra: Entra ID JWT; dev: one local user, loopback only"),
    AUTH_ISSUER: optionalText.describe("Expected token issuer (entra mode)"),
    AUTH_AUDIENCE: optionalText.describe("Expected token audience: the API's client id or api:// URI (entra mode)"),
    AUTH_TENANT_ID: optionalText.describe("Tenant whose tokens are accepted (entra mode)"),
    AUTH_JWKS_URL: optionalText.describe("JWKS URL; defaults to Entra's for AUTH_TENANT_ID"),
    AUDIT_KEY: optionalText.describe(
      "HMAC key signing audit events and checkpoints (at least 32 characters); never stored in the database",
    ),
    AUDIT_KEY_FILE: optionalText.describe(
      "File holding AUDIT_KEY (a mounted secret); a key generated in DATA_DIR when neither is set",
    ),
    AUDIT_CHECKPOINT_DIR: optionalText.describe(
      "Directory of the signed audit checkpoints (append-only JSONL), outside the database; DATA_DIR/audit-checkpoints when absent",
    ),
    AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .max(60_000)
      .default(60_000)
      .describe("How often the audit head is checkpointed (at most every minute)"),
    REDIS_URL: optionalText.describe("Redis shared by replicas for rate limits; in memory when absent"),
    REDIS_KEY_PREFIX: z
      .string()
      .default("greffier:")
      .describe("Prefix of every Redis key, so several deployments can share one Redis"),
    RATE_LIMIT_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .default(30)
      .describe("Generations one adviser may start per minute"),
    RATE_LIMIT_REQUESTS_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .default(300)
      .describe(
        "Requests one adviser may make per minute to the other API routes (saves, feedback, sources, versions, lists)",
      ),
    MAX_CONCURRENT_GENERATIONS: z.coerce
      .number()
      .int()
      .min(1)
      .default(3)
      .describe("Generations one adviser may run at the same time"),
    RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .default(30)
      .describe("Days before notes, sources, pseudonymisation maps and unvalidated drafts are purged"),
    MINUTES_RETENTION_DAYS: z.coerce.number().int().min(1).default(3650).describe("Days validated minutes are kept"),
    INSURER_DOMAINS: z
      .string()
      .default("maif.fr")
      .describe("Comma-separated mail domains of the insurer, to attribute messages of a thread"),
    ORG_NAME: z.string().default("MAIF").describe("Organisation named in transparency notices"),
    TRANSPARENCY_AI_SHARE_THRESHOLD: z.coerce
      .number()
      .min(0)
      .max(1)
      .default(DEFAULT_AI_SHARE_THRESHOLD)
      .describe("Share of AI words from which a saved text carries the AI notice"),
    DOCUMENT_WORKERS: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .optional()
      .describe("Worker threads that parse uploaded documents (and run OCR); default max(2, min(4, cores - 1))"),
    DOCUMENT_WORKER_HEAP_MB: z.coerce
      .number()
      .int()
      .min(64)
      .default(256)
      .describe("V8 heap of one document worker, in MB; a worker that needs more is stopped and the upload refused"),
    DOCUMENT_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .default(15_000)
      .describe("Wall-clock limit of one document parse; the worker is stopped and replaced past it"),
    WEBHOOK_URLS: z
      .string()
      .default("")
      .describe(
        "Comma-separated receivers (http or https URLs) of every validated record and deletion; none: records are only exported",
      ),
    WEBHOOK_SECRET: optionalText.describe(
      "Standard Webhooks secret signing deliveries: whsec_ followed by base64 (required with WEBHOOK_URLS)",
    ),
    WEBHOOK_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .default(10_000)
      .describe("Time a receiver has to answer one delivery; past it the attempt failed"),
    WEBHOOK_MAX_ATTEMPTS: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(20)
      .describe("Attempts per delivery before it is dead-lettered (about 8 hours with the default schedule)"),
    WEBHOOK_RETRY_BASE_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(5_000)
      .default(1_000)
      .describe("Delay before the first retry (with jitter, at most 5 s); doubled each attempt"),
    WEBHOOK_RETRY_MAX_MS: z.coerce
      .number()
      .int()
      .min(1)
      .default(3_600_000)
      .describe("Longest delay between two attempts (a longer Retry-After is capped to it)"),
    WEBHOOK_POLL_MS: z.coerce
      .number()
      .int()
      .min(10)
      .default(500)
      .describe("How often each replica looks for due deliveries (a save on the same replica wakes it at once)"),
    WEBHOOK_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(256)
      .default(16)
      .describe("Deliveries one replica has in flight at once"),
    TRANSCRIPTION_BASE_URL: optionalText.describe(
      "OpenAI-compatible /v1/audio/transcriptions endpoint (Voxtral, Whisper on Albert, vLLM, faster-whisper); LLM_BASE_URL when absent",
    ),
    TRANSCRIPTION_API_KEY: optionalText.describe("API key of the transcription endpoint; LLM_API_KEY when absent"),
    TRANSCRIPTION_MODEL: optionalText.describe("Speech-to-text model at the endpoint; LLM_MODEL when absent"),
    TRANSCRIPTION_PROVIDER_NAME: optionalText.describe(
      "Name of the transcription provider shown to advisers (default: the endpoint's host)",
    ),
    TRANSCRIPTION_FALLBACK_BASE_URL: optionalText.describe(
      "Second transcription endpoint, tried when the first fails; LLM_FALLBACK_BASE_URL when absent and TRANSCRIPTION_BASE_URL is not set",
    ),
    TRANSCRIPTION_FALLBACK_API_KEY: optionalText.describe("API key of the second transcription endpoint"),
    TRANSCRIPTION_FALLBACK_MODEL: optionalText.describe("Speech-to-text model of the second endpoint"),
    TRANSCRIPTION_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(300_000)
      .describe("Time allowed to the provider for one piece of audio"),
    TRANSCRIPTION_PIECE_SECONDS: z.coerce
      .number()
      .int()
      .min(30)
      .max(3_600)
      .default(600)
      .describe("Longest piece of WAV audio sent in one call; longer audio is cut at silences, with overlap"),
    AUDIO_RETENTION_HOURS: z.coerce
      .number()
      .min(0)
      .default(0)
      .describe("Hours a transcribed recording's audio is kept; 0 deletes it once transcribed"),
    AUDIO_MAX_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(7_200)
      .describe("Longest recording accepted, in seconds (2 h)"),
    AUDIO_MAX_MB: z.coerce.number().min(1).default(200).describe("Largest recording accepted, in MB"),
    STATIC_DIR: z.string().default("./dist").describe("Built front end served at /"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info")
      .describe("Log level"),
    NODE_ENV: optionalText.describe('Only used to refuse AUTH_MODE=dev in production (any case; "prod" counts)'),
    DEV_COMMITTEE: z
      .string()
      .trim()
      .toLowerCase()
      .default("false")
      .pipe(z.enum(["true", "false", "1", "0", "yes", "no"]))
      .transform((v) => v === "true" || v === "1" || v === "yes")
      .describe("In dev mode, give the local user the Committee role too (to try the committee's pages)"),
  })
  .superRefine(
    (env, ctx) => {
      if (env.LLM_BASE_URL && !env.LLM_MODEL)
        ctx.addIssue({
          code: "custom",
          path: ["LLM_MODEL"],
          message: "LLM_MODEL is required when LLM_BASE_URL is set",
        });
      if (env.LLM_FALLBACK_BASE_URL && !env.LLM_FALLBACK_MODEL)
        ctx.addIssue({
          code: "custom",
          path: ["LLM_FALLBACK_MODEL"],
          message: "LLM_FALLBACK_MODEL is required when LLM_FALLBACK_BASE_URL is set",
        });
      if (env.LLM_FALLBACK_BASE_URL && !env.LLM_BASE_URL)
        ctx.addIssue({
          code: "custom",
          path: ["LLM_BASE_URL"],
          message: "LLM_BASE_URL is required when LLM_FALLBACK_BASE_URL is set",
        });
      if (env.AUTH_MODE === "dev" && isProduction(env.NODE_ENV)) {
        ctx.addIssue({
          code: "custom",
          path: ["AUTH_MODE"],
          message: `AUTH_MODE=dev is refused when NODE_ENV=${env.NODE_ENV ?? ""} (production)`,
        });
      }
      const webhookUrls = env.WEBHOOK_URLS.split(",")
        .map((u) => u.trim())
        .filter(Boolean);
      for (const url of webhookUrls) {
        if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
          ctx.addIssue({ code: "custom", path: ["WEBHOOK_URLS"], message: `not an http(s) URL: ${url}` });
      }
      if (webhookUrls.length > 0 && !env.WEBHOOK_SECRET)
        ctx.addIssue({
          code: "custom",
          path: ["WEBHOOK_SECRET"],
          message: "WEBHOOK_SECRET is required when WEBHOOK_URLS is set",
        });
      // The reference library's rule: base64 after an optional whsec_ prefix (24 to 64 bytes are recommended, not
      // required).
      if (env.WEBHOOK_SECRET && !/^(?:whsec_)?[A-Za-z0-9+/]+={0,2}$/.test(env.WEBHOOK_SECRET)) {
        ctx.addIssue({
          code: "custom",
          path: ["WEBHOOK_SECRET"],
          message: "WEBHOOK_SECRET must be whsec_ followed by base64",
        });
      }
      if (env.AUDIT_KEY && env.AUDIT_KEY.length < 32)
        ctx.addIssue({ code: "custom", path: ["AUDIT_KEY"], message: "AUDIT_KEY must hold at least 32 characters" });
      if (env.AUTH_MODE === "entra") {
        for (const key of ["AUTH_AUDIENCE", "AUTH_TENANT_ID"] as const) {
          if (!env[key])
            ctx.addIssue({ code: "custom", path: [key], message: `${key} is required when AUTH_MODE=entra` });
        }
      }
    },
    { when: () => true },
  ); // also when a field failed, so the operator sees every problem at once

/** Whether NODE_ENV names production, whatever its case ("Production", "PROD", "prod"). */
export function isProduction(nodeEnv: string | undefined): boolean {
  const value = (nodeEnv ?? "").trim().toLowerCase();
  return value === "production" || value === "prod";
}

/** One OpenAI-compatible provider: where it is, what it runs (model size for the footprint), and its timeouts. */
export interface LlmConfig {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly name: string;
  readonly region: string;
  readonly activeParamsB: number | undefined;
  readonly totalParamsB: number | undefined;
  /** Time to the first token of a stream. */
  readonly timeoutMs: number;
  /** Longest gap between two chunks of a stream. */
  readonly idleTimeoutMs: number;
  /** Time allowed to a whole non-streamed answer. */
  readonly requestTimeoutMs: number;
}

/** The provider chain's retry, budget and circuit-breaker settings (`LLM_BUDGET_MS`, `LLM_MAX_ATTEMPTS`…). */
export interface ResilienceConfig {
  readonly budgetMs: number;
  /** Longest whole answer once a provider started streaming (`LLM_REQUEST_TIMEOUT_MS`). */
  readonly answerMs: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly breakerThreshold: number;
  readonly breakerCooldownMs: number;
}

/** The whole configuration, parsed once by loadConfig and frozen; nothing else reads process.env. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** The configured provider, or undefined for the offline engine. */
  readonly llm: LlmConfig | undefined;
  /** A second provider tried before the offline engine. */
  readonly llmFallback: LlmConfig | undefined;
  readonly resilience: ResilienceConfig;
  readonly auth:
    | { readonly mode: "dev"; readonly isCommittee: boolean }
    | {
        readonly mode: "entra";
        readonly issuer: string;
        readonly audience: string;
        readonly tenantId: string;
        readonly jwksUrl: string;
      };
  readonly audit: {
    readonly key: string | undefined;
    readonly keyFile: string | undefined;
    readonly dataDir: string;
    readonly checkpointDir: string;
    readonly checkpointIntervalMs: number;
  };
  readonly redisUrl: string | undefined;
  readonly redisKeyPrefix: string;
  readonly limits: {
    readonly generationsPerMinute: number;
    readonly requestsPerMinute: number;
    readonly concurrentGenerations: number;
  };
  readonly retention: { readonly workingDataDays: number; readonly minutesDays: number };
  readonly orgName: string;
  readonly insurerDomains: readonly string[];
  readonly aiShareThreshold: number;
  /** Webhook delivery of validated records (server/delivery/). */
  readonly webhooks: {
    readonly urls: readonly string[];
    readonly secret: string | undefined;
    readonly timeoutMs: number;
    readonly maxAttempts: number;
    readonly retryBaseMs: number;
    readonly retryMaxMs: number;
    readonly pollMs: number;
    readonly concurrency: number;
  };
  /** The document worker pool (server/documents/pool.ts). */
  readonly documents: { readonly workers: number | undefined; readonly heapMb: number; readonly timeoutMs: number };
  /** Speech-to-text (server/transcription/): the endpoint, or undefined when neither it nor an LLM is configured. */
  readonly transcription: {
    readonly provider: TranscriptionProviderConfig | undefined;
    /** Tried when the provider fails (after its retries), as the fallback of generations. */
    readonly fallback: TranscriptionProviderConfig | undefined;
    readonly pieceSeconds: number;
    readonly retentionHours: number;
    readonly maxSeconds: number;
    readonly maxBytes: number;
  };
  readonly staticDir: string;
  readonly logLevel: string;
}

/** Raised with every problem of the environment at once, so an operator fixes them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type LlmTimeouts = Pick<LlmConfig, "timeoutMs" | "idleTimeoutMs" | "requestTimeoutMs">;

/** One provider's variables (`LLM_*` or `LLM_FALLBACK_*`); it is configured only when it has a base URL. */
function providerConfig(
  timeouts: LlmTimeouts,
  env: Omit<LlmConfig, "baseUrl" | "name" | keyof LlmTimeouts> & {
    readonly baseUrl: string | undefined;
    readonly name: string | undefined;
  },
): LlmConfig | undefined {
  if (!env.baseUrl) return undefined;
  return { ...env, baseUrl: env.baseUrl, name: env.name ?? new URL(env.baseUrl).hostname, ...timeouts };
}

/** One speech-to-text endpoint. */
export interface TranscriptionProviderConfig {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly name: string;
  readonly region: string;
  readonly timeoutMs: number;
}

/** The second speech-to-text endpoint: its own variables, or the LLM's fallback when transcription follows the LLM. */
function transcriptionFallback(e: z.infer<typeof ConfigSchema>): TranscriptionProviderConfig | undefined {
  const followsLlm = e.TRANSCRIPTION_BASE_URL === undefined;
  const baseUrl = e.TRANSCRIPTION_FALLBACK_BASE_URL ?? (followsLlm ? e.LLM_FALLBACK_BASE_URL : undefined);
  const model =
    e.TRANSCRIPTION_FALLBACK_MODEL ?? (followsLlm ? e.LLM_FALLBACK_MODEL : undefined) ?? e.TRANSCRIPTION_MODEL;
  if (!baseUrl || !model) return undefined;
  return {
    baseUrl,
    apiKey: e.TRANSCRIPTION_FALLBACK_API_KEY ?? (followsLlm ? e.LLM_FALLBACK_API_KEY : undefined),
    model,
    name:
      (followsLlm && !e.TRANSCRIPTION_FALLBACK_BASE_URL ? e.LLM_FALLBACK_PROVIDER_NAME : undefined) ??
      new URL(baseUrl).hostname,
    region: e.LLM_FALLBACK_REGION,
    timeoutMs: e.TRANSCRIPTION_TIMEOUT_MS,
  };
}

/** The speech-to-text endpoint: its own variables, each defaulting to the LLM's (issue 17). */
function transcriptionProvider(e: z.infer<typeof ConfigSchema>): Config["transcription"]["provider"] {
  const baseUrl = e.TRANSCRIPTION_BASE_URL ?? e.LLM_BASE_URL;
  const model = e.TRANSCRIPTION_MODEL ?? e.LLM_MODEL;
  if (!baseUrl || !model) return undefined;
  const isOwn = e.TRANSCRIPTION_BASE_URL !== undefined;
  return {
    baseUrl,
    apiKey: e.TRANSCRIPTION_API_KEY ?? e.LLM_API_KEY,
    model,
    name: e.TRANSCRIPTION_PROVIDER_NAME ?? (isOwn ? undefined : e.LLM_PROVIDER_NAME) ?? new URL(baseUrl).hostname,
    region: e.LLM_REGION,
    timeoutMs: e.TRANSCRIPTION_TIMEOUT_MS,
  };
}

/**
 * Parses the environment into a frozen Config.
 * @throws ConfigError listing every invalid or missing variable.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  const e = parsed.data;
  const timeouts = {
    timeoutMs: e.LLM_TIMEOUT_MS,
    idleTimeoutMs: e.LLM_IDLE_TIMEOUT_MS,
    requestTimeoutMs: e.LLM_REQUEST_TIMEOUT_MS,
  };
  const llm = providerConfig(timeouts, {
    baseUrl: e.LLM_BASE_URL,
    apiKey: e.LLM_API_KEY,
    model: e.LLM_MODEL ?? "",
    name: e.LLM_PROVIDER_NAME,
    region: e.LLM_REGION,
    activeParamsB: e.LLM_MODEL_ACTIVE_PARAMS_B,
    totalParamsB: e.LLM_MODEL_TOTAL_PARAMS_B,
  });
  const llmFallback = providerConfig(timeouts, {
    baseUrl: e.LLM_FALLBACK_BASE_URL,
    apiKey: e.LLM_FALLBACK_API_KEY,
    model: e.LLM_FALLBACK_MODEL ?? "",
    name: e.LLM_FALLBACK_PROVIDER_NAME,
    region: e.LLM_FALLBACK_REGION,
    activeParamsB: e.LLM_FALLBACK_MODEL_ACTIVE_PARAMS_B,
    totalParamsB: e.LLM_FALLBACK_MODEL_TOTAL_PARAMS_B,
  });
  const tenantId = e.AUTH_TENANT_ID ?? "";
  const auth: Config["auth"] =
    e.AUTH_MODE === "entra"
      ? {
          mode: "entra",
          issuer: e.AUTH_ISSUER ?? `https://login.microsoftonline.com/${tenantId}/v2.0`,
          audience: e.AUTH_AUDIENCE ?? "",
          tenantId,
          jwksUrl: e.AUTH_JWKS_URL ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`,
        }
      : { mode: "dev", isCommittee: e.DEV_COMMITTEE };
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    llm,
    llmFallback,
    resilience: {
      budgetMs: e.LLM_BUDGET_MS,
      answerMs: e.LLM_REQUEST_TIMEOUT_MS,
      maxAttempts: e.LLM_MAX_ATTEMPTS,
      retryBaseMs: e.LLM_RETRY_BASE_MS,
      breakerThreshold: e.LLM_BREAKER_THRESHOLD,
      breakerCooldownMs: e.LLM_BREAKER_COOLDOWN_MS,
    },
    auth,
    audit: {
      key: e.AUDIT_KEY,
      keyFile: e.AUDIT_KEY_FILE,
      dataDir: e.DATA_DIR,
      checkpointDir: e.AUDIT_CHECKPOINT_DIR ?? join(e.DATA_DIR, "audit-checkpoints"),
      checkpointIntervalMs: e.AUDIT_CHECKPOINT_INTERVAL_MS,
    },
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    limits: {
      generationsPerMinute: e.RATE_LIMIT_PER_MINUTE,
      requestsPerMinute: e.RATE_LIMIT_REQUESTS_PER_MINUTE,
      concurrentGenerations: e.MAX_CONCURRENT_GENERATIONS,
    },
    retention: { workingDataDays: e.RETENTION_DAYS, minutesDays: e.MINUTES_RETENTION_DAYS },
    orgName: e.ORG_NAME,
    insurerDomains: e.INSURER_DOMAINS.split(",")
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
    aiShareThreshold: e.TRANSPARENCY_AI_SHARE_THRESHOLD,
    webhooks: {
      urls: e.WEBHOOK_URLS.split(",")
        .map((u) => u.trim())
        .filter(Boolean),
      secret: e.WEBHOOK_SECRET,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: e.WEBHOOK_RETRY_MAX_MS,
      pollMs: e.WEBHOOK_POLL_MS,
      concurrency: e.WEBHOOK_CONCURRENCY,
    },
    documents: { workers: e.DOCUMENT_WORKERS, heapMb: e.DOCUMENT_WORKER_HEAP_MB, timeoutMs: e.DOCUMENT_TIMEOUT_MS },
    transcription: {
      provider: transcriptionProvider(e),
      fallback: transcriptionFallback(e),
      pieceSeconds: e.TRANSCRIPTION_PIECE_SECONDS,
      retentionHours: e.AUDIO_RETENTION_HOURS,
      maxSeconds: e.AUDIO_MAX_SECONDS,
      maxBytes: Math.round(e.AUDIO_MAX_MB * 1024 * 1024),
    },
    staticDir: e.STATIC_DIR,
    logLevel: e.LOG_LEVEL,
  });
}
