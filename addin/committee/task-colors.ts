// Owns the colour of each task in the committee's charts: Fluent tokens, so dark and high-contrast themes follow.
import { tokens } from "@fluentui/react-components";

const COLORS: Readonly<Record<string, string>> = {
  "interview-minutes": tokens.colorBrandBackground,
  "member-email": tokens.colorPaletteTealForeground2,
  "claim-summary": tokens.colorPalettePumpkinForeground2,
  "document-extraction": tokens.colorPalettePurpleForeground2,
};

/** The chart colour of `task`; a task the catalogue does not know is drawn in neutral grey. */
export function taskColor(task: string): string {
  return COLORS[task] ?? tokens.colorNeutralForeground3;
}
