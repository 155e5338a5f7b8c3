// One commitment to check: what, who and when, editable, then confirm or drop.
import { Button, Field, Input, Select } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { CommitmentOwner } from "../../../src/schemas/commitments";
import { useI18n } from "../../hooks/use-i18n";
import { useCommitmentsStyles } from "./commitments-styles";
import type { Commitments, Row } from "./use-commitments";

const OWNERS: readonly CommitmentOwner[] = ["conseiller", "sociétaire", "tiers"];

/** A row of the commitments review; `review` edits it. */
export function CommitmentRow({ row, review }: { row: Row; review: Commitments }): ReactNode {
  const { t } = useI18n();
  const styles = useCommitmentsStyles();
  const isDropped = row.state === "dropped";
  return (
    <li
      className={isDropped ? `${styles.row} ${styles.dropped}` : styles.row}
      data-testid="commitment"
      data-state={row.state}
    >
      <Field label={t("commitments.field.what")}>
        <Input
          value={row.commitment.what}
          disabled={isDropped}
          onChange={(_e, d) => review.edit(row.key, { what: d.value })}
        />
      </Field>
      <div className={styles.inline}>
        <Field label={t("commitments.field.owner")}>
          <Select
            value={row.commitment.owner}
            disabled={isDropped}
            onChange={(_e, d) => review.edit(row.key, { owner: d.value as CommitmentOwner })}
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
            disabled={isDropped}
            onChange={(_e, d) => review.edit(row.key, { dueDate: d.value === "" ? null : d.value })}
          />
        </Field>
      </div>
      <div className={styles.inline}>
        <Button
          aria-pressed={row.state === "confirmed"}
          appearance={row.state === "confirmed" ? "primary" : "secondary"}
          onClick={() => review.toggle(row.key, "confirmed")}
        >
          {row.state === "confirmed" ? t("commitments.confirmed") : t("commitments.confirm")}
        </Button>
        <Button aria-pressed={isDropped} appearance="subtle" onClick={() => review.toggle(row.key, "dropped")}>
          {isDropped ? t("commitments.dropped") : t("commitments.drop")}
        </Button>
      </div>
    </li>
  );
}
