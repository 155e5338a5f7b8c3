// Owns the facts shown about a generation, in plain words: who wrote it, what was masked, what it cost the planet.
import { makeStyles, tokens } from "@fluentui/react-components";
import { LeafOneRegular, ShieldCheckmarkRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import type { GenerationResponse } from "../../../src/schemas/generation";
import { footprintSentence } from "../../lib/footprint";
import { useI18n } from "../../hooks/use-i18n";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  icon: { flexShrink: 0, fontSize: "16px", color: tokens.colorNeutralForeground3 },
});

/** The number of personal data items masked, in a sentence that handles zero and one. */
export function maskedSentence(count: number, t: ReturnType<typeof useI18n>["t"]): string {
  if (count === 0) return t("ui.facts.masked_none");
  if (count === 1) return t("ui.facts.masked_one");
  return t("ui.facts.masked_many", { count });
}

/** Masked personal data and footprint (the provider is shown by the status line above the draft). */
export function GenerationFacts({ generation }: { generation: GenerationResponse }): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={t("ui.facts.label")} data-testid="facts">
      {/* Masking happens before text leaves the server: with the offline engine alone, nothing left it. */}
      {!generation.degraded || generation.pseudonymised > 0 ? (
        <li className={styles.item} data-testid="facts-masked">
          <ShieldCheckmarkRegular className={styles.icon} aria-hidden />
          <span>{maskedSentence(generation.pseudonymised, t)}</span>
        </li>
      ) : null}
      <li className={styles.item} data-testid="facts-footprint">
        <LeafOneRegular className={styles.icon} aria-hidden />
        <span>
          {generation.degraded ? t("ui.footprint.no_model") : footprintSentence(generation.footprint, locale)}
        </span>
      </li>
    </ul>
  );
}
