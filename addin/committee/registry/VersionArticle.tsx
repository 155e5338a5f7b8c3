// Owns one pre-prompt version in the registry: its number and state, when it was first seen and used, who wrote it,
// its hash, its text, and the committee's actions on it.
import { Badge } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { CommitteeClient, PrePromptVersion } from "../../api/committee";
import { useI18n } from "../../hooks/use-i18n";
import { formatDateTime, prePromptAnchor, variantLabel } from "../format";
import { StateBadge } from "../governance/StateBadge";
import { VersionActions } from "../governance/VersionActions";
import { useRegistryStyles } from "./styles";

/** Version `v` of variant `variantKey`; without a state (older servers), the newest (`isNewest`) reads "current". */
export function VersionArticle({
  variantKey,
  version: v,
  isNewest,
  active,
  client,
  onChanged,
}: {
  variantKey: string;
  version: PrePromptVersion;
  isNewest: boolean;
  active: PrePromptVersion | undefined;
  client?: CommitteeClient;
  onChanged: () => void;
}): ReactNode {
  const { t, locale } = useI18n();
  const styles = useRegistryStyles();
  return (
    <article
      id={prePromptAnchor(v.id)}
      tabIndex={-1}
      className={styles.version}
      aria-label={`${variantLabel(variantKey, t)}, ${t("committee.preprompts.version", { version: v.version })}`}
      data-testid="preprompt-version"
    >
      <div className={styles.versionHead}>
        <h4 className={styles.versionTitle}>{t("committee.preprompts.version", { version: v.version })}</h4>
        {v.state ? (
          <StateBadge state={v.state} />
        ) : isNewest ? (
          <Badge appearance="tint" color="success" size="small">
            {t("committee.preprompts.current")}
          </Badge>
        ) : null}
        <span className={styles.id}>{v.id}</span>
      </div>
      <ul className={styles.meta}>
        <li>{t("committee.preprompts.first_seen", { date: formatDateTime(v.firstSeenAt, locale) })}</li>
        <li>
          {v.firstUsedAt
            ? t("committee.preprompts.first_used", { date: formatDateTime(v.firstUsedAt, locale) })
            : t("committee.preprompts.never_used")}
        </li>
        {v.state ? (
          <li>{v.author ? t("governance.ui.author", { name: v.author }) : t("governance.ui.seeded")}</li>
        ) : null}
        <li className={styles.sha} title={v.sha256}>
          {t("committee.preprompts.sha", { sha: `${v.sha256.slice(0, 12)}…` })}
        </li>
      </ul>
      <pre className={styles.text} tabIndex={0} data-testid="preprompt-text">
        {v.text}
      </pre>
      {client ? <VersionActions client={client} version={v} active={active} onChanged={onChanged} /> : null}
    </article>
  );
}
