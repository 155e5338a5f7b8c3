// Owns the hidden file inputs behind the add buttons: a Teams .vtt, a PDF or Word document, a scan or photo.
import type { ReactNode } from "react";
import { useSourceStyles } from "./source-styles";
import type { SourceImport } from "./use-source-import";

const ACCEPT = {
  vtt: ".vtt,text/vtt",
  document: ".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  scan: "image/*,.heic,.heif,.pdf,application/pdf",
} as const;

/** One input per kind of file, out of the tab order: the buttons that open them are the focus stops. */
export function SourceFileInputs({
  sources,
}: {
  readonly sources: Pick<SourceImport, "inputs" | "onFile">;
}): ReactNode {
  const styles = useSourceStyles();
  return (
    <>
      {(["vtt", "document", "scan"] as const).map((kind) => (
        <input
          key={kind}
          ref={sources.inputs[kind]}
          className={styles.fileInput}
          type="file"
          accept={ACCEPT[kind]}
          tabIndex={-1}
          aria-hidden="true"
          onChange={sources.onFile(kind)}
          data-testid={`source-file-${kind}`}
        />
      ))}
    </>
  );
}
