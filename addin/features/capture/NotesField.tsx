// Owns the notes field: the adviser's notes, their length against the limit, and when they were last kept on the
// device.
import { Field, makeStyles, Textarea } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { MAX_NOTES_CHARS } from "../../../src/schemas/limits";
import { useI18n } from "../../hooks/use-i18n";
import type { AutosaveStatus } from "./use-autosave";

const useStyles = makeStyles({
  notes: { minHeight: "180px" },
  // The notes hint changes text at the first autosave ("Enregistrement automatique…" → "Enregistré … à 14:05"): one
  // line per part, never wrapped, so its height stays the same whatever it says and the draft below never moves.
  hintLine: { display: "block", whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
});

/** The notes, where edits go, and the autosave's last result. */
export interface NotesFieldProps {
  readonly notes: string;
  readonly onChange: (notes: string) => void;
  readonly autosave: AutosaveStatus;
}

/** The notes textarea with its two-line hint (saved at, count) and its error or autosave warning. */
export function NotesField({ notes, onChange, autosave }: NotesFieldProps): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const tag = locale === "en" ? "en-GB" : "fr-FR";
  const number = (n: number): string => n.toLocaleString(tag);
  const savedAt = autosave.savedAt
    ? t("ui.notes.saved_at", {
        time: new Date(autosave.savedAt).toLocaleTimeString(tag, { hour: "2-digit", minute: "2-digit" }),
      })
    : t("ui.notes.autosave");
  const hint = (
    <>
      <span className={styles.hintLine} data-testid="notes-saved">
        {savedAt}
      </span>
      <span className={styles.hintLine} data-testid="notes-count">
        {t("ui.notes.count", { count: number(notes.length), max: number(MAX_NOTES_CHARS) })}
      </span>
    </>
  );

  let message: string | undefined;
  let state: "error" | "warning" | "none" = "none";
  if (notes.length > MAX_NOTES_CHARS) {
    message = t("ui.notes.too_long", { max: number(MAX_NOTES_CHARS) });
    state = "error";
  } else if (autosave.hasFailed) {
    message = t("ui.notes.autosave_failed");
    state = "warning";
  }

  return (
    <Field label={t("ui.notes.label")} hint={hint} validationMessage={message} validationState={state}>
      <Textarea
        className={styles.notes}
        resize="vertical"
        rows={9}
        value={notes}
        placeholder={t("ui.notes.placeholder")}
        onChange={(_, data) => onChange(data.value)}
        data-testid="notes"
      />
    </Field>
  );
}
