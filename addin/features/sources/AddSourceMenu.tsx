// Owns the "Ajouter une source" disclosure: one button per way of adding a source the host allows.
import { Button } from "@fluentui/react-components";
import {
  AddRegular,
  CalendarLtrRegular,
  CameraRegular,
  DocumentRegular,
  MailRegular,
  MicRegular,
  PersonVoiceRegular,
} from "@fluentui/react-icons";
import { useId, type ReactElement, type ReactNode } from "react";
import { useI18n } from "../../hooks/use-i18n";
import { useSourceStyles } from "./source-styles";
import type { SourceImport } from "./use-source-import";

/** The panel's import state; `onUseThread` offers the Outlook thread again once the adviser removed it. */
export interface AddSourceMenuProps {
  readonly sources: SourceImport;
  readonly onUseThread?: (() => void) | undefined;
  readonly isDisabled: boolean;
}

/** A hint, the add button, and the options it opens; file buttons open the panel's hidden file inputs. */
export function AddSourceMenu({ sources, onUseThread, isDisabled }: AddSourceMenuProps): ReactNode {
  const { t } = useI18n();
  const styles = useSourceStyles();
  const optionsId = useId();
  const { isAdding, isBusy, inputs } = sources;
  const option = (testId: string, icon: ReactElement, label: string, onClick: () => void): ReactNode => (
    <Button className={styles.option} icon={icon} disabledFocusable={isBusy} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );

  return (
    <>
      <p className={styles.hint}>{t("ui.source.add_hint")}</p>
      <div>
        <Button
          ref={sources.addButton}
          icon={<AddRegular />}
          aria-expanded={isAdding}
          aria-controls={optionsId}
          disabledFocusable={isDisabled}
          onClick={sources.toggleAdding}
          data-testid="source-add"
        >
          {t("ui.source.add")}
        </Button>
      </div>
      <div id={optionsId} hidden={!isAdding} className={styles.options} role="group" aria-label={t("ui.source.add")}>
        {isAdding ? (
          <>
            {option("source-add-vtt", <PersonVoiceRegular />, t("ui.source.add_transcript"), () =>
              inputs.vtt.current?.click(),
            )}
            {option("source-add-document", <DocumentRegular />, t("ui.source.add_document"), () =>
              inputs.document.current?.click(),
            )}
            {option("source-add-scan", <CameraRegular />, t("ui.ocr.add"), () => inputs.scan.current?.click())}
            {option("source-add-voice", <MicRegular />, t("ui.voice.open"), sources.openVoice)}
            {sources.addMeeting
              ? option("source-add-meeting", <CalendarLtrRegular />, t("ui.source.add_meeting"), sources.addMeeting)
              : null}
            {onUseThread ? option("source-add-thread", <MailRegular />, t("ui.source.add_thread"), onUseThread) : null}
          </>
        ) : null}
      </div>
    </>
  );
}
