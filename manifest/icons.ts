// Owns the icons: a "G" monogram drawn procedurally at every size Office and Teams ask for, and their files.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { APP_PACKAGE_ICONS, OFFICE_ICON_SIZES, officeIconFile } from "./pages";
import { encodePng, type RgbaImage } from "./png";

/** Brand red of the icons and of the manifest's accentColor (MAIF-like). */
export const BRAND_COLOR = "#C8102E";

/**
 * How an icon is drawn.
 * - `tile`: white G on a red rounded square (Office ribbon and store icons).
 * - `full`: white G on a full red square, inside Teams' safe zone (Teams colour icon; Teams rounds the corners itself).
 * - `outline`: white G on transparent (Teams outline icon: only white and transparent pixels are accepted).
 */
export type IconStyle = "tile" | "full" | "outline";

const WHITE = [255, 255, 255] as const;

function hexToRgb(hex: string): readonly [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Whether a point of the glyph box lies inside the G. Coordinates are in [-1, 1], y pointing up.
 * A ring open on the upper right, plus the crossbar that runs in from the right edge.
 */
function isInGlyph(u: number, v: number): boolean {
  const r = Math.hypot(u, v);
  const angleDeg = (Math.atan2(v, u) * 180) / Math.PI;
  const isInRing = r <= 1 && r >= 0.56 && !(angleDeg > 0 && angleDeg < 48);
  const isInBar = u >= 0.06 && u <= 0.98 && v <= 0.02 && v >= -0.3 && r <= 1;
  return isInRing || isInBar;
}

function isInRoundedSquare(x: number, y: number, radius: number): boolean {
  const dx = Math.max(radius - x, x - (1 - radius), 0);
  const dy = Math.max(radius - y, y - (1 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

/**
 * Draws the monogram at one size, anti-aliased by supersampling.
 * @param size - Edge of the square image, in pixels.
 * @param style - Background and colour scheme.
 * @returns The RGBA pixels.
 */
export function renderIcon(size: number, style: IconStyle): RgbaImage {
  const brand = hexToRgb(BRAND_COLOR);
  // The glyph's share of the edge: Teams asks for a ~120/192 safe zone on the colour icon.
  const glyphScale = style === "full" ? 0.56 : style === "outline" ? 0.9 : 0.66;
  const samples = size <= 32 ? 8 : 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const isGlyph = isInGlyph(((x - 0.5) * 2) / glyphScale, ((0.5 - y) * 2) / glyphScale);
          const isBackground = style === "full" || (style === "tile" && isInRoundedSquare(x, y, 0.2));
          const colour = isGlyph ? WHITE : isBackground ? brand : undefined;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      // Colours are averaged over covered samples only (no dark fringe); alpha carries the coverage.
      rgba[i] = a ? Math.round(r / a) : 255;
      rgba[i + 1] = a ? Math.round(g / a) : 255;
      rgba[i + 2] = a ? Math.round(b / a) : 255;
      rgba[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return { width: size, height: size, rgba };
}

/** One icon file: its name and how to draw it. */
export interface IconSpec {
  readonly file: string;
  readonly size: number;
  readonly style: IconStyle;
}

/** Every icon the manifests and the app package use. */
export const ICON_SPECS: readonly IconSpec[] = [
  ...OFFICE_ICON_SIZES.map((size) => ({ file: officeIconFile(size), size, style: "tile" as const })),
  { file: APP_PACKAGE_ICONS.color.file, size: APP_PACKAGE_ICONS.color.size, style: "full" },
  { file: APP_PACKAGE_ICONS.outline.file, size: APP_PACKAGE_ICONS.outline.size, style: "outline" },
];

/**
 * Writes every icon as a PNG file into a folder.
 * @param dir - Destination folder, created when missing.
 * @returns The paths written.
 * @throws Error from the file system when the folder cannot be written.
 */
export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SPECS.map((spec) => {
    const path = join(dir, spec.file);
    writeFileSync(path, encodePng(renderIcon(spec.size, spec.style)));
    return path;
  });
}
