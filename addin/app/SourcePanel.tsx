// Owns the source of the work in the capture form: add a Teams transcript, a document or the meeting's transcript, then show, edit or remove it.
import { Button, Field, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { AddRegular, CalendarLtrRegular, CameraRegular, MicRegular, ChevronDownRegular, ChevronUpRegular, DeleteRegular, DocumentRegular, MailRegular, PersonVoiceRegular } from "@fluentui/react-icons";
import { useId, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import type { MessageKey } from "../../src/i18n";
import { ApiError } from "../api/client";
import { InlineNotice } from "../components/InlineNotice";
import { HostError } from "../hosts/host-adapter";
import { useApi, useHost } from "../hooks/use-host";
import { useI18n } from "../hooks/use-i18n";
import type { WorkSource } from "../lib/work-source";
import { ScanReview } from "../features/sources/ScanReview";
import { VoicePanel } from "../features/voice/VoicePanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  options: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalXS },
  option: { justifyContent: "flex-start" },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: "anywhere" },
  fact: { margin: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  text: { minHeight: "160px" },
  // Reachable by the buttons that open it, not by Tab: one focus stop per way of adding a source.
  fileInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden", pointerEvents: "none" },
  status: { margin: 0, minHeight: tokens.lineHeightBase200, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
});

const KIND_KEYS: Record<WorkSource["kind"], MessageKey> = {
  transcript: "ui.source.kind.transcript",
  "meeting-transcript": "ui.source.kind.meeting-transcript",
  document: "ui.source.kind.document",
  "mail-thread": "ui.source.kind.mail-thread",
  scan: "ui.source.kind.scan",
};

/** Files the document reader cannot read but OCR can: photos, and PDFs it found without text. */
function isForOcr(file: File): boolean {
  return file.type.startsWith("image/") || /\.(jpe?g|png|heic|heif|webp|tiff?|gif|bmp)$/iu.test(file.name);
}

/** The added source (owned by the workspace, which saves it) and the state of the Outlook thread reading. */
export interface SourcePanelProps {
  /** The source, or null/undefined when there is none. */
  readonly source: WorkSource | null | undefined;
  readonly onChange: (source: WorkSource | null) => void;
  /** Set while the host's mail thread is being turned into the source. */
  readonly isReadingThread: boolean;
  /** Why the host's mail thread could not be analysed, in words, or null. */
  readonly threadProblem: string | null;
  /** Outlook read mode, once the adviser removed the thread: offers it again. */
  readonly onUseThread?: (() => void) | undefined;
  readonly isDisabled: boolean;
}

/** Reason of a failed import, in words: the server's French detail, or the host's message. */
function reasonOf(error: unknown, t: ReturnType<typeof useI18n>["t"]): string {
  if (error instanceof ApiError) return error.problem.detail;
  if (error instanceof HostError) return t(`ui.host.${error.code}`);
  return t("ui.deliver.failed_generic");
}

/** The source part of the capture form. Loaded as its own chunk. */
export function SourcePanel(props: SourcePanelProps): ReactNode {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const api = useApi();
  const host = useHost();
  const headingId = useId();
  const optionsId = useId();
  const textId = useId();
  const vttInput = useRef<HTMLInputElement>(null);
  const documentInput = useRef<HTMLInputElement>(null);
  const scanInput = useRef<HTMLInputElement>(null);
  // A file being read by OCR, then reviewed: it becomes the source only once the adviser has checked its text.
  const [scanFile, setScanFile] = useState<File | null>(null);
  // The recording panel (issue 17): consent, recording, transcript; its transcript becomes the source.
  const [isRecordingVoice, setIsRecordingVoice] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const [isAdding, setIsAdding] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [isOpen, setIsOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const number = (n: number): string => n.toLocaleString(locale === "en" ? "en-GB" : "fr-FR");
  const { source } = props;

  /** Runs one import; the source replaces nothing until the server answered. `null`: handed over to OCR. */
  const add = async (load: () => Promise<WorkSource | null>): Promise<void> => {
    setIsBusy(true);
    setProblem(null);
    setStatus(t("ui.source.reading"));
    try {
      const next = await load();
      if (next === null) {
        setStatus("");
        return;
      }
      props.onChange(next);
      setIsAdding(false);
      setStatus(t("ui.source.added", { what: next.name || t(KIND_KEYS[next.kind]) }));
    } catch (error) {
      console.warn("Source import failed", error);
      setProblem(t("ui.source.failed", { reason: reasonOf(error, t) }));
      setStatus("");
    } finally {
      setIsBusy(false);
    }
  };

  const fromTranscript = async (vtt: string | Blob, kind: "transcript" | "meeting-transcript", name: string): Promise<WorkSource> => {
    const answer = await api.transcriptSource(vtt);
    return { kind, name, text: answer.source, facts: { speakers: answer.speakers, turns: answer.turns } };
  };

  const onVtt = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file) void add(async () => fromTranscript(file, "transcript", file.name));
  };

  const onDocument = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (isForOcr(file)) {
      setProblem(null);
      setScanFile(file);
      return;
    }
    void add(async () => {
      let answer: Awaited<ReturnType<typeof api.documentSource>>;
      try {
        answer = await api.documentSource(file, file.name);
      } catch (error) {
        // A PDF with no text at all is a scan: read it by OCR rather than refuse it.
        if (error instanceof ApiError && error.code === "document_needs_ocr") {
          setScanFile(file);
          return null;
        }
        throw error;
      }
      return {
        kind: "document",
        name: file.name,
        text: answer.text,
        facts: { pages: answer.pages, pagesWithoutText: answer.pagesWithoutText, format: answer.format },
      };
    });
  };

  const readMeeting = host.readMeetingTranscript?.bind(host);

  const remove = (): void => {
    props.onChange(null);
    setIsOpen(false);
    setStatus(t("ui.source.removed"));
    // The card and its buttons are gone: keep the keyboard user where the source was.
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const facts: string[] = [];
  let warning: string | null = null;
  if (source) {
    const f = source.facts;
    if (f.speakers && f.speakers.length > 0) {
      const names = f.speakers.join(", ");
      facts.push(f.speakers.length === 1 ? t("ui.source.speakers_one", { names }) : t("ui.source.speakers", { count: f.speakers.length, names }));
    }
    if (f.turns !== undefined) facts.push(t("ui.source.turns", { count: number(f.turns) }));
    if (source.kind === "scan" && f.pages !== undefined) {
      facts.push(t("ui.ocr.summary", { format: (f.format ?? "").toUpperCase(), pages: f.pages, confidence: f.confidence ?? 0 }));
      if (f.lowConfidencePages && f.lowConfidencePages.length > 0) warning = t("ui.ocr.low_pages", { pages: f.lowConfidencePages.join(", ") });
    } else if (f.pages !== undefined) {
      const format = f.format === "docx" ? "Word" : "PDF";
      const chars = number(source.text.length);
      facts.push(f.pages === 1 ? t("ui.source.pages_one", { format, chars }) : t("ui.source.pages", { format, count: f.pages, chars }));
    }
    if (f.messages !== undefined) {
      const counts = { count: f.messages, member: f.fromMember ?? 0, insurer: f.fromInsurer ?? 0, unknown: f.fromUnknown ?? 0 };
      facts.push(counts.unknown > 0 ? t("ui.source.messages_unknown", counts) : t("ui.source.messages", counts));
    }
    if (f.pages === undefined) facts.push(t("ui.source.characters", { count: number(source.text.length) }));
    if (f.pagesWithoutText && f.pagesWithoutText.length > 0) warning = t("ui.source.pages_without_text", { pages: f.pagesWithoutText.join(", ") });
  }

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="source">
      <h3 id={headingId} className={styles.heading}>
        {t("ui.source.title")}
      </h3>

      {source ? (
        <div className={styles.card} data-testid="source-card" data-kind={source.kind}>
          <p className={styles.title}>
            {t(KIND_KEYS[source.kind])}
            {source.name ? ` · ${source.name}` : ""}
          </p>
          {facts.map((fact) => (
            <p key={fact} className={styles.fact} data-testid="source-fact">
              {fact}
            </p>
          ))}
          {warning ? (
            <InlineNotice intent="warning" data-testid="source-warning">
              {warning}
            </InlineNotice>
          ) : null}
          <div className={styles.buttons}>
            <Button
              size="small"
              icon={isOpen ? <ChevronUpRegular /> : <ChevronDownRegular />}
              aria-expanded={isOpen}
              aria-controls={textId}
              onClick={() => setIsOpen(!isOpen)}
              data-testid="source-toggle"
            >
              {isOpen ? t("ui.source.hide") : t("ui.source.show")}
            </Button>
            <Button size="small" appearance="subtle" icon={<DeleteRegular />} disabledFocusable={props.isDisabled} onClick={remove} data-testid="source-remove">
              {t("ui.source.remove")}
            </Button>
          </div>
          <div id={textId} hidden={!isOpen}>
            {isOpen ? (
              <Field label={t("ui.source.text_label")} size="small">
                <Textarea
                  className={styles.text}
                  resize="vertical"
                  rows={8}
                  value={source.text}
                  disabled={props.isDisabled}
                  onChange={(_, data) => props.onChange({ ...source, text: data.value })}
                  data-testid="source-text"
                />
              </Field>
            ) : null}
          </div>
        </div>
      ) : scanFile ? (
        <ScanReview
          file={scanFile}
          onUse={(next) => {
            props.onChange(next);
            setScanFile(null);
            setIsAdding(false);
            setStatus(t("ui.source.added", { what: next.name || t(KIND_KEYS[next.kind]) }));
          }}
          onCancel={(reason) => {
            setScanFile(null);
            if (reason) setProblem(t("ui.source.failed", { reason }));
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      ) : isRecordingVoice ? (
        <VoicePanel
          onUse={(next) => {
            props.onChange(next);
            setIsRecordingVoice(false);
            setIsAdding(false);
            setStatus(t("ui.voice.used"));
          }}
          onCancel={() => {
            setIsRecordingVoice(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      ) : props.isReadingThread ? (
        <p className={styles.hint} role="status" data-testid="source-thread-reading">
          {t("ui.source.reading_thread")}
        </p>
      ) : (
        <>
          <p className={styles.hint}>{t("ui.source.add_hint")}</p>
          <div>
            <Button
              ref={addButton}
              icon={<AddRegular />}
              aria-expanded={isAdding}
              aria-controls={optionsId}
              disabledFocusable={props.isDisabled}
              onClick={() => setIsAdding(!isAdding)}
              data-testid="source-add"
            >
              {t("ui.source.add")}
            </Button>
          </div>
          <div id={optionsId} hidden={!isAdding} className={styles.options} role="group" aria-label={t("ui.source.add")}>
            {isAdding ? (
              <>
                <Button className={styles.option} icon={<PersonVoiceRegular />} disabledFocusable={isBusy} onClick={() => vttInput.current?.click()} data-testid="source-add-vtt">
                  {t("ui.source.add_transcript")}
                </Button>
                <Button className={styles.option} icon={<DocumentRegular />} disabledFocusable={isBusy} onClick={() => documentInput.current?.click()} data-testid="source-add-document">
                  {t("ui.source.add_document")}
                </Button>
                <Button className={styles.option} icon={<CameraRegular />} disabledFocusable={isBusy} onClick={() => scanInput.current?.click()} data-testid="source-add-scan">
                  {t("ui.ocr.add")}
                </Button>
                <Button className={styles.option} icon={<MicRegular />} disabledFocusable={isBusy} onClick={() => setIsRecordingVoice(true)} data-testid="source-add-voice">
                  {t("ui.voice.open")}
                </Button>
                {readMeeting ? (
                  <Button
                    className={styles.option}
                    icon={<CalendarLtrRegular />}
                    disabledFocusable={isBusy}
                    onClick={() => void add(async () => fromTranscript(await readMeeting(), "meeting-transcript", ""))}
                    data-testid="source-add-meeting"
                  >
                    {t("ui.source.add_meeting")}
                  </Button>
                ) : null}
                {props.onUseThread ? (
                  <Button className={styles.option} icon={<MailRegular />} disabledFocusable={isBusy} onClick={props.onUseThread} data-testid="source-add-thread">
                    {t("ui.source.add_thread")}
                  </Button>
                ) : null}
              </>
            ) : null}
          </div>
        </>
      )}

      <input
        ref={vttInput}
        className={styles.fileInput}
        type="file"
        accept=".vtt,text/vtt"
        tabIndex={-1}
        aria-hidden="true"
        onChange={onVtt}
        data-testid="source-file-vtt"
      />
      <input
        ref={documentInput}
        className={styles.fileInput}
        type="file"
        accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        tabIndex={-1}
        aria-hidden="true"
        onChange={onDocument}
        data-testid="source-file-document"
      />
      <input
        ref={scanInput}
        className={styles.fileInput}
        type="file"
        accept="image/*,.heic,.heif,.pdf,application/pdf"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) {
            setProblem(null);
            setScanFile(file);
          }
        }}
        data-testid="source-file-scan"
      />

      {problem ? (
        <InlineNotice intent="warning" isUrgent data-testid="source-error">
          {problem}
        </InlineNotice>
      ) : null}
      {props.threadProblem && !source ? (
        <InlineNotice intent="warning" data-testid="source-thread-error">
          {props.threadProblem}
        </InlineNotice>
      ) : null}
      <p className={styles.status} role="status" data-testid="source-status">
        {isBusy ? t("ui.source.reading") : status}
      </p>
    </section>
  );
}
