// Owns the proposal's fields: the text first (the dialog opens where the adviser writes), then its kind.
import { Field, Radio, RadioGroup, Textarea } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ProposalKind } from "../../../src/schemas/feedback";
import { useI18n } from "../../hooks/use-i18n";
import type { UseCaseState } from "./use-use-case";

/** The proposal's text, with its count or error beneath, and its kind (a use by default). */
export function ProposalFields({ state }: { state: UseCaseState }): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <Field
        label={t("ui.usecase.label")}
        required
        validationState={state.validationState}
        validationMessage={state.message}
      >
        <Textarea
          value={state.comment}
          rows={5}
          resize="vertical"
          placeholder={t("ui.usecase.placeholder")}
          onChange={(_, data) => state.setComment(data.value)}
          data-testid="use-case-comment"
        />
      </Field>
      <Field label={t("governance.proposal.label")}>
        <RadioGroup
          value={state.proposal}
          onChange={(_, data) => state.setProposal(data.value as ProposalKind)}
          data-testid="use-case-proposal"
        >
          <Radio value="use-case" label={t("governance.proposal.use-case")} />
          <Radio value="template-change" label={t("governance.proposal.template-change")} />
          <Radio value="new-template" label={t("governance.proposal.new-template")} />
        </RadioGroup>
      </Field>
    </>
  );
}
