// Owns the card of the added source: what it is, the facts read from it, and its text to show, edit or remove.
import { Button, Field, Textarea } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronUpRegular, DeleteRegular } from "@fluentui/react-icons";
import { useId, type ReactNode } from "react";
import { InlineNotice } from "../../components/InlineNotice";
import { useI18n } from "../../hooks/use-i18n";
import type { WorkSource } from "../../lib/work-source";
import { describeSource, KIND_KEYS } from "./source-facts";
import { useSourceStyles } from "./source-styles";
import type { SourceImport } from "./use-source-import";

/** The source, where its edits go, and the panel's import state (text shown or not, removal). */
export interface SourceCardProps {
  readonly source: WorkSource;
  readonly onChange: (source: WorkSource) => void;
  readonly sources: Pick<SourceImport, "isOpen" | "toggleOpen" | "remove">;
  readonly isDisabled: boolean;
}

/** "Transcription Teams · réunion.vtt", its facts, a warning on pages read badly, then Afficher and Retirer. */
export function SourceCard({ source, onChange, sources, isDisabled }: SourceCardProps): ReactNode {
  const { t, locale } = useI18n();
  const styles = useSourceStyles();
  const textId = useId();
  const number = (n: number): string => n.toLocaleString(locale === "en" ? "en-GB" : "fr-FR");
  const { facts, warning } = describeSource(source, t, number);
  const { isOpen } = sources;

  return (
    <div className={styles.card} data-testid="source-card" data-kind={source.kind}>
      <p className={styles.title}>
        {t(KIND_KEYS[source.kind])}
        {source.name ? ` · ${source.name}` : ""}
      </p>
      {facts.map((fact) => (
        <p key={fact} className={styles.fact} data-testid="source-fact">
          {fact}
        </p>
      ))}
      {warning ? (
        <InlineNotice intent="warning" data-testid="source-warning">
          {warning}
        </InlineNotice>
      ) : null}
      <div className={styles.buttons}>
        <Button
          size="small"
          icon={isOpen ? <ChevronUpRegular /> : <ChevronDownRegular />}
          aria-expanded={isOpen}
          aria-controls={textId}
          onClick={sources.toggleOpen}
          data-testid="source-toggle"
        >
          {isOpen ? t("ui.source.hide") : t("ui.source.show")}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          icon={<DeleteRegular />}
          disabledFocusable={isDisabled}
          onClick={sources.remove}
          data-testid="source-remove"
        >
          {t("ui.source.remove")}
        </Button>
      </div>
      <div id={textId} hidden={!isOpen}>
        {isOpen ? (
          <Field label={t("ui.source.text_label")} size="small">
            <Textarea
              className={styles.text}
              resize="vertical"
              rows={8}
              value={source.text}
              disabled={isDisabled}
              onChange={(_, data) => onChange({ ...source, text: data.value })}
              data-testid="source-text"
            />
          </Field>
        ) : null}
      </div>
    </div>
  );
}
