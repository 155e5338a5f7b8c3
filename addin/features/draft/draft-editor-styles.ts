// Owns the draft editor's look: a textarea and the highlight backdrop under it, which must lay text out identically.
import { makeStyles, tokens } from "@fluentui/react-components";

export const useDraftEditorStyles = makeStyles({
  frame: {
    position: "relative",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-within": {
      borderBottomColor: tokens.colorCompoundBrandStroke,
      boxShadow: `inset 0 -1px 0 0 ${tokens.colorCompoundBrandStroke}`,
    },
  },
  readOnly: { backgroundColor: tokens.colorNeutralBackground2 },
  // Backdrop and textarea must lay text out identically, character for character.
  text: {
    boxSizing: "border-box",
    margin: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    letterSpacing: "normal",
    whiteSpace: "pre-wrap",
    overflowWrap: "break-word",
    wordBreak: "normal",
    tabSize: 4,
    scrollbarGutter: "stable",
  },
  backdrop: {
    position: "absolute",
    inset: 0,
    overflow: "hidden",
    color: "transparent",
    pointerEvents: "none",
    forcedColorAdjust: "none",
  },
  textarea: {
    position: "relative",
    display: "block",
    width: "100%",
    // A fixed height from the first token on: the pane does not grow while the draft streams in.
    height: "340px",
    minHeight: "160px",
    resize: "vertical",
    overflowY: "auto",
    border: "none",
    outlineStyle: "none",
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    "::placeholder": { color: tokens.colorNeutralForeground4 },
  },
  // Section headings: a band under the line, so the plain text reads as a document with sections.
  heading: {
    color: "transparent",
    boxShadow: `inset 0 -0.45em 0 ${tokens.colorBrandBackground2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  layer: { position: "absolute", inset: 0 },
  mark: {
    color: "transparent",
    backgroundColor: tokens.colorPaletteYellowBackground2,
    borderRadius: tokens.borderRadiusSmall,
    boxShadow: `0 0 0 1px ${tokens.colorPaletteYellowBorder2}`,
  },
});
