// Owns the HTTP application: plugins, authentication, routes and the problem+json error handler. It never listens.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { MAX_BODY_BYTES } from "../src/schemas/limits";
import { authenticateDev } from "./auth/dev";
import { createEntraAuthenticator } from "./auth/entra";
import type { User } from "./auth/user";
import type { Config } from "./config";
import type { LlmProvider } from "./llm/provider";
import { problemOf, toAppError } from "./problem";
import type { PrePromptRegistry } from "./prompts/registry";
import { generationRoutes } from "./routes/generations";
import { healthRoutes } from "./routes/health";
import { minutesRoutes } from "./routes/minutes";
import type { Db } from "./store/db";

declare module "fastify" {
  interface FastifyRequest {
    user: User;
  }
}

export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly prePrompts: PrePromptRegistry;
  /** Tried in order; the offline engine last. */
  readonly providers: readonly LlmProvider[];
  readonly logger?: FastifyServerOptions["logger"];
}

/** Paths that answer without a user: health and the static front end. */
function isPublic(url: string): boolean {
  return !url.startsWith("/api/") || url === "/api/health";
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

  const authenticate =
    deps.config.auth.mode === "entra"
      ? createEntraAuthenticator(deps.config.auth)
      : async (_authorization: string | undefined, ip: string) => authenticateDev(ip);

  app.decorateRequest("user", null as unknown as User);
  app.addHook("onRequest", async (request) => {
    if (isPublic(request.url)) return;
    request.user = await authenticate(request.headers.authorization, request.ip);
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error, code: appError.code }, "request failed");
    if (appError.code === "rate_limited" || appError.status === 503) reply.header("retry-after", "5");
    void reply
      .code(appError.status)
      .type("application/problem+json; charset=utf-8")
      .send(problemOf(appError.code, appError.status, appError.detail));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).type("application/problem+json; charset=utf-8").send(problemOf("not_found", 404, `Aucune ressource à l'adresse ${request.url.split("?")[0]}.`));
  });

  await app.register(healthRoutes);
  await app.register(generationRoutes({ db: deps.db, prePrompts: deps.prePrompts, providers: deps.providers }));
  await app.register(minutesRoutes({ db: deps.db, orgName: deps.config.orgName, aiShareThreshold: deps.config.aiShareThreshold }));

  const staticRoot = resolve(deps.config.staticDir);
  if (existsSync(staticRoot)) {
    await app.register(fastifyStatic, { root: staticRoot, index: ["taskpane.html"], cacheControl: false, setHeaders: (res, path) => {
      // Hashed bundles never change; pages must always be revalidated so a new build is picked up.
      res.header("cache-control", /\.[0-9a-f]{8,}\.(js|css)$/.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
    } });
  }
  return app;
}

