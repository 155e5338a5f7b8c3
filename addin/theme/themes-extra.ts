// Owns the themes loaded on demand (dark, high contrast, Teams).
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { HostKind, HostTheme } from "../hosts/host-adapter";

/** Picks the Fluent theme for a host and scheme; high contrast uses the Teams one everywhere (Fluent ships one). */
export function pickTheme(host: HostKind, scheme: HostTheme): Theme {
  if (scheme === "contrast") return teamsHighContrastTheme;
  if (host === "teams") return scheme === "dark" ? teamsDarkTheme : teamsLightTheme;
  return scheme === "dark" ? webDarkTheme : webLightTheme;
}
