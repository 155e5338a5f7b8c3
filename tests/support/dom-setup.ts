// Adds Testing Library's DOM matchers, registers English as the pane does at boot, and cleans the DOM between component tests.
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
// The pane loads English on demand (addin/lib/catalogue.ts) before it renders in it; components tested alone get it here.
import "../../src/i18n";

afterEach(() => cleanup());
