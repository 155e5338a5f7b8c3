// Owns the mapping from host and colour scheme to a Fluent theme; only the web light theme ships in the first download.
import { webLightTheme, type Theme } from "@fluentui/react-components";
import type { HostKind, HostTheme } from "../hosts/host-adapter";

/** The theme painted before the host answers: most advisers work in light Outlook. */
export const initialTheme: Theme = webLightTheme;

/**
 * The theme for `scheme` in `host`: Teams themes inside Teams (light, dark, high contrast), web themes elsewhere.
 * Each theme object weighs several KB, so all but the initial one come in a separate chunk.
 */
export async function loadTheme(host: HostKind, scheme: HostTheme): Promise<Theme> {
  if (host !== "teams" && scheme === "light") return webLightTheme;
  const themes = await import(/* webpackChunkName: "themes" */ "./themes-extra");
  return themes.pickTheme(host, scheme);
}
