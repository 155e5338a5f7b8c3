// Owns the review of commitments beside saved minutes: confirm, edit or drop each; confirmed ones become Outlook tasks
// (Graph To Do) or follow-up appointments, and the member's ones a follow-up e-mail validated as any draft.
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import type { Commitment, CommitmentOwner } from "../../../src/schemas/commitments";
import type { Transparency } from "../../../src/schemas/minutes";
import { newIdempotencyKey } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useHost } from "../../hooks/use-host";
import { useI18n } from "../../hooks/use-i18n";
import { followUpNotes } from "./followup";
import { graphTokens } from "./graph-access";
import { AddinError } from "../../lib/errors";
import { createTodoTasks, GRAPH_TODO_SCOPES } from "./graph-todo";

type RowState = "proposed" | "confirmed" | "dropped";
interface Row {
  readonly key: number;
  readonly commitment: Commitment;
  readonly state: RowState;
}
type FollowUp =
  | { kind: "none" }
  | { kind: "drafting" }
  | { kind: "review"; generationId: string; prePromptId: string; text: string; isValidated: boolean }
  | { kind: "saved"; text: string; transparency: Transparency };

const OWNERS: readonly CommitmentOwner[] = ["conseiller", "sociétaire", "tiers"];

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalM,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  dropped: { opacity: 0.6 },
  inline: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  notice: { fontStyle: "italic" },
});

/** A follow-up at 9:00 on the due date (the next working morning when there is none), for 30 minutes. */
function appointmentTimes(dueDate: string | null): { start: Date; end: Date } {
  const start = dueDate ? new Date(`${dueDate}T09:00:00`) : new Date(Date.now() + 24 * 3600 * 1000);
  if (!dueDate) start.setHours(9, 0, 0, 0);
  return { start, end: new Date(start.getTime() + 30 * 60 * 1000) };
}

/** The review of the commitments read from the saved minutes `minutesId`. */
export function CommitmentsReview({
  minutesId,
  memberId,
}: {
  minutesId: string;
  memberId?: string | null | undefined;
}): ReactNode {
  const api = useApi();
  const host = useHost();
  const { t } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [status, setStatus] = useState<{ intent: "success" | "warning" | "error"; text: string } | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const [followUp, setFollowUp] = useState<FollowUp>({ kind: "none" });

  const [isLoading, setIsLoading] = useState(false);
  // Read on the adviser's request, not on every save: most saves carry no commitment worth a task.
  const load = async () => {
    if (!api.commitmentsOf) return;
    setIsLoading(true);
    try {
      const answer = await api.commitmentsOf(minutesId);
      setRows(answer.commitments.map((commitment, key) => ({ key, commitment, state: "proposed" })));
    } catch (error) {
      setRows([]);
      setStatus({
        intent: "error",
        text: t("commitments.failed", { reason: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setIsLoading(false);
    }
  };

  if (!api.commitmentsOf) return null;
  if (rows === null) {
    return (
      <div className={styles.section}>
        <Button disabled={isLoading} onClick={() => void load()} data-testid="commitments-load">
          {t("commitments.load")}
        </Button>
      </div>
    );
  }
  const confirmed = rows.filter((r) => r.state === "confirmed").map((r) => r.commitment);
  const update = (key: number, change: (row: Row) => Row) =>
    setRows((current) => (current ?? []).map((r) => (r.key === key ? change(r) : r)));
  const edit = (key: number, patch: Partial<Commitment>) =>
    update(key, (r) => ({ ...r, commitment: { ...r.commitment, ...patch } }));

  const openAppointments = async (): Promise<boolean> => {
    if (!host.openAppointment) return false;
    for (const c of confirmed)
      await host.openAppointment({ subject: c.what, ...appointmentTimes(c.dueDate), body: c.quote ?? c.what });
    setStatus({ intent: "warning", text: t("commitments.appointment") });
    return true;
  };

  const createTasks = async () => {
    setIsCreating(true);
    setStatus(null);
    try {
      const graph = graphTokens();
      if (graph) {
        try {
          const count = await createTodoTasks(
            { getToken: () => graph.tokenFor(GRAPH_TODO_SCOPES), baseUrl: graph.baseUrl },
            confirmed,
            t("commitments.member_label"),
          );
          setStatus({ intent: "success", text: t("commitments.created", { count }) });
          return;
        } catch (error) {
          // Not granted (or no token at all): the appointment form is the way left; other refusals are said.
          const isNotGranted = !(error instanceof AddinError && error.code === "graph_todo_failed");
          if (!isNotGranted || !(await openAppointments())) throw error;
          return;
        }
      }
      if (!(await openAppointments())) setStatus({ intent: "error", text: t("commitments.unavailable") });
    } catch (error) {
      setStatus({
        intent: "error",
        text: t("commitments.failed", { reason: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setIsCreating(false);
    }
  };

  const draftFollowUp = async () => {
    setFollowUp({ kind: "drafting" });
    try {
      const notes = followUpNotes(confirmed, t);
      const generation = await api.streamGeneration(
        { task: "member-email", notes, ...(memberId ? { context: { memberId } } : {}) },
        { onDelta: () => undefined, onReplace: () => undefined },
      );
      setFollowUp({
        kind: "review",
        generationId: generation.id,
        prePromptId: generation.prePrompt.id,
        text: generation.draft,
        isValidated: false,
      });
    } catch (error) {
      setFollowUp({ kind: "none" });
      setStatus({
        intent: "error",
        text: t("commitments.failed", { reason: error instanceof Error ? error.message : String(error) }),
      });
    }
  };

  const saveFollowUp = async () => {
    if (followUp.kind !== "review" || !followUp.isValidated) return;
    const saved = await api.saveMinutes(
      { generationId: followUp.generationId, text: followUp.text, validated: true },
      undefined,
      { idempotencyKey: newIdempotencyKey() },
    );
    setFollowUp({ kind: "saved", text: followUp.text, transparency: saved.transparency });
    // Into the mail being written (or a reply), with the notice the server decided; the pane shows it either way.
    const target = (await host.readContext().catch(() => null))?.targets.find((x) => x === "insert" || x === "reply");
    if (target)
      await host
        .write(target, followUp.text, saved.transparency.label, {
          generationId: followUp.generationId,
          prePromptId: followUp.prePromptId,
          transparency: saved.transparency,
        })
        .catch(() => undefined);
  };

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="commitments">
      <h3 id={headingId}>{t("commitments.title")}</h3>
      {rows.length === 0 ? <p>{t("commitments.empty")}</p> : null}
      <ul className={styles.list}>
        {rows.map((row) => (
          <li
            key={row.key}
            className={row.state === "dropped" ? `${styles.row} ${styles.dropped}` : styles.row}
            data-testid="commitment"
            data-state={row.state}
          >
            <Field label={t("commitments.field.what")}>
              <Input
                value={row.commitment.what}
                disabled={row.state === "dropped"}
                onChange={(_e, d) => edit(row.key, { what: d.value })}
              />
            </Field>
            <div className={styles.inline}>
              <Field label={t("commitments.field.owner")}>
                <Select
                  value={row.commitment.owner}
                  disabled={row.state === "dropped"}
                  onChange={(_e, d) => edit(row.key, { owner: d.value as CommitmentOwner })}
                >
                  {OWNERS.map((o) => (
                    <option key={o} value={o}>
                      {t(`commitments.owner.${o}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t("commitments.field.due")}>
                <Input
                  type="date"
                  value={row.commitment.dueDate ?? ""}
                  disabled={row.state === "dropped"}
                  onChange={(_e, d) => edit(row.key, { dueDate: d.value === "" ? null : d.value })}
                />
              </Field>
            </div>
            <div className={styles.inline}>
              <Button
                aria-pressed={row.state === "confirmed"}
                appearance={row.state === "confirmed" ? "primary" : "secondary"}
                onClick={() =>
                  update(row.key, (r) => ({ ...r, state: r.state === "confirmed" ? "proposed" : "confirmed" }))
                }
              >
                {row.state === "confirmed" ? t("commitments.confirmed") : t("commitments.confirm")}
              </Button>
              <Button
                aria-pressed={row.state === "dropped"}
                appearance="subtle"
                onClick={() =>
                  update(row.key, (r) => ({ ...r, state: r.state === "dropped" ? "proposed" : "dropped" }))
                }
              >
                {row.state === "dropped" ? t("commitments.dropped") : t("commitments.drop")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {rows.length > 0 ? (
        <div className={styles.inline}>
          <Button
            appearance="primary"
            disabled={confirmed.length === 0 || isCreating}
            onClick={() => void createTasks()}
            data-testid="create-tasks"
          >
            {t("commitments.create")}
          </Button>
          <Button
            disabled={confirmed.length === 0 || followUp.kind === "drafting"}
            onClick={() => void draftFollowUp()}
            data-testid="followup-draft"
          >
            {t("commitments.followup")}
          </Button>
        </div>
      ) : null}
      {status ? (
        <MessageBar intent={status.intent} layout="multiline" data-testid="commitments-status">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {followUp.kind === "review" ? (
        <div className={styles.section} data-testid="followup">
          <Field label={t("commitments.followup.draft")}>
            <Textarea
              value={followUp.text}
              resize="vertical"
              rows={8}
              onChange={(_e, d) => setFollowUp({ ...followUp, text: d.value, isValidated: false })}
            />
          </Field>
          <Checkbox
            checked={followUp.isValidated}
            label={t("ui.validate.label")}
            onChange={(_e, d) => setFollowUp({ ...followUp, isValidated: d.checked === true })}
          />
          <Button
            appearance="primary"
            disabled={!followUp.isValidated || followUp.text.trim() === ""}
            onClick={() => void saveFollowUp()}
            data-testid="followup-save"
          >
            {t("commitments.followup.save")}
          </Button>
        </div>
      ) : null}
      {followUp.kind === "saved" ? (
        <MessageBar intent="success" layout="multiline" data-testid="followup-saved">
          <MessageBarBody>
            {t("commitments.followup.saved")}{" "}
            {followUp.transparency.label ? (
              <q className={styles.notice} data-testid="followup-notice">
                {followUp.transparency.label}
              </q>
            ) : (
              <span data-testid="followup-no-notice">{t("ui.saved.no_notice")}</span>
            )}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
