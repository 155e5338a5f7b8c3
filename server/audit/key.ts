// Owns the audit key: the HMAC key of audit events and checkpoints, which the database never holds (AUDIT_KEY,
// AUDIT_KEY_FILE, or in dev/embedded mode a key generated into DATA_DIR beside, not inside, the database).
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** Where the key came from, for the start-up log. */
export type AuditKeySource = "env" | "file" | "generated";

/**
 * The audit key from the configuration, or the one generated in `dataDir/audit.key` (created on first use).
 * @throws Error when AUDIT_KEY_FILE cannot be read or holds too short a key.
 */
export async function loadAuditKey(settings: {
  key?: string | undefined;
  keyFile?: string | undefined;
  dataDir: string;
}): Promise<{ key: Buffer; source: AuditKeySource; path?: string }> {
  if (settings.key) return { key: Buffer.from(settings.key, "utf8"), source: "env" };
  if (settings.keyFile) {
    const text = (await readFile(settings.keyFile, "utf8")).trim();
    if (text.length < 32) throw new Error(`AUDIT_KEY_FILE ${settings.keyFile} holds fewer than 32 characters`);
    return { key: Buffer.from(text, "utf8"), source: "file", path: settings.keyFile };
  }
  const path = join(settings.dataDir, "audit.key");
  try {
    return { key: Buffer.from((await readFile(path, "utf8")).trim(), "utf8"), source: "generated", path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString("hex");
  // "wx": two processes starting together never overwrite each other's key; the loser reads the winner's.
  await writeFile(path, `${key}\n`, { flag: "wx", mode: 0o600 }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return { key: Buffer.from((await readFile(path, "utf8")).trim(), "utf8"), source: "generated", path };
}
