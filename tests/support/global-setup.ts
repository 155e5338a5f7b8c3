// Builds the front end once before any test project runs: the e2e, the manifest checks and the on-send bundle test read dist/.
import { ensureBuilt } from "../e2e/support/build";

/** Vitest global setup: a no-op when dist/ is newer than its sources. */
export default function setup(): void {
  ensureBuilt();
}
