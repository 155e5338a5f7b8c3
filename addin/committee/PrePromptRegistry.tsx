// Owns the pre-prompt registry: every version of what the AI was told, per task and template, with its text, first use, state and the committee's actions.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  tokens,
  type AccordionToggleEventHandler,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { TASK_IDS, TEMPLATE_IDS } from "../../src/tasks/catalogue";
import type { CommitteeClient, PrePromptVersion } from "../api/committee";
import { DraftEditor } from "./governance/DraftEditor";
import { StateBadge } from "./governance/StateBadge";
import { VersionActions } from "./governance/VersionActions";
import { useI18n } from "../hooks/use-i18n";
import { formatDateTime, prePromptAnchor, variantLabel } from "./format";

const useStyles = makeStyles({
  intro: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    maxWidth: "72ch",
  },
  accordion: {
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    overflow: "hidden",
  },
  item: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":last-child": { borderBottom: "none" },
  },
  headerButton: {
    height: "auto",
    minHeight: "44px",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    textAlign: "left",
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  headerName: { fontWeight: tokens.fontWeightSemibold },
  headerCount: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
  },
  version: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    scrollMarginTop: "16px",
    outlineStyle: "none",
  },
  versionHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  versionTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  id: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  meta: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  sha: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  text: {
    margin: 0,
    maxHeight: "420px",
    overflow: "auto",
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // Read by people, not machines: the body font, with the text's own line breaks kept.
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase400,
    maxWidth: "100ch",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground1,
  },
  empty: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/** Catalogue order: each task, then its templates; keys the catalogue does not know (retired ones) come last. */
function order(key: string): number {
  const [task = key, template] = key.split(".");
  const taskIndex = (TASK_IDS as readonly string[]).indexOf(task);
  const templateIndex = template ? (TEMPLATE_IDS as readonly string[]).indexOf(template) + 1 : 0;
  return (taskIndex < 0 ? TASK_IDS.length : taskIndex) * 100 + templateIndex;
}

/** The variant key of a version: `key` from the server, or the older shape where `task` held it. */
function keyOfVersion(p: PrePromptVersion): string {
  return p.key ?? (p.template ? `${p.task}.${p.template}` : p.task);
}

/** Versions grouped by task or template, newest version first. */
export function groupPrePrompts(list: readonly PrePromptVersion[]): [string, PrePromptVersion[]][] {
  const groups = new Map<string, PrePromptVersion[]>();
  for (const p of list) {
    const key = keyOfVersion(p);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .map(([key, versions]): [string, PrePromptVersion[]] => [key, [...versions].sort((a, b) => b.version - a.version)])
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
}

/** One accordion item per task or template; a link to `#preprompt-…` (from a task card) opens its item and scrolls to it. */
export function PrePromptRegistry({
  list: loaded,
  client,
}: {
  list: readonly PrePromptVersion[];
  client?: CommitteeClient;
}): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  // Actions refresh the list here, so open panels stay open while the rest of the page keeps its data.
  const [list, setList] = useState(loaded);
  useEffect(() => setList(loaded), [loaded]);
  const refresh = (): void => {
    client?.prePrompts().then(setList, () => undefined);
  };
  const groups = useMemo(() => groupPrePrompts(list), [list]);
  const [openItems, setOpenItems] = useState<string[]>([]);
  const [target, setTarget] = useState<string | null>(null);

  useEffect(() => {
    const follow = (): void => {
      const hash = decodeURIComponent(window.location.hash.slice(1));
      const group = groups.find(([, versions]) => versions.some((v) => prePromptAnchor(v.id) === hash));
      if (!group) return;
      setOpenItems((open) => (open.includes(group[0]) ? open : [...open, group[0]]));
      setTarget(hash);
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [groups]);

  useEffect(() => {
    // Once the panel is rendered (its opening is animated, so it may take a frame or two), bring the version into
    // view and give it the focus, so reading continues there.
    if (!target) return undefined;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reach = (): void => {
      const element = document.getElementById(target);
      if (element) {
        element.scrollIntoView?.({ block: "start" });
        element.focus({ preventScroll: true });
        setTarget(null);
      } else if (++tries < 20) {
        timer = setTimeout(reach, 25);
      }
    };
    reach();
    return () => clearTimeout(timer);
  }, [target, openItems]);

  const onToggle: AccordionToggleEventHandler<string> = (_, data) => setOpenItems(data.openItems);

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
                <article
                  key={v.id}
                  id={prePromptAnchor(v.id)}
                  tabIndex={-1}
                  className={styles.version}
                  aria-label={`${variantLabel(key, t)}, ${t("committee.preprompts.version", { version: v.version })}`}
                  data-testid="preprompt-version"
                >
                  <div className={styles.versionHead}>
                    <h4 className={styles.versionTitle}>{t("committee.preprompts.version", { version: v.version })}</h4>
                    {v.state ? (
                      <StateBadge state={v.state} />
                    ) : i === 0 ? (
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
                  {client ? (
                    <VersionActions
                      client={client}
                      version={v}
                      active={versions.find((a) => a.state === "active")}
                      onChanged={refresh}
                    />
                  ) : null}
                </article>
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </>
  );
}
