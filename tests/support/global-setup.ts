// Builds the front end once before any test project runs: the e2e, the manifest checks and the on-send bundle test read
// dist/.
import { ensureBuilt } from "../e2e/support/build";

/**
 * Vitest global setup: a no-op when dist/ is newer than its sources. `SKIP_FRONTEND_BUILD=1` skips it for a
 * targeted run of server or domain tests that never read dist/ (never set by `npm test` or CI).
 */
export default function setup(): void {
  if (process.env.SKIP_FRONTEND_BUILD === "1") return;
  ensureBuilt();
}
