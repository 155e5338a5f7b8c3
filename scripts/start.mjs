// `npm start`: build the front end only when it is missing or older than its sources, then run the server.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const builtPage = join(root, "dist", "taskpane.html");
const sources = ["addin", "src", "webpack.config.js", "package-lock.json"].map((p) => join(root, p));

/** Newest modification time under `path` (a file or a directory tree). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

const isStale = !existsSync(builtPage) || statSync(builtPage).mtimeMs < Math.max(...sources.map(newestMtime));
if (isStale && existsSync(join(root, "webpack.config.js"))) {
  process.stdout.write("Construction du volet (webpack)…\n");
  const build = spawnSync(
    process.execPath,
    [join(root, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"],
    { cwd: root, stdio: "inherit" },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ["--import", "tsx", join(root, "server", "main.ts")], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
