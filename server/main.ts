// Owns the process: read the configuration once, open the store, listen, and close with grace on SIGTERM/SIGINT.
import { buildApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { loadPrePrompts } from "./prompts/registry";
import { closeGracefully } from "./lifecycle";
import { connectRedis, createRedisClient } from "./limits/redis";
import { startRetentionJob } from "./retention-job";
import { buildProviders } from "./llm/providers";
import { openStore } from "./store/open";
import { warmPseudonymiser } from "./privacy/pseudonymiser";

/** How long running streams may take to finish after a stop signal. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const prePrompts = await loadPrePrompts();
  const db = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const redis = config.redisUrl ? createRedisClient(config.redisUrl) : undefined;
  // An unreachable Redis does not stop the server: limits are counted per replica until it answers.
  if (redis)
    await connectRedis(redis, { warn: (obj, msg) => process.stderr.write(`${msg} (${JSON.stringify(obj)})\n`) });
  const app = await buildApp({
    redis,
    config,
    db,
    prePrompts,
    providers: buildProviders(config),
    logger: {
      level: config.logLevel,
      // Never log what advisers type or who they are: bodies are not logged, and these headers are redacted.
      redact: ["req.headers.authorization", "req.headers.cookie"],
    },
  });
  // The name and commune lists load before the first request (about a second), and a broken install stops here.
  warmPseudonymiser();
  await app.listen({ port: config.port, host: config.host });
  const stopRetention = startRetentionJob(db, config.retention, app.log);
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const base = `http://${host}:${port}`;
  const engine = config.llm ? `${config.llm.name} (${config.llm.model})` : "moteur hors ligne (aucun LLM configuré)";
  const store = (config.databaseUrl ? "PostgreSQL" : `PGlite embarqué (${config.dataDir})`) + (redis ? " + Redis" : "");
  process.stdout.write(
    `\nGreffier est prêt.\n  Volet Office : ${base}/taskpane.html\n  Santé        : ${base}/api/health\n  Modèle       : ${engine}\n  Données      : ${store}\n  Auth         : ${config.auth.mode}\n\n`,
  );

  let isClosing = false;
  const close = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      app.log.error("shutdown grace period exceeded");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS + 5_000);
    timer.unref();
    stopRetention();
    await closeGracefully(app, { db, redis }, SHUTDOWN_GRACE_MS);
    process.exit(0);
  };
  process.on("SIGTERM", () => void close("SIGTERM"));
  process.on("SIGINT", () => void close("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Greffier n'a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof Error && error.cause)
      process.stderr.write(`  cause : ${error.cause instanceof Error ? error.cause.message : String(error.cause)}\n`);
  }
  process.exit(1);
});
