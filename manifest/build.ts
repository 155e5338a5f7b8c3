// Owns `npm run manifest -- --env <env>`: writes dist/manifest/<env>/manifest.json and manifest.xml (see cli.ts).
import { runCli } from "./cli";

process.exitCode = await runCli("manifest", process.argv.slice(2));
