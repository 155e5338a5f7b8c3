// Owns the pre-prompt editor's markup: the "new version" button, or the text, its diff and the save buttons.
import { Button, Field, MessageBar, MessageBarBody, Textarea } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { CommitteeClient, PrePromptVersion } from "../../api/committee";
import { useI18n } from "../../hooks/use-i18n";
import { PrePromptDiff } from "./PrePromptDiff";
import { useGovernanceStyles } from "./styles";
import { useDraftEditor } from "./use-draft-editor";

/** A new version of one task's or template's pre-prompt, started from the active text, with its diff as it is typed. */
export function DraftEditor({
  client,
  active,
  onSaved,
}: {
  client: CommitteeClient;
  active: PrePromptVersion;
  onSaved: () => void;
}): ReactNode {
  const { t } = useI18n();
  const styles = useGovernanceStyles();
  const editor = useDraftEditor(client, active, onSaved);
  if (!client.governance) return null;
  if (!editor.isOpen) {
    return (
      <div className={styles.row}>
        <Button appearance="secondary" onClick={editor.open} data-testid="preprompt-new-version">
          {t("governance.ui.new_version")}
        </Button>
      </div>
    );
  }
  return (
    <section className={styles.box} aria-label={t("governance.ui.editor_label")} data-testid="preprompt-editor">
      <Field label={t("governance.ui.text_label")} hint={t("governance.ui.text_hint", { id: active.id })}>
        <Textarea
          value={editor.text}
          onChange={(_, d) => editor.setText(d.value)}
          resize="vertical"
          textarea={{ className: styles.textarea }}
          data-testid="preprompt-editor-text"
        />
      </Field>
      <PrePromptDiff base={active.text} next={editor.text} />
      {editor.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{editor.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!editor.canSave}
          onClick={() => void editor.save()}
          data-testid="preprompt-save-draft"
        >
          {t("governance.ui.save_draft")}
        </Button>
        <Button appearance="subtle" onClick={editor.close}>
          {t("governance.ui.cancel")}
        </Button>
      </div>
    </section>
  );
}
