// Owns the confirmation after saving: the text is recorded, and the transparency notice the server decided.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";
import type { MessageKey } from "../../../src/i18n/core";
import type { Transparency } from "../../../src/schemas/minutes";
import type { TaskId } from "../../../src/tasks/catalogue";
import { useI18n } from "../../hooks/use-i18n";

const TITLES: Record<TaskId, MessageKey> = {
  "interview-minutes": "ui.saved.title.interview-minutes",
  "member-email": "ui.saved.title.member-email",
  "claim-summary": "ui.saved.title.claim-summary",
  "document-extraction": "ui.saved.title.document-extraction",
};

const useStyles = makeStyles({
  focus: {
    outlineStyle: "none",
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  label: { display: "block", marginTop: tokens.spacingVerticalXS },
  notice: { display: "block", marginTop: tokens.spacingVerticalXS, fontStyle: "italic" },
});

/** Success message that takes the focus (so a screen reader reads it) and states the transparency outcome. */
export function SaveConfirmation({ task, transparency }: { task: TaskId; transparency: Transparency }): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className={styles.focus} data-testid="confirmation">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(TITLES[task])}</MessageBarTitle>
          {transparency.label ? (
            <>
              <span className={styles.label}>{t("ui.saved.notice_intro")}</span>
              <q className={styles.notice} data-testid="transparency-label">
                {transparency.label}
              </q>
            </>
          ) : (
            <span className={styles.label} data-testid="transparency-none">
              {t("ui.saved.no_notice")}
            </span>
          )}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
