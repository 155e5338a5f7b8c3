// Owns the draft editor: a plain textarea over a highlight layer that marks the figures to check, in place.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useLayoutEffect, useRef, type ReactNode } from "react";
import type { HighlightRange } from "../lib/flags";

const useStyles = makeStyles({
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

/** The draft text, its highlighted figures, and the labels that tie the editor to its heading and flags. */
export interface DraftEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly ranges: readonly HighlightRange[];
  readonly isReadOnly: boolean;
  readonly isStreaming: boolean;
  readonly labelledBy: string;
  readonly describedBy?: string;
  readonly placeholder: string;
  /** Told where the caret is (offset in the text) as the adviser moves it, e.g. to show the sentence's sources. */
  readonly onCaretChange?: (offset: number) => void;
  /** The section heading lines, marked under the text. */
  readonly headings?: readonly { readonly start: number; readonly end: number }[];
}

function headingSegments(value: string, headings: readonly { start: number; end: number }[], className: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const h of headings) {
    if (h.start < at || h.end > value.length) continue;
    out.push(value.slice(at, h.start));
    out.push(
      <span key={h.start} className={className} data-heading>
        {value.slice(h.start, h.end)}
      </span>,
    );
    at = h.end;
  }
  out.push(`${value.slice(at)} `);
  return out;
}

function segments(value: string, ranges: readonly HighlightRange[], markClass: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at || r.end > value.length) continue;
    out.push(value.slice(at, r.start));
    out.push(
      <mark key={`${r.start}-${r.flagId}`} className={markClass} data-flag={r.flagId}>
        {value.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  }
  // The trailing space keeps a final empty line as tall in the backdrop as in the textarea.
  out.push(`${value.slice(at)} `);
  return out;
}

/** Editable draft with the flagged figures highlighted where they stand; follows the end of the text while streaming. */
export function DraftEditor(props: DraftEditorProps): ReactNode {
  const styles = useStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const isFollowing = useRef(true);

  const sync = (): void => {
    const el = area.current;
    if (el && layer.current) layer.current.style.transform = `translateY(${-el.scrollTop}px)`;
  };

  useLayoutEffect(() => {
    const el = area.current;
    if (el && props.isStreaming && isFollowing.current) el.scrollTop = el.scrollHeight;
    sync();
  }, [props.value, props.isStreaming]);

  return (
    <div className={mergeClasses(styles.frame, props.isReadOnly && styles.readOnly)}>
      <div className={mergeClasses(styles.text, styles.backdrop)} aria-hidden="true">
        <div ref={layer} style={{ position: "relative" }}>
          {props.headings && props.headings.length > 0 ? (
            <div className={styles.layer} data-testid="draft-headings">
              {headingSegments(props.value, props.headings, styles.heading)}
            </div>
          ) : null}
          <div style={{ position: "relative" }}>{segments(props.value, props.ranges, styles.mark)}</div>
        </div>
      </div>
      <textarea
        ref={area}
        className={mergeClasses(styles.text, styles.textarea)}
        value={props.value}
        readOnly={props.isReadOnly}
        aria-readonly={props.isReadOnly}
        aria-busy={props.isStreaming}
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        placeholder={props.placeholder}
        spellCheck
        onChange={(event) => props.onChange(event.target.value)}
        // onSelect alone misses collapsed caret moves in some Chromium versions: keys and clicks report them too.
        onSelect={(event) => props.onCaretChange?.(event.currentTarget.selectionStart)}
        onKeyUp={(event) => props.onCaretChange?.(event.currentTarget.selectionStart)}
        onClick={(event) => props.onCaretChange?.(event.currentTarget.selectionStart)}
        onFocus={(event) => props.onCaretChange?.(event.currentTarget.selectionStart)}
        onScroll={(event) => {
          const el = event.currentTarget;
          // Reading back up during the stream stops the auto-follow; returning to the end resumes it.
          isFollowing.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          sync();
        }}
        data-testid="draft"
      />
    </div>
  );
}
