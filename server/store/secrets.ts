// Owns server-side secrets kept in the database (so every replica shares them and they survive restarts).
import { randomBytes } from "node:crypto";
import type { Db } from "./db";

/** Returns the secret `name`, creating a random 256-bit one on first use. */
export async function loadOrCreateSecret(db: Db, name: string): Promise<string> {
  await db.query("INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", [
    name,
    randomBytes(32).toString("hex"),
  ]);
  const [row] = await db.query<{ value: string }>("SELECT value FROM app_secrets WHERE name = $1", [name]);
  if (!row) throw new Error(`secret ${name} could not be created`);
  return row.value;
}
