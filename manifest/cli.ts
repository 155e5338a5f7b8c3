// Owns the command lines of `npm run manifest` and `npm run package`: argument parsing, messages and exit codes.
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { writeIcons } from "./icons";
import { ICONS_SOURCE_DIR } from "./pages";
import { REPO_ROOT, generateManifests, packageApp, type GenerateOptions } from "./generate";

/** Parsed arguments of both commands. */
export interface CliOptions extends GenerateOptions {
  readonly env: string;
  /** Regenerate the committed icons in manifest/assets before building. */
  readonly isWritingIcons: boolean;
}

const USAGE = `Usage: npm run manifest|package -- [--env dev|prod] [--out DIR] [--origin https://host[:port]]
                                   [--entra-client-id GUID] [--send-mode block|softBlock|promptUser] [--icons]`;

/**
 * Parses `--env`, `--out`, `--origin`, `--entra-client-id`, `--send-mode` and `--icons`.
 * @param argv - Arguments after the script name.
 * @returns The options; `env` defaults to dev.
 * @throws TypeError on an unknown option or a missing value.
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      env: { type: "string", default: "dev" },
      out: { type: "string" },
      origin: { type: "string" },
      "entra-client-id": { type: "string" },
      "send-mode": { type: "string" },
      icons: { type: "boolean", default: false },
    },
  });
  return {
    env: values.env,
    isWritingIcons: values.icons,
    ...(values.out !== undefined && { outDir: values.out }),
    overrides: {
      ...(values.origin !== undefined && { origin: values.origin }),
      ...(values["entra-client-id"] !== undefined && { entraClientId: values["entra-client-id"] }),
      ...(values["send-mode"] !== undefined && { sendMode: values["send-mode"] }),
    },
  };
}

/**
 * Runs one command and turns its outcome into an exit code, printing what was written or why it failed.
 * @param command - `manifest` writes the manifests; `package` also writes the app zip.
 * @param argv - Arguments after the script name.
 * @returns 0 on success, 1 on failure.
 */
export async function runCli(command: "manifest" | "package", argv: readonly string[]): Promise<number> {
  const show = (path: string) => relative(process.cwd(), path) || ".";
  try {
    const options = parseCliArgs(argv);
    if (options.isWritingIcons) {
      const written = writeIcons(join(REPO_ROOT, ICONS_SOURCE_DIR));
      process.stdout.write(`${written.length} icons written to ${ICONS_SOURCE_DIR}\n`);
    }
    const generated = await generateManifests(options.env, options);
    const { config, files } = generated;
    process.stdout.write(`${config.env} (${config.origin}, sendMode ${config.sendMode}, v${generated.version}):\n`);
    for (const path of Object.values(files)) process.stdout.write(`  ${show(path)}\n`);
    if (command === "package") process.stdout.write(`  ${show(packageApp(generated))}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n${error instanceof TypeError ? `${USAGE}\n` : ""}`);
    return 1;
  }
}
