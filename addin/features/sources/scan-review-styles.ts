// The scan review's own styles, shared by its reading and correction steps.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useScanReviewStyles = makeStyles({
  title: { overflowWrap: "anywhere" },
  hint: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  page: { minHeight: "140px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
