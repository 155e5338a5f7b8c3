// Owns the HTTP application: plugins, authentication, routes and the problem+json error handler. It never listens.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import type { Redis } from "ioredis";
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from "fastify";
import { AppError } from "../src/errors";
import { msg } from "../src/i18n/message";
import { MAX_BODY_BYTES } from "../src/schemas/limits";
import { startAuditAnchor } from "./audit/anchor";
import { createAuditRecorder } from "./audit/recorder";
import { authenticateDev } from "./auth/dev";
import { createEntraAuthenticator } from "./auth/entra";
import type { User } from "./auth/user";
import type { Config } from "./config";
import { createProviderChain } from "./llm/chain";
import type { LlmProvider } from "./llm/provider";
import { createMetrics } from "./metrics";
import {
  createMemoryConcurrencyLimiter,
  createRedisConcurrencyLimiter,
  createResilientConcurrencyLimiter,
} from "./limits/concurrency";
import { fallbackRateStore } from "./limits/rate-store";
import { createRedisFallback, REDIS_COMMAND_TIMEOUT_MS } from "./limits/redis";
import { cleanJson } from "./limits/odd-bytes";
import { registerOpenApi } from "./openapi";
import { loggableError, sendProblem, toAppError } from "./problem";
import { registerStrictJsonParser } from "./json-body";
import { jsonSerializer, zodValidator } from "./route-schemas";
import type { PrePromptRegistry } from "./prompts/registry";
import { committeeRoutes } from "./routes/committee";
import { exportRoutes } from "./routes/exports";
import { commitmentsRoutes } from "./delivery/commitments-route";
import { createDelivery } from "./delivery/service";
import { deliveryMetrics } from "./delivery/metrics";
import { feedbackRoutes } from "./routes/feedback";
import { generationRoutes } from "./routes/generations";
import { healthRoutes } from "./routes/health";
import { minutesRoutes } from "./routes/minutes";
import { sourceRoutes } from "./routes/sources";
import { transcriptionRoutes } from "./routes/transcriptions";
import { createTranscriber } from "./transcription/service";
import { lazyDocumentPool } from "./documents/pool";
import { scanRoutes } from "./documents/ocr/route";
import type { Db } from "./store/db";
import { syncPrePrompts } from "./store/pre-prompts";
import { loadOrCreateSecret } from "./store/secrets";

declare module "fastify" {
  interface FastifyRequest {
    user: User;
  }
}

/** What buildApp needs, built once by main.ts (or by a test) so the app itself reads no environment. */
export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly prePrompts: PrePromptRegistry;
  /** Providers in order, the offline engine last (see providers.ts). */
  readonly providers: readonly LlmProvider[];
  readonly logger?: FastifyServerOptions["logger"];
  /** Shared by replicas for rate limits and concurrency caps; in memory when absent. */
  readonly redis?: Redis | undefined;
}

/** The API routes that answer without a user; metrics and the static front end live outside `/api/`. */
const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set(["/api/health", "/api/health/ready", "/api/openapi.json"]);

/**
 * Whether a request needs a user. Decided on the route the router matched, not only on the raw URL: the router
 * decodes the path, so `/%61pi/sources/document` reaches the `/api/sources/document` handler while its raw URL
 * does not start with `/api/` (the URL-prefix bypass of fastify/demo).
 */
function needsUser(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined && PUBLIC_API_ROUTES.has(route)) return false;
  return route?.startsWith("/api/") === true || request.url.startsWith("/api/");
}

/** Whether the route registered at `url` needs a user (the OpenAPI document's security). */
function routeNeedsUser(url: string): boolean {
  return url.startsWith("/api/") && !PUBLIC_API_ROUTES.has(url);
}

/** What of the configuration the committee audits: what the AI is told, who answers, and the transparency rule. */
function auditedConfig(deps: AppDeps): Record<string, unknown> {
  const provider = (c: Config["llm"]) =>
    c ? { name: c.name, model: c.model, region: c.region, baseUrl: c.baseUrl } : null;
  return {
    prePrompts: [...deps.prePrompts.values()].map((p) => ({ id: p.id, sha256: p.sha256 })),
    provider: provider(deps.config.llm),
    fallbackProvider: provider(deps.config.llmFallback),
    aiShareThreshold: deps.config.aiShareThreshold,
    orgName: deps.config.orgName,
    authMode: deps.config.auth.mode,
  };
}

/** Builds the application with its dependencies; tests call `inject` on it, main.ts calls `listen`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    // Behind a load balancer the client address comes from X-Forwarded-For; the dev user still needs loopback.
    trustProxy: false,
    genReqId: (req) => {
      const header = req.headers["x-request-id"];
      return typeof header === "string" && /^[\w-]{1,64}$/.test(header) ? header : crypto.randomUUID();
    },
  });

  // Routes declare their zod schemas: requests are validated into problem+json, answers written as shaped.
  app.setValidatorCompiler(zodValidator());
  app.setSerializerCompiler(jsonSerializer);
  // JSON only: a text/plain body is a 415, not a string that fails validation.
  app.removeContentTypeParser("text/plain");
  // Strict UTF-8: a body in another encoding is a 400 naming its field, never text stored with U+FFFD in it.
  registerStrictJsonParser(app);
  // PostgreSQL refuses U+0000 (text, jsonb) and lone surrogates (jsonb): removed here, before any route or stream
  // sees them, so a pasted NUL never turns a whole draft into a 500 after it has streamed.
  app.addHook("preValidation", async (request) => {
    if (request.body !== undefined && request.body !== null) request.body = cleanJson(request.body);
    if (request.query !== undefined && request.query !== null)
      request.query = cleanJson(request.query) as typeof request.query;
  });

  const authenticate =
    deps.config.auth.mode === "entra"
      ? createEntraAuthenticator(deps.config.auth)
      : async (_authorization: string | undefined, ip: string, headers: FastifyRequest["headers"]) =>
          // trustProxy is off: a request through a proxy would take the proxy's loopback address as its own.
          authenticateDev(ip, headers, {
            isCommittee: deps.config.auth.mode === "dev" && deps.config.auth.isCommittee,
            trustsProxy: false,
          });

  app.decorateRequest("user", null as unknown as User);
  app.addHook("onRequest", async (request) => {
    if (!needsUser(request)) return;
    request.user = await authenticate(request.headers.authorization, request.ip, request.headers);
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: loggableError(error), code: appError.code }, "request failed");
    if ((appError.code === "rate_limited" || appError.status === 503) && !reply.hasHeader("retry-after"))
      reply.header("retry-after", "5");
    void sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => {
    const detail = msg("server.request.no_route", { path: request.url.split("?")[0] ?? "/" });
    void sendProblem(request, reply, new AppError("not_found", { detail }));
  });

  await syncPrePrompts(deps.db, deps.prePrompts);
  // The audit key and the checkpoints live outside the database: a cut tail, a wiped table or a forged event shows.
  const anchor = await startAuditAnchor(deps.db, deps.config.audit, app.log);
  app.addHook("onClose", async () => anchor.stop());
  const audit = createAuditRecorder(await loadOrCreateSecret(deps.db, "audit-actor-key"), anchor.key);
  await audit.configIfChanged(deps.db, auditedConfig(deps));

  const metrics = createMetrics();
  // Redis failing never fails a request: limits are then counted per replica, with a metric and a warning.
  const redisFallback = createRedisFallback(metrics.registry, app.log);
  // Per adviser, after authentication, on every API route that does work (health and OpenAPI excepted); a route may
  // set its own limit. The counters live in Redis when replicas share them.
  await app.register(fastifyRateLimit, {
    global: true,
    max: deps.config.limits.requestsPerMinute,
    timeWindow: 60_000,
    hook: "preHandler",
    allowList: (request) => !needsUser(request),
    keyGenerator: (request) => request.user?.id ?? request.ip,
    store: fallbackRateStore(deps.redis, `${deps.config.redisKeyPrefix}rate:`, redisFallback),
    errorResponseBuilder: (_request, context) =>
      new AppError("rate_limited", {
        detail: msg("problem.rate_limited.detail", { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
      }),
  });
  const chain = createProviderChain(deps.providers, deps.config.resilience, metrics.chainObserver);
  const localConcurrency = createMemoryConcurrencyLimiter(deps.config.limits.concurrentGenerations);
  const concurrency = deps.redis
    ? createResilientConcurrencyLimiter(
        createRedisConcurrencyLimiter(deps.redis, deps.config.limits.concurrentGenerations, deps.config.redisKeyPrefix),
        localConcurrency,
        redisFallback,
        REDIS_COMMAND_TIMEOUT_MS,
      )
    : localConcurrency;

  await registerOpenApi(app, routeNeedsUser);
  await app.register(healthRoutes({ db: deps.db, redis: deps.redis, breakerStates: () => chain.breakerStates() }));
  app.get("/metrics", async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  await app.register(
    generationRoutes({
      db: deps.db,
      prePrompts: deps.prePrompts,
      chain,
      audit,
      concurrency,
      metrics,
      perMinute: deps.config.limits.generationsPerMinute,
    }),
  );
  // Validated records reach MAIF's systems through the outbox; the worker runs when WEBHOOK_URLS names receivers,
  // and stops (attempts in flight settled) before main.ts closes the store.
  const delivery = createDelivery(deps.config.webhooks, deps.db, app.log, deliveryMetrics(metrics.registry, deps.db));
  app.addHook("onClose", () => delivery.stop());
  await app.register(
    minutesRoutes({
      db: deps.db,
      audit,
      orgName: deps.config.orgName,
      aiShareThreshold: deps.config.aiShareThreshold,
      delivery,
    }),
  );
  await app.register(exportRoutes({ db: deps.db, replayed: () => delivery.saved() }));
  await app.register(commitmentsRoutes({ db: deps.db, chain }));
  await app.register(feedbackRoutes({ db: deps.db, audit }));
  await app.register(committeeRoutes({ db: deps.db, verifyAudit: () => anchor.verify(), audit, chain }));
  // Uploads are parsed and read by OCR in worker threads: one pool per app, started on the first job, closed with the
  // app.
  const documentPool = lazyDocumentPool({
    maxThreads: deps.config.documents.workers,
    heapMb: deps.config.documents.heapMb,
    defaultTimeoutMs: deps.config.documents.timeoutMs,
  });
  app.addHook("onClose", () => documentPool.close());
  await app.register(
    sourceRoutes({ orgName: deps.config.orgName, insurerDomains: deps.config.insurerDomains, documentPool }),
  );
  await app.register(scanRoutes({ pool: documentPool }));
  await app.register(
    transcriptionRoutes({
      db: deps.db,
      audit,
      transcriber: createTranscriber(deps.config),
      dataDir: deps.config.dataDir,
      retentionHours: deps.config.transcription.retentionHours,
      workingDataDays: deps.config.retention.workingDataDays,
    }),
  );

  const staticRoot = resolve(deps.config.staticDir);
  if (existsSync(staticRoot)) {
    await app.register(fastifyStatic, {
      root: staticRoot,
      index: ["taskpane.html"],
      cacheControl: false,
      setHeaders: (res, path) => {
        // Hashed bundles never change; pages must always be revalidated so a new build is picked up.
        res.header(
          "cache-control",
          /\.[0-9a-f]{8,}\.(js|css)$/.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
  }
  return app;
}
