// Owns the line diff of a pre-prompt being edited against the active text.
import { diffLines } from "diff";
import { useMemo, type ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { useGovernanceStyles } from "./styles";

/** The lines of one diff part, each after its mark (the last newline is the part's end, not an empty line). */
function marked(value: string, mark: string): string {
  return value
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => `${mark} ${l}`)
    .join("\n");
}

/** Line diff of `next` against `base`, added and removed lines named for screen readers. */
export function PrePromptDiff({ base, next }: { base: string; next: string }): ReactNode {
  const { t } = useI18n();
  const styles = useGovernanceStyles();
  const parts = useMemo(() => diffLines(base, next), [base, next]);
  return (
    <pre
      className={styles.diff}
      tabIndex={0}
      role="region"
      aria-label={t("governance.ui.diff_label")}
      data-testid="preprompt-diff"
    >
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className={styles.added}>
            {marked(p.value, "+")}
          </ins>
        ) : p.removed ? (
          <del key={i} className={styles.removed}>
            {marked(p.value, "−")}
          </del>
        ) : (
          <span key={i} className={styles.same}>
            {marked(p.value, " ")}
          </span>
        ),
      )}
    </pre>
  );
}
