// Owns a real listening server for browser tests: the built front end and the API on a free port, embedded database.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../server/store/open";
import { buildTestApp, fakeProviderEnv } from "./test-app";

export interface TestServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the product as `npm start` would, with the fake provider when `llmBaseUrl` is given. */
export async function startTestServer(
  options: { llmBaseUrl?: string; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "greffier-e2e-"));
  const db = await openStore({ dataDir });
  const env = { ...(options.llmBaseUrl ? fakeProviderEnv(options.llmBaseUrl) : {}), ...options.env };
  const { app } = await buildTestApp({ db, env });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
