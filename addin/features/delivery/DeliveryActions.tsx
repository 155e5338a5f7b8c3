// Owns what happens to a saved text: write it into the item (by host), copy it, or download it as .docx.
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  ArrowReplyRegular,
  CalendarAddRegular,
  CopyRegular,
  MailEditRegular,
} from "@fluentui/react-icons";
import type { ReactElement, ReactNode } from "react";
import type { MessageKey } from "../../../src/i18n/core";
import type { WriteTarget } from "../../hosts/host-adapter";
import { useI18n } from "../../hooks/use-i18n";
import { useDelivery, type SavedText } from "./use-delivery";

const TARGETS: Record<WriteTarget, { label: MessageKey; done: MessageKey; icon: ReactElement }> = {
  insert: { label: "ui.deliver.insert", done: "ui.deliver.done_insert", icon: <MailEditRegular /> },
  reply: { label: "ui.deliver.reply", done: "ui.deliver.done_reply", icon: <ArrowReplyRegular /> },
  append: { label: "ui.deliver.append", done: "ui.deliver.done_append", icon: <CalendarAddRegular /> },
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  status: {
    margin: 0,
    minHeight: tokens.lineHeightBase200,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  ok: { color: tokens.colorStatusSuccessForeground1 },
  failed: { color: tokens.colorStatusDangerForeground1 },
});

/** The saved text and the host targets it can be written to. */
export interface DeliveryActionsProps {
  readonly targets: readonly WriteTarget[];
  readonly saved: SavedText;
}

/** The buttons after saving; the host's own targets first, then copy and download, which work everywhere. */
export function DeliveryActions({ targets, saved }: DeliveryActionsProps): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const { outcome, busy, write, copy, download } = useDelivery(saved);
  return (
    <section className={styles.root} aria-label={t("ui.deliver.title")} data-testid="deliver">
      <h3 className={styles.heading}>{t("ui.deliver.title")}</h3>
      <div className={styles.buttons}>
        {targets.map((target) => (
          <Button
            key={target}
            appearance="primary"
            icon={TARGETS[target].icon}
            disabledFocusable={busy !== null}
            onClick={() => write(target, TARGETS[target].done)}
            data-testid={`deliver-${target}`}
          >
            {t(TARGETS[target].label)}
          </Button>
        ))}
        <Button icon={<CopyRegular />} disabledFocusable={busy !== null} onClick={copy} data-testid="deliver-copy">
          {t("ui.deliver.copy")}
        </Button>
        <Button
          icon={<ArrowDownloadRegular />}
          disabledFocusable={busy !== null}
          onClick={download}
          data-testid="deliver-docx"
        >
          {t("ui.deliver.docx")}
        </Button>
      </div>
      <p
        role="status"
        className={mergeClasses(styles.status, outcome?.isOk === false ? styles.failed : styles.ok)}
        data-testid="deliver-status"
      >
        {outcome?.message ?? ""}
      </p>
    </section>
  );
}
