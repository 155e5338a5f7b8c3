// Owns the draft editor: a plain textarea over a highlight layer that marks the figures to check, in place.
import { mergeClasses } from "@fluentui/react-components";
import { useLayoutEffect, useRef, type ReactNode } from "react";
import type { HighlightRange } from "../../lib/flags";
import { useDraftEditorStyles } from "./draft-editor-styles";
import { flagSegments, headingSegments, type TextSpan } from "./highlight-segments";

/** The draft text, its highlighted figures, and the labels that tie the editor to its heading and flags. */
export interface DraftEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly ranges: readonly HighlightRange[];
  readonly isReadOnly: boolean;
  readonly isStreaming: boolean;
  readonly labelledBy: string;
  readonly describedBy?: string | undefined;
  readonly placeholder: string;
  /** Told where the caret is (offset in the text) as the adviser moves it, e.g. to show the sentence's sources. */
  readonly onCaretChange?: (offset: number) => void;
  /** The section heading lines, marked under the text. */
  readonly headings?: readonly TextSpan[];
}

/** Editable draft with the flagged figures highlighted where they stand; follows the end of the text while streaming. */
export function DraftEditor(props: DraftEditorProps): ReactNode {
  const styles = useDraftEditorStyles();
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

  const onCaret = (event: { currentTarget: HTMLTextAreaElement }): void =>
    props.onCaretChange?.(event.currentTarget.selectionStart);

  return (
    <div className={mergeClasses(styles.frame, props.isReadOnly && styles.readOnly)}>
      <div className={mergeClasses(styles.text, styles.backdrop)} aria-hidden="true">
        <div ref={layer} style={{ position: "relative" }}>
          {props.headings && props.headings.length > 0 ? (
            <div className={styles.layer} data-testid="draft-headings">
              {headingSegments(props.value, props.headings, styles.heading)}
            </div>
          ) : null}
          <div style={{ position: "relative" }}>{flagSegments(props.value, props.ranges, styles.mark)}</div>
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
        onSelect={onCaret}
        onKeyUp={onCaret}
        onClick={onCaret}
        onFocus={onCaret}
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
