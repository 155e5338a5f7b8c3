// Owns the look shared by the review's boxed sections (figures to check, feedback, version history), so they stay
// alike.
import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * Classes of a boxed section: `root` (bordered column), `tinted` (added for a filled background) and `heading`
 * (its h3). Combine with a section's own classes through `mergeClasses`.
 */
export const usePanelCardStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tinted: { backgroundColor: tokens.colorNeutralBackground2 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});
