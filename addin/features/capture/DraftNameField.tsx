// Owns the draft name of the browser host: with no Office item to keep notes by, the adviser names the draft they
// work on.
import { Field, Input } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import { MAX_DRAFT_NAME } from "../../hosts/browser";
import type { HostAdapter } from "../../hosts/host-adapter";
import { useI18n } from "../../hooks/use-i18n";

/** The name field; switching name switches draft (the host reports it as an item change) once typing is done. */
export function DraftNameField({
  draftName,
}: {
  readonly draftName: NonNullable<HostAdapter["draftName"]>;
}): ReactNode {
  const { t } = useI18n();
  const [value, setValue] = useState(draftName.current());
  useEffect(() => setValue(draftName.current()), [draftName]);
  const commit = (): void => {
    draftName.set(value);
    setValue(draftName.current());
  };
  return (
    <Field label={t("ui.draftname.label")} hint={t("ui.draftname.hint")}>
      <Input
        value={value}
        maxLength={MAX_DRAFT_NAME}
        onChange={(_, data) => setValue(data.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          }
        }}
        data-testid="draft-name"
      />
    </Field>
  );
}
