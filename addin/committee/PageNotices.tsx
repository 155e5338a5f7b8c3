// Owns what the page says instead of its content: a failed source (with a retry), or access refused.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { LockClosedRegular, PersonLockRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useI18n } from "../hooks/use-i18n";
import { usePageStyles } from "./page-styles";
import type { Loadable } from "./use-committee-data";

/** Whatever a failed source says, with a retry that reloads the page's data. */
export function Failure({
  problem,
  onRetry,
}: {
  problem: Extract<Loadable<unknown>, { status: "error" }>["problem"];
  onRetry: () => void;
}): ReactNode {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" layout="multiline" data-testid="committee-error">
      <MessageBarBody>
        <MessageBarTitle>{t("committee.error.title")}</MessageBarTitle> {problem.detail}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onRetry}>
          {t("committee.retry")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** 403 and 401 answers: one calm explanation instead of the page. */
export function Denied({ kind }: { kind: "forbidden" | "unauthorized" }): ReactNode {
  const { t } = useI18n();
  const styles = usePageStyles();
  const Icon = kind === "forbidden" ? LockClosedRegular : PersonLockRegular;
  return (
    <div role="alert" className={styles.denied} data-testid={`committee-${kind}`}>
      <Icon className={styles.deniedIcon} aria-hidden />
      <div>
        <h2 className={styles.deniedTitle}>
          {t(kind === "forbidden" ? "committee.forbidden.title" : "committee.unauthorized.title")}
        </h2>
        <p className={styles.deniedBody}>
          {t(kind === "forbidden" ? "committee.forbidden.body" : "committee.unauthorized.body")}
        </p>
      </div>
    </div>
  );
}
