// Owns the task catalogue: what each use of Greffier produces (its sections) and what it reads (its inputs).
import type { MessageKey } from "../i18n";

export const TASK_IDS = ["interview-minutes", "member-email", "claim-summary", "document-extraction"] as const;
export type TaskId = (typeof TASK_IDS)[number];

/** One section of a task's output, and the kinds of note lines the offline engine files under it. */
export interface TaskSection {
  readonly id: string;
  readonly title: string;
  /** Line kinds (see server/llm/offline) this section collects when no model is available. */
  readonly collects: readonly LineKind[];
}

/** What a note line is mostly about; used to sort notes into sections without a model. */
export type LineKind =
  "context" | "request" | "exchange" | "commitment" | "next-step" | "amount" | "date" | "party" | "damage";

export interface TaskDefinition {
  readonly id: TaskId;
  readonly labelKey: MessageKey;
  /** Whether the text is addressed to the member (mail) or kept in the file (minutes, summaries). */
  readonly audience: "member" | "file";
  readonly sections: readonly TaskSection[];
  readonly inputs: {
    readonly notes: "required";
    readonly source: "optional";
    readonly context: readonly (keyof ContextFields)[];
  };
}

/** Context fields a task may use; mirrors GenerationContextSchema. */
export interface ContextFields {
  memberName: string;
  memberId: string;
  subject: string;
  date: string;
  channel: string;
  tone: string;
  language: string;
}

const section = (id: string, title: string, collects: readonly LineKind[]): TaskSection => ({ id, title, collects });

export const TASKS: Readonly<Record<TaskId, TaskDefinition>> = {
  "interview-minutes": {
    id: "interview-minutes",
    labelKey: "task.interview-minutes",
    audience: "file",
    sections: [
      section("contexte", "Contexte", ["context"]),
      section("demande", "Demande du sociétaire", ["request"]),
      section("echanges", "Éléments échangés", ["exchange", "party", "damage", "amount", "date"]),
      section("engagements", "Engagements pris", ["commitment"]),
      section("prochaines-etapes", "Prochaines étapes", ["next-step"]),
    ],
    inputs: {
      notes: "required",
      source: "optional",
      context: ["memberName", "memberId", "subject", "date", "channel", "language"],
    },
  },
  "member-email": {
    id: "member-email",
    labelKey: "task.member-email",
    audience: "member",
    sections: [
      section("objet", "Objet", ["context"]),
      section("rappel-demande", "Rappel de la demande", ["request"]),
      section("reponse", "Réponse", ["exchange", "party", "damage", "amount", "date"]),
      section("engagements", "Ce que nous faisons pour vous", ["commitment"]),
      section("prochaines-etapes", "Prochaines étapes", ["next-step"]),
    ],
    inputs: {
      notes: "required",
      source: "optional",
      context: ["memberName", "memberId", "subject", "tone", "language"],
    },
  },
  "claim-summary": {
    id: "claim-summary",
    labelKey: "task.claim-summary",
    audience: "file",
    sections: [
      section("faits", "Faits et circonstances", ["context", "date"]),
      section("parties", "Parties et biens concernés", ["party"]),
      section("dommages", "Dommages et montants", ["damage", "amount"]),
      section("echanges", "Demandes et échanges", ["request", "exchange"]),
      section("engagements", "Engagements pris", ["commitment"]),
      section("suite", "Points en suspens et prochaines étapes", ["next-step"]),
    ],
    inputs: { notes: "required", source: "optional", context: ["memberName", "memberId", "subject", "date"] },
  },
  "document-extraction": {
    id: "document-extraction",
    labelKey: "task.document-extraction",
    audience: "file",
    sections: [
      section("document", "Document", ["context"]),
      section("parties", "Parties, véhicules et biens", ["party", "request"]),
      section("dates", "Dates et lieux", ["date"]),
      section("montants", "Montants", ["amount", "damage"]),
      section("autres", "Autres éléments", ["exchange", "commitment", "next-step"]),
    ],
    inputs: { notes: "required", source: "optional", context: ["memberName", "memberId", "subject", "date"] },
  },
};

/** Whether `value` names a task of the catalogue. */
export function isTaskId(value: unknown): value is TaskId {
  return typeof value === "string" && (TASK_IDS as readonly string[]).includes(value);
}

/** Insurer templates: variants of a task with their own sections and their own versioned pre-prompt. */
export const TEMPLATE_IDS = ["claim-declaration", "complaint", "duty-to-advise"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface TemplateDefinition {
  readonly id: TemplateId;
  readonly task: TaskId;
  readonly labelKey: MessageKey;
  readonly sections: readonly TaskSection[];
}

export const TEMPLATES: Readonly<Record<TemplateId, TemplateDefinition>> = {
  "claim-declaration": {
    id: "claim-declaration",
    task: "interview-minutes",
    labelKey: "template.claim-declaration",
    sections: [
      section("contexte", "Contexte", ["context"]),
      section("circonstances", "Circonstances du sinistre", ["date"]),
      section("parties", "Personnes et biens concernés", ["party"]),
      section("dommages", "Dommages déclarés", ["damage", "amount"]),
      section("echanges", "Demandes et éléments échangés", ["request", "exchange"]),
      section("engagements", "Engagements pris", ["commitment"]),
      section("prochaines-etapes", "Pièces attendues et prochaines étapes", ["next-step"]),
    ],
  },
  complaint: {
    id: "complaint",
    task: "interview-minutes",
    labelKey: "template.complaint",
    sections: [
      section("contexte", "Contexte", ["context"]),
      section("objet", "Objet de la réclamation", ["request"]),
      section("historique", "Historique du dossier", ["date", "party", "damage"]),
      section("analyse", "Analyse et réponse apportée", ["exchange", "amount"]),
      section("engagements", "Engagements pris", ["commitment"]),
      section("suites", "Suites et délais", ["next-step"]),
    ],
  },
  "duty-to-advise": {
    id: "duty-to-advise",
    task: "interview-minutes",
    labelKey: "template.duty-to-advise",
    sections: [
      section("contexte", "Contexte", ["context"]),
      section("besoins", "Exigences et besoins exprimés", ["request"]),
      section("situation", "Situation du sociétaire", ["party", "damage", "date"]),
      section("conseil", "Conseil donné", ["exchange"]),
      section("produit", "Produit proposé", ["amount"]),
      section("decision", "Décision du sociétaire et suites", ["commitment", "next-step"]),
    ],
  },
};

/** What one generation follows: a task, or one of its templates. `key` names its pre-prompt files. */
export interface Variant {
  readonly key: string;
  readonly task: TaskDefinition;
  readonly template: TemplateDefinition | undefined;
  readonly sections: readonly TaskSection[];
}

/** Every pre-prompt key the server must find at start: one per task and one per template. */
export const VARIANT_KEYS: readonly string[] = [...TASK_IDS, ...TEMPLATE_IDS.map((t) => `${TEMPLATES[t].task}.${t}`)];

/** The variant of `task` for `template` (or the task itself); undefined when the template belongs to another task. */
export function variantOf(task: TaskId, template?: TemplateId): Variant | undefined {
  if (!template) return { key: task, task: TASKS[task], template: undefined, sections: TASKS[task].sections };
  const definition = TEMPLATES[template];
  if (definition.task !== task) return undefined;
  return { key: `${task}.${template}`, task: TASKS[task], template: definition, sections: definition.sections };
}
