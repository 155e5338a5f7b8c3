// Owns the "Proposer un usage" dialog: the adviser describes a new use and sends it to the committee (POST
// /api/feedback).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { ProposalFields } from "./ProposalFields";
import { useUseCase } from "./use-use-case";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
  },
  // Task panes are 320 px wide: the dialog takes the width it is given.
  surface: { maxWidth: "min(560px, calc(100vw - 24px))" },
});

/** Open state, and what to do when the adviser closes the dialog (Annuler, Fermer, Échap). */
export interface UseCaseDialogProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

/** Modal dialog with one field; says clearly whether the proposal went through, and keeps the text when it did not. */
export function UseCaseDialog({ isOpen, onClose }: UseCaseDialogProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const introId = useId();
  const state = useUseCase(onClose);
  return (
    <Dialog open={isOpen} onOpenChange={(_, data) => (data.open ? undefined : state.close())}>
      <DialogSurface className={styles.surface} aria-describedby={introId} data-testid="use-case-dialog">
        <DialogBody>
          <DialogTitle>{t("ui.usecase.title")}</DialogTitle>
          <DialogContent className={styles.content}>
            <p id={introId} className={styles.intro}>
              {t("ui.usecase.intro")}
            </p>
            {state.isSent ? (
              <MessageBar intent="success" layout="multiline" data-testid="use-case-sent">
                <MessageBarBody>{t("ui.usecase.sent")}</MessageBarBody>
              </MessageBar>
            ) : (
              <ProposalFields state={state} />
            )}
            {state.failure !== null ? (
              <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="use-case-error">
                <MessageBarBody>{t("ui.usecase.failed", { reason: state.failure })}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            {state.isSent ? (
              <Button appearance="primary" onClick={state.close} data-testid="use-case-close">
                {t("ui.usecase.close")}
              </Button>
            ) : (
              <>
                <Button
                  appearance="primary"
                  disabledFocusable={state.isSending || state.isTooLong}
                  onClick={state.send}
                  data-testid="use-case-send"
                >
                  {state.isSending ? t("ui.usecase.sending") : t("ui.usecase.send")}
                </Button>
                <Button onClick={state.close} data-testid="use-case-cancel">
                  {t("ui.usecase.cancel")}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
