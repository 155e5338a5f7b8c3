// Owns the per-environment manifest configuration: manifest/config/<env>.json, validated, with command-line overrides.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** Environments that have a file in manifest/config/. */
export const MANIFEST_ENVIRONMENTS = ["dev", "prod"] as const;

/** One environment name. */
export type ManifestEnvironment = (typeof MANIFEST_ENVIRONMENTS)[number];

/** Smart Alerts send modes, as the unified manifest spells them (the XML one capitalises them). */
export const SEND_MODES = ["block", "softBlock", "promptUser"] as const;

/** One send mode. */
export type SendMode = (typeof SEND_MODES)[number];

/** The delegated scope the API exposes and the add-in requests (ARCHITECTURE: `scp` must hold it). */
export const API_SCOPE_NAME = "access_as_user";

const CONFIG_DIR = join(import.meta.dirname, "config");

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a GUID");

const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).describe("an https URL");

/** An origin the pages are served from: https (Office and Teams load nothing else), no path, no trailing slash. */
const origin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.origin === value;
  } catch {
    return false;
  }
}, "must be an https origin such as https://greffier.maif.fr or https://localhost:3000 (no path, no trailing slash): Office and Teams refuse http pages");

/** The schema of manifest/config/<env>.json. */
export const ManifestConfigSchema = z
  .object({
    $comment: z.string().optional().describe("Free text for whoever edits the file"),
    env: z.enum(MANIFEST_ENVIRONMENTS).describe("The environment this file describes"),
    origin: origin.describe("Where the front end is served: pages, launchevent.js and icons"),
    appId: guid.describe("id of the unified manifest (the Microsoft 365 app)"),
    xmlAddinId: guid.describe(
      "<Id> of the XML add-in-only manifest; must differ from appId (Microsoft's linking rules)",
    ),
    nameSuffix: z
      .string()
      .max(10)
      .default("")
      .describe("Appended to the app's name, so dev and prod can be told apart"),
    entra: z
      .object({
        clientId: guid.describe("Application (client) id of the Entra app registration"),
        applicationIdUri: z
          .string()
          .regex(/^api:\/\/[^\s/]+(\/[^\s/]+)*$/, "must look like api://host/clientId or api://clientId")
          .optional()
          .describe("Application ID URI of the exposed API; default api://<origin host[:port]>/<clientId>"),
      })
      .strict(),
    sendMode: z.enum(SEND_MODES).describe("Smart Alerts send mode of the OnMessageSend handler"),
    developer: z
      .object({
        name: z.string().min(1).max(32),
        websiteUrl: httpsUrl,
        privacyUrl: httpsUrl,
        termsOfUseUrl: httpsUrl,
      })
      .strict(),
  })
  .strict()
  .refine((c) => c.appId.toLowerCase() !== c.xmlAddinId.toLowerCase(), {
    message: "appId and xmlAddinId must differ: Office hides the XML add-in by its own id",
    path: ["xmlAddinId"],
  })
  .refine((c) => c.env !== "prod" || !isLoopback(new URL(c.origin).hostname), {
    message: "the prod origin cannot be a loopback host",
    path: ["origin"],
  });

/** The configuration as written in the file. */
export type ManifestConfigFile = z.infer<typeof ManifestConfigSchema>;

/** The configuration with everything the templates derive from it. */
export interface ManifestConfig extends ManifestConfigFile {
  /** `host[:port]` of the origin: validDomains, AppDomains and the NAA redirect. */
  readonly host: string;
  /** Application ID URI of the API. */
  readonly applicationIdUri: string;
  /** Full scope the add-in requests for the API: `<applicationIdUri>/access_as_user`. */
  readonly apiScope: string;
  /** SPA redirect URI for nested app authentication: `brk-multihub://<host>`. */
  readonly naaRedirectUri: string;
}

/** Values a command line may override in a config file. */
export interface ConfigOverrides {
  readonly origin?: string;
  readonly entraClientId?: string;
  readonly sendMode?: string;
}

/**
 * Whether a hostname is the local machine.
 * @param hostname - A URL's hostname.
 * @returns True for localhost, 127.0.0.0/8 and ::1.
 */
export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname.endsWith(".localhost") || /^127\./.test(hostname) || hostname === "[::1]";
}

/**
 * Validates a configuration object and derives the values the templates need.
 * @param raw - The parsed JSON of a config file, possibly with overrides applied.
 * @returns The resolved, frozen configuration.
 * @throws Error listing every problem when the configuration is invalid.
 */
export function resolveConfig(raw: unknown): ManifestConfig {
  const parsed = ManifestConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
    throw new Error(`Invalid manifest configuration:\n${problems}`);
  }
  const file = parsed.data;
  const url = new URL(file.origin);
  // With the port, as Teams SSO compares the URI's host with the tab's domain (validDomains holds host[:port] too).
  const applicationIdUri = file.entra.applicationIdUri ?? `api://${url.host}/${file.entra.clientId}`;
  return Object.freeze({
    ...file,
    host: url.host,
    applicationIdUri,
    apiScope: `${applicationIdUri}/${API_SCOPE_NAME}`,
    naaRedirectUri: `brk-multihub://${url.host}`,
  });
}

/**
 * Reads manifest/config/<env>.json, applies the overrides and resolves it.
 * @param env - The environment to load.
 * @param overrides - Values given on the command line, which win over the file.
 * @returns The resolved configuration.
 * @throws Error when the file is missing, is not JSON, or is invalid once overridden.
 */
export function loadConfig(env: string, overrides: ConfigOverrides = {}): ManifestConfig {
  if (!(MANIFEST_ENVIRONMENTS as readonly string[]).includes(env)) {
    throw new Error(`Unknown environment "${env}"; expected one of ${MANIFEST_ENVIRONMENTS.join(", ")}`);
  }
  const path = join(CONFIG_DIR, `${env}.json`);
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (cause) {
    throw new Error(`Cannot read ${path}`, { cause });
  }
  const entra = { ...(raw.entra as Record<string, unknown> | undefined) };
  if (overrides.entraClientId !== undefined) entra.clientId = overrides.entraClientId;
  return resolveConfig({
    ...raw,
    ...(overrides.origin !== undefined && { origin: overrides.origin }),
    ...(overrides.sendMode !== undefined && { sendMode: overrides.sendMode }),
    entra,
  });
}
