// Owns the pre-prompt registry: every version of what the AI was told, per task and template, with its text, first
// use, state and the committee's actions.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { CommitteeClient, PrePromptVersion } from "../../api/committee";
import { useI18n } from "../../hooks/use-i18n";
import { variantLabel } from "../format";
import { DraftEditor } from "../governance/DraftEditor";
import { useRegistryStyles } from "./styles";
import { usePromptRegistry } from "./use-prompt-registry";
import { VersionArticle } from "./VersionArticle";

/**
 * One accordion item per task or template; a link to `#preprompt-…` (from a task card) opens its item and scrolls
 * to it.
 */
export function PrePromptRegistry({
  list: loaded,
  client,
}: {
  list: readonly PrePromptVersion[];
  client?: CommitteeClient;
}): ReactNode {
  const { t } = useI18n();
  const styles = useRegistryStyles();
  const { groups, openItems, onToggle, refresh } = usePromptRegistry(loaded, client);

  if (groups.length === 0) return <p className={styles.empty}>{t("committee.preprompts.empty")}</p>;

  return (
    <>
      <p className={styles.intro}>{t("committee.preprompts.intro")}</p>
      <Accordion
        multiple
        collapsible
        openItems={openItems}
        onToggle={onToggle}
        className={styles.accordion}
        data-testid="preprompt-registry"
      >
        {groups.map(([key, versions]) => (
          <AccordionItem key={key} value={key} className={styles.item} data-testid={`preprompt-group-${key}`}>
            <AccordionHeader as="h3" size="large" button={{ className: styles.headerButton }}>
              <span className={styles.header}>
                <span className={styles.headerName}>{variantLabel(key, t)}</span>
                <span className={styles.headerCount}>
                  {versions.length === 1
                    ? t("committee.preprompts.versions_one")
                    : t("committee.preprompts.versions_many", { count: versions.length })}
                </span>
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              {client && versions.some((v) => v.state === "active") ? (
                <DraftEditor
                  client={client}
                  active={versions.find((v) => v.state === "active") as PrePromptVersion}
                  onSaved={refresh}
                />
              ) : null}
              {versions.map((v, i) => (
                <VersionArticle
                  key={v.id}
                  variantKey={key}
                  version={v}
                  isNewest={i === 0}
                  active={versions.find((a) => a.state === "active")}
                  client={client}
                  onChanged={refresh}
                />
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </>
  );
}
