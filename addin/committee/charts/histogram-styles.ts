// Owns the look of the AI-share histogram: the figure, the bars and their labels, and the data table.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useHistogramStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  caption: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  box: { width: "100%" },
  // Until the observer reports a narrower box (a frame after a resize), the drawing scales down instead of overflowing.
  svg: { display: "block", overflow: "visible", maxWidth: "100%" },
  bar: { fill: tokens.colorBrandBackground },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  axis: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground3, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  value: {
    fill: tokens.colorNeutralForeground1,
    fontSize: "11px",
    fontWeight: tokens.fontWeightSemibold,
    fontFamily: tokens.fontFamilyBase,
  },
  axisTitle: {
    margin: 0,
    textAlign: "center",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  summary: { cursor: "pointer", color: tokens.colorBrandForegroundLink, width: "fit-content" },
  table: {
    borderCollapse: "collapse",
    marginTop: tokens.spacingVerticalXS,
    "& th, & td": { textAlign: "left", padding: `2px ${tokens.spacingHorizontalM} 2px 0` },
    "& td": { textAlign: "right" },
  },
  empty: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  tableCaption: { textAlign: "left", color: tokens.colorNeutralForeground3 },
});
