// Checks that a production install serves the product and signs in with Entra tokens: `npm start` in the given
// folder (a clone installed with `npm ci --omit=dev`), in entra mode against a local identity provider, must serve the
// task pane, refuse the API without a token and answer it with a signed one. Run by .ci/run from the main tree (the
// checking side may use dev dependencies): `node --import tsx scripts/check-production-start.ts <folder> [port]`.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startLocalIdentityProvider } from "../tests/support/jwks-signer";

/** The first start builds the pane with webpack: minutes on a busy 2-core machine. */
const START_TIMEOUT_MS = 300_000;

const [folder = ".", port = "3978"] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}`;
const idp = await startLocalIdentityProvider();
const dataDir = mkdtempSync(join(tmpdir(), "greffier-production-start-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  ...idp.env,
};
// Its own process group (npm → start.mjs → webpack or the server), so the whole tree is stopped afterwards.
const server = spawn("npm", ["start"], {
  cwd: resolve(folder),
  env,
  detached: true,
  stdio: ["ignore", "pipe", "pipe"],
});
let log = "";
server.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
server.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
let exited = false;
server.on("exit", () => (exited = true));

/** Status and body of `path`, or null while the server does not answer. */
async function get(path: string, token?: string): Promise<{ status: number; body: string } | null> {
  try {
    const response = await fetch(base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, body: await response.text() };
  } catch {
    return null;
  }
}

async function check(): Promise<string[]> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while ((await get("/api/health"))?.status !== 200) {
    if (exited) return ["npm start exited before answering /api/health"];
    if (Date.now() > deadline) return [`npm start did not answer /api/health within ${START_TIMEOUT_MS / 1000} s`];
    await sleep(1000);
  }
  const failures: string[] = [];
  const page = await get("/taskpane.html");
  if (page?.status !== 200 || !page.body.includes("<script"))
    failures.push(`/taskpane.html: ${page?.status ?? "no answer"}`);
  const anonymous = await get("/api/minutes");
  if (anonymous?.status !== 401)
    failures.push(`/api/minutes without a token: ${anonymous?.status ?? "no answer"}, not 401`);
  const signedIn = await get("/api/minutes", await idp.sign());
  if (signedIn?.status !== 200)
    failures.push(`/api/minutes with a token: ${signedIn?.status ?? "no answer"} ${signedIn?.body ?? ""}`);
  return failures;
}

let failures: string[];
try {
  failures = await check();
} finally {
  try {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
  for (let i = 0; i < 150 && !exited; i += 1) await sleep(100);
  if (!exited && server.pid) process.kill(-server.pid, "SIGKILL");
  await idp.close();
  rmSync(dataDir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.log(`Production start: ${failures.join("; ")}\n${log}`);
  process.exit(1);
}
console.log("Production start: npm start (npm ci --omit=dev) serves the pane and accepts an Entra token");
