// Owns where the e2e screenshots go: a temporary folder under `npm test` (the tree stays clean), docs/screenshots under
// `npm run screenshots`.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { ROOT } from "./build";

/** The screenshots the README shows, committed. */
export const COMMITTED_SCREENSHOTS = join(ROOT, "docs", "screenshots");

/** Set by `npm run screenshots`: the run rewrites the committed images instead of checking fresh ones. */
export const isUpdatingScreenshots = process.env.UPDATE_SCREENSHOTS === "1";

/** Where this run writes its screenshots (.tmp is gitignored). */
export const SCREENSHOTS = isUpdatingScreenshots ? COMMITTED_SCREENSHOTS : join(ROOT, ".tmp", "screenshots");

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)], "a PNG file").toEqual(PNG_SIGNATURE);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Takes the screenshot `name` into SCREENSHOTS and checks it: a real, non-empty PNG, as wide as the committed one
 * (the layout width the README shows: 360 px for the pane, 1280 px for the committee). Heights follow the content
 * and change with the UI; `npm run screenshots` refreshes the committed images.
 */
export async function takeScreenshot(
  target: Page | Locator,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  const common = { path, animations: "disabled" as const, caret: "hide" as const };
  if ("goto" in target) await target.screenshot({ ...common, fullPage: options.fullPage ?? true });
  else await target.screenshot(common);
  const fresh = pngSize(readFileSync(path));
  expect(fresh.width).toBeGreaterThan(0);
  expect(fresh.height).toBeGreaterThan(0);
  const committed = join(COMMITTED_SCREENSHOTS, name);
  if (!isUpdatingScreenshots && existsSync(committed))
    expect(fresh.width, `${name} is as wide as docs/screenshots/${name}`).toBe(pngSize(readFileSync(committed)).width);
  return path;
}
