// Owns `npm run package -- --env <env>`: the manifests plus the Teams/Microsoft 365 app zip, offline (see cli.ts).
import { runCli } from "./cli";

process.exitCode = await runCli("package", process.argv.slice(2));
