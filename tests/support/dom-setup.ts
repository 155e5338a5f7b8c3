// Adds Testing Library's DOM matchers, loads what the pane loads after boot (English, answer schemas), and cleans the
// DOM between component tests.
import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
// The pane loads English on demand (addin/lib/catalogue.ts) before it renders in it; components tested alone get it
// here.
import "../../src/i18n";
// Likewise the answer schemas, which the pane prefetches after its first paint (addin/api/contract.ts).
import "../../addin/api/contract";

afterEach(() => cleanup());

// findBy/waitFor give up after 1 s by default: a lazy chunk imported on a loaded 2-core runner can take longer, and a
// wait that times out there says nothing about the pane. A missing element still fails, only later.
configure({ asyncUtilTimeout: 5_000 });
