// Owns the committee's pre-prompt actions: a new version edited against the active one (diff), evaluation with progress, approval with reason, activation and rollback.
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { diffLines } from "diff";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { MessageKey } from "../../src/i18n";
import { hasProblem } from "../lib/errors";
import type { CommitteeClient, PrePromptEvaluation, PrePromptState, PrePromptVersion } from "../api/committee";
import { useI18n } from "../hooks/use-i18n";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  diff: {
    margin: 0,
    maxHeight: "320px",
    overflow: "auto",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  added: {
    display: "block",
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "none",
  },
  removed: {
    display: "block",
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorNeutralForeground1,
  },
  same: { display: "block", color: tokens.colorNeutralForeground3 },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      textAlign: "left",
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  worse: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  textarea: { minHeight: "220px" },
});

/** The scores shown, in reading order; `lowerIsBetter` ones are rates of faults. */
const METRICS: readonly { key: string; lowerIsBetter?: boolean }[] = [
  { key: "overall" },
  { key: "sections" },
  { key: "facts" },
  { key: "figures" },
  { key: "inventedFigureRate", lowerIsBetter: true },
  { key: "leakRate", lowerIsBetter: true },
  { key: "length" },
  { key: "french" },
  { key: "refusalRate", lowerIsBetter: true },
  { key: "tone" },
];

function problemText(error: unknown): string {
  return hasProblem(error) ? error.problem.detail || error.problem.title : String(error);
}

const STATE_COLOURS: Record<PrePromptState, "informative" | "warning" | "success" | "brand" | "subtle"> = {
  draft: "subtle",
  evaluated: "informative",
  approved: "brand",
  active: "success",
  retired: "warning",
};

/** The lifecycle state as a badge. */
export function StateBadge({ state }: { state: PrePromptState }): ReactNode {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={STATE_COLOURS[state]} size="small" data-testid="preprompt-state">
      {t(`governance.state.${state}`)}
    </Badge>
  );
}

/** The candidate's scores beside the active version's; a worse figure is marked in words, not only in colour. */
export function ScoresTable({
  candidate,
  active,
}: {
  candidate: Record<string, number>;
  active: Record<string, number> | null;
}): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label={t("governance.ui.scores_caption")} data-testid="preprompt-scores">
      <thead>
        <tr>
          <th scope="col">{t("governance.ui.metric")}</th>
          <th scope="col">{t("governance.ui.this_version")}</th>
          <th scope="col">{t("governance.ui.active_version")}</th>
        </tr>
      </thead>
      <tbody>
        {METRICS.filter((m) => candidate[m.key] !== undefined).map((m) => {
          const mine = candidate[m.key] ?? 0;
          const theirs = active?.[m.key];
          const worse = theirs !== undefined && (m.lowerIsBetter ? mine > theirs + 0.005 : mine < theirs - 0.005);
          return (
            <tr key={m.key} data-metric={m.key}>
              <th scope="row">{t(`governance.metric.${m.key}` as MessageKey)}</th>
              <td className={worse ? styles.worse : undefined}>
                {mine.toFixed(2)}
                {worse ? ` (${t("governance.ui.worse")})` : ""}
              </td>
              <td>{theirs === undefined ? "—" : theirs.toFixed(2)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Line diff of `next` against `base`, added and removed lines named for screen readers. */
export function PrePromptDiff({ base, next }: { base: string; next: string }): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const parts = useMemo(() => diffLines(base, next), [base, next]);
  return (
    <pre
      className={styles.diff}
      tabIndex={0}
      role="region"
      aria-label={t("governance.ui.diff_label")}
      data-testid="preprompt-diff"
    >
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className={styles.added}>
            {p.value
              .replace(/\n$/, "")
              .split("\n")
              .map((l) => `+ ${l}`)
              .join("\n")}
          </ins>
        ) : p.removed ? (
          <del key={i} className={styles.removed}>
            {p.value
              .replace(/\n$/, "")
              .split("\n")
              .map((l) => `− ${l}`)
              .join("\n")}
          </del>
        ) : (
          <span key={i} className={styles.same}>
            {p.value
              .replace(/\n$/, "")
              .split("\n")
              .map((l) => `  ${l}`)
              .join("\n")}
          </span>
        ),
      )}
    </pre>
  );
}

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
  const styles = useStyles();
  const [isOpen, setIsOpen] = useState(false);
  const [text, setText] = useState(active.text);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  if (!client.governance) return null;
  if (!isOpen) {
    return (
      <div className={styles.row}>
        <Button
          appearance="secondary"
          onClick={() => {
            setText(active.text);
            setIsOpen(true);
          }}
          data-testid="preprompt-new-version"
        >
          {t("governance.ui.new_version")}
        </Button>
      </div>
    );
  }
  const save = async (): Promise<void> => {
    setIsSaving(true);
    setError(null);
    try {
      await client.governance?.("POST", "/api/committee/preprompts", {
        task: active.task,
        ...(active.template ? { template: active.template } : {}),
        text,
        basedOn: active.id,
      });
      setIsOpen(false);
      onSaved();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <section className={styles.box} aria-label={t("governance.ui.editor_label")} data-testid="preprompt-editor">
      <Field label={t("governance.ui.text_label")} hint={t("governance.ui.text_hint", { id: active.id })}>
        <Textarea
          value={text}
          onChange={(_, d) => setText(d.value)}
          resize="vertical"
          textarea={{ className: styles.textarea }}
          data-testid="preprompt-editor-text"
        />
      </Field>
      <PrePromptDiff base={active.text} next={text} />
      {error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={isSaving || text.trim() === "" || text.trim() === active.text.trim()}
          onClick={() => void save()}
          data-testid="preprompt-save-draft"
        >
          {t("governance.ui.save_draft")}
        </Button>
        <Button appearance="subtle" onClick={() => setIsOpen(false)}>
          {t("governance.ui.cancel")}
        </Button>
      </div>
    </section>
  );
}

/** The actions a version's state allows: evaluate (draft, evaluated), approve (evaluated, not one's own), activate (approved, or retired: rollback). */
export function VersionActions({
  client,
  version,
  active,
  onChanged,
}: {
  client: CommitteeClient;
  version: PrePromptVersion;
  active: PrePromptVersion | undefined;
  onChanged: () => void;
}): ReactNode {
  const { t } = useI18n();
  const styles = useStyles();
  const [running, setRunning] = useState<PrePromptEvaluation | null>(
    version.evaluation?.status === "running" ? version.evaluation : null,
  );
  const [error, setError] = useState<string | null>(null);
  const [isApproving, setIsApproving] = useState(false);
  const [reason, setReason] = useState("");
  const [justification, setJustification] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const governance = client.governance;
  if (!governance || !version.state) return null;

  const poll = (evaluation: PrePromptEvaluation): void => {
    setRunning(evaluation);
    if (evaluation.status !== "running") {
      setRunning(null);
      if (evaluation.status === "failed") setError(t("governance.ui.evaluation_failed"));
      onChanged();
      return;
    }
    timer.current = setTimeout(() => {
      governance(
        "GET",
        `/api/committee/preprompts/${encodeURIComponent(version.id)}/evaluations/${evaluation.id}`,
      ).then(
        (r) => poll(r.body as PrePromptEvaluation),
        (e: unknown) => {
          setRunning(null);
          setError(problemText(e));
        },
      );
    }, 400);
  };
  const evaluate = async (): Promise<void> => {
    setError(null);
    try {
      const r = await governance(
        "POST",
        `/api/committee/preprompts/${encodeURIComponent(version.id)}/evaluations?wait=0`,
      );
      poll(r.body as PrePromptEvaluation);
    } catch (e) {
      setError(problemText(e));
    }
  };
  const act = async (path: string, body?: unknown): Promise<void> => {
    setIsBusy(true);
    setError(null);
    try {
      await governance("POST", `/api/committee/preprompts/${encodeURIComponent(version.id)}/${path}`, body);
      setIsApproving(false);
      onChanged();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setIsBusy(false);
    }
  };

  const scores = version.evaluation?.status === "done" ? version.evaluation.scores : null;
  const activeScores =
    active && active.id !== version.id && active.evaluation?.status === "done" ? active.evaluation.scores : null;
  const isWorse =
    scores !== null && activeScores !== null && (scores.overall ?? 0) < (activeScores.overall ?? 0) - 0.005;
  const canEvaluate = version.state === "draft" || version.state === "evaluated";
  const canApprove = version.state === "evaluated";
  const canActivate =
    version.state === "approved" ||
    (version.state === "retired" && (version.approvedBy !== undefined || (version.activatedAt ?? null) !== null));

  return (
    <div className={styles.box} data-testid="preprompt-actions">
      {scores ? <ScoresTable candidate={scores} active={activeScores} /> : null}
      {running ? (
        <Field
          label={t("governance.ui.evaluating", { done: running.done, total: running.total })}
          validationState="none"
        >
          <ProgressBar value={running.total > 0 ? running.done / running.total : 0} data-testid="preprompt-progress" />
        </Field>
      ) : null}
      {version.approvedBy ? (
        <p>{t("governance.ui.approved_by", { name: version.approvedBy, reason: version.approvalReason ?? "" })}</p>
      ) : null}
      {error ? (
        <MessageBar intent="error" data-testid="preprompt-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {isApproving ? (
        <section className={styles.box} aria-label={t("governance.ui.approve_label")}>
          <Field label={t("governance.ui.reason_label")} required>
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} data-testid="preprompt-reason" />
          </Field>
          {isWorse ? (
            <Field label={t("governance.ui.justification_label")} hint={t("governance.ui.justification_hint")} required>
              <Textarea
                value={justification}
                onChange={(_, d) => setJustification(d.value)}
                data-testid="preprompt-justification"
              />
            </Field>
          ) : null}
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={isBusy || reason.trim() === "" || (isWorse && justification.trim() === "")}
              onClick={() => void act("approve", { reason, ...(isWorse ? { justification } : {}) })}
              data-testid="preprompt-confirm-approve"
            >
              {t("governance.ui.confirm_approve")}
            </Button>
            <Button appearance="subtle" onClick={() => setIsApproving(false)}>
              {t("governance.ui.cancel")}
            </Button>
          </div>
        </section>
      ) : null}
      <div className={styles.row}>
        {canEvaluate ? (
          <Button
            appearance="secondary"
            disabled={running !== null}
            onClick={() => void evaluate()}
            data-testid="preprompt-evaluate"
          >
            {t("governance.ui.evaluate")}
          </Button>
        ) : null}
        {canApprove && !isApproving ? (
          <Button
            appearance="secondary"
            disabled={version.isMine === true}
            onClick={() => setIsApproving(true)}
            data-testid="preprompt-approve"
          >
            {t("governance.ui.approve")}
          </Button>
        ) : null}
        {canApprove && version.isMine ? <span>{t("governance.ui.own_version")}</span> : null}
        {canActivate ? (
          <Button
            appearance="primary"
            disabled={isBusy}
            onClick={() => void act("activate")}
            data-testid="preprompt-activate"
          >
            {version.state === "retired" ? t("governance.ui.rollback") : t("governance.ui.activate")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
