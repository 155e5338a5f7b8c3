// Owns the choice of database: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise; migrated on open.
import type { Db } from "./db";
import { migrate } from "./migrate";
import { openPglite } from "./pglite";
import { openPostgres } from "./pg";

/** Opens and migrates the store the configuration names. */
export async function openStore(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Db> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw new Error("Database migration failed", { cause: error });
  }
  return db;
}
