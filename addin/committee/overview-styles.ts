// Owns the look of the trend across months: the section, the table (numbers, suppressed and zero cells) and the
// task swatches.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useOverviewStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0,
    "@media (max-width: 480px)": { padding: tokens.spacingHorizontalL },
  },
  caption: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    "& th, & td": {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& thead th": {
      textAlign: "left",
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground2,
      fontSize: tokens.fontSizeBase200,
      borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    },
    "& tbody th": { textAlign: "left", fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  suppressed: {
    color: tokens.colorNeutralForeground3,
    fontStyle: "italic",
    fontSize: tokens.fontSizeBase200,
    minWidth: "120px",
  },
  zero: { color: tokens.colorNeutralForeground3 },
  taskHead: { display: "inline-flex", alignItems: "baseline", gap: tokens.spacingHorizontalXS, minWidth: "110px" },
  swatch: {
    flexShrink: 0,
    display: "inline-block",
    width: "10px",
    height: "10px",
    borderRadius: "2px",
    forcedColorAdjust: "none",
  },
});
