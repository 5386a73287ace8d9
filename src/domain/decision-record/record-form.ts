/**
 * One channel-neutral form per meeting kind, defined beside the zod schemas so that Teams
 * (Adaptive Card Input.*), Slack (modal blocks), the playground and the case export all use
 * the same ids, labels and rules.
 *
 * Field ids are flat dotted paths into the record ("decision.s47"), with a row index for
 * lists ("actions.0.who"). Inputs arrive as strings keyed by those ids, which is what both
 * platforms hand back; {@link parseRecordForm} turns them into a record through the schema
 * and maps every zod issue back to the id of the box the user has to fix.
 */
import type { MeetingKind } from "../meeting/meeting-kind";
import { recordSchemaFor, type RecordFor } from "./decision-record.schema";
import { PROGRESS_STATUSES } from "./core-group-record.schema";
import {
  LONG_TEXT_MAX,
  NAME_MAX,
  PLAN_CATEGORIES,
  SHORT_TEXT_MAX,
  type Apology,
  type Attendee,
  isRecordLike,
} from "./record-parts.schema";
import { REVIEW_OUTCOMES } from "./review-conference-record.schema";
import {
  INVESTIGATION_TYPES,
  LEGAL_ACTIONS,
  S47_DECISIONS,
  STRATEGY_MODES,
  STRATEGY_NEXT_STEPS,
} from "./strategy-discussion-record.schema";

/** The kinds of input every channel can render. */
export type FormFieldType = "text" | "multiline" | "date" | "time" | "choice" | "number" | "toggle";

/** One option of a choice field. */
export interface FormChoice {
  /** Stored value. */
  value: string;
  /** What the user reads. */
  label: string;
}

/** One input box, ready for any channel to render. */
export interface FormField {
  /** Stable, flat id; also the key in the submitted values, e.g. "decision.s47" or "actions.0.who". */
  id: string;
  /** Plain-English label. For list rows it names the row, e.g. "Action 1: who". */
  label: string;
  /** A line of guidance under the label. */
  help?: string;
  /** Input kind. */
  type: FormFieldType;
  /** Options, for `choice` fields. */
  choices?: FormChoice[];
  /**
   * Must be answered on every submission. Fields required only in some cases (a reason when
   * information is withheld) and fields inside list rows are `false` here; the schema checks them.
   */
  required: boolean;
  /** Longest accepted input, mirrored from the schema. */
  maxLength: number;
  /** The heading this field sits under. */
  section: string;
  /** For list rows: which list, which row, and labels for a table layout. */
  repeat?: {
    /** The list's id prefix, e.g. "actions". */
    group: string;
    /** Row number from 0. */
    index: number;
    /** How many rows the form shows. */
    count: number;
    /** Row heading, e.g. "Action 2". */
    rowLabel: string;
    /** Column label without the row, e.g. "Who". */
    fieldLabel: string;
  };
  /** Value to pre-fill on a new form (e.g. "Police" in a safety scale row). A row left at its defaults counts as blank. */
  defaultValue?: string;
  /** Free narrative, which the plain-language aid checks. */
  prose?: boolean;
}

/** Flat inputs as a channel returns them. */
export type FormValues = Record<string, string | undefined>;

/** Facts the app already knows, merged into the parsed record. */
export interface RecordFormPrefill {
  /** Attendees from the meeting roster; typed attendee lines are added to these, without duplicates. */
  attendees?: Attendee[];
  /** Apologies from the roster; typed lines are added to these, without duplicates. */
  apologies?: Apology[];
}

/** The outcome of {@link parseRecordForm}: a valid record, or one message per field id. */
export type ParseRecordFormResult<K extends MeetingKind> =
  | { ok: true; record: RecordFor<K> }
  | { ok: false; errors: Record<string, string> };

/** Key for errors that belong to no single field. */
export const FORM_ERROR_KEY = "form";

// ---------------------------------------------------------------------------
// Specs: fields plus how each maps between a string and the record.

/** How a field's string maps to and from the record. */
type Codec = "string" | "number" | "toggle" | "yes-no" | "lines" | "attendees" | "apologies" | "form-only";

interface FieldSpec {
  id: string;
  label: string;
  help?: string;
  type: FormFieldType;
  choices?: FormChoice[];
  required?: boolean;
  maxLength?: number;
  prose?: boolean;
  codec?: Codec;
}

interface RepeatSpec {
  group: string;
  count: number;
  rowLabel: string;
  fields: FieldSpec[];
  /** Per-row defaults, by sub-field id. */
  rowDefaults?: Record<string, string>[];
}

interface SectionSpec {
  title: string;
  items: (FieldSpec | RepeatSpec)[];
}

const isRepeat = (item: FieldSpec | RepeatSpec): item is RepeatSpec => "group" in item;

const choices = (labels: Record<string, string>): FormChoice[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Labels typed against the schema's own lists, so adding a value without a label fails typechecking. */
const labelled = <T extends readonly string[]>(_values: T, labels: Record<T[number], string>) => choices(labels);

const YES_NO = choices({ yes: "Yes", no: "No" });

const actionRows = (group: string, count: number, rowLabel = "Action"): RepeatSpec => ({
  group,
  count,
  rowLabel,
  fields: [
    { id: "who", label: "Who", help: "A person or an agency.", type: "text", maxLength: NAME_MAX },
    { id: "what", label: "What", type: "text", maxLength: SHORT_TEXT_MAX, prose: true },
    { id: "byWhen", label: "By when", type: "date" },
  ],
});

const dissentField: FieldSpec = {
  id: "dissent",
  label: "Disagreement",
  help: "Who disagreed, with what, and why. Leave blank if everyone agreed.",
  type: "multiline",
  prose: true,
};

const escalationField: FieldSpec = {
  id: "escalation",
  label: "Escalation",
  help: "If there was disagreement: to whom it was escalated, when, and the outcome.",
  type: "multiline",
  prose: true,
};

const childsVoiceField: FieldSpec = { id: "childsVoice", label: "The child's wishes and feelings", help: "In the child's own words where you can.", type: "multiline", prose: true };

const chairField: FieldSpec = { id: "chair", label: "Chair", type: "text", required: true, maxLength: NAME_MAX };

const planFields = (reviewId: string, reviewLabel: string): FieldSpec[] => [
  {
    id: "plan",
    label: "Will the child have a child protection plan?",
    type: "choice",
    choices: YES_NO,
    required: true,
    codec: "yes-no",
  },
  {
    id: "category",
    label: "Category of plan",
    help: "Needed when there is a plan.",
    type: "choice",
    choices: labelled(PLAN_CATEGORIES, {
      neglect: "Neglect",
      physical: "Physical abuse",
      emotional: "Emotional abuse",
      sexual: "Sexual abuse",
      multiple: "More than one category",
    }),
  },
  {
    id: "decisionReason",
    label: "How the decision was reached",
    type: "multiline",
    required: true,
    prose: true,
  },
  { id: "leadSocialWorker", label: "Lead social worker", help: "Needed when there is a plan.", type: "text", maxLength: NAME_MAX },
  { id: reviewId, label: reviewLabel, help: "Needed when there is a plan.", type: "date" },
];

// Pre-filled agency rows: the three statutory agencies, plus one free row for anyone else.
const AGENCY_DEFAULTS: Record<string, string>[] = [
  { agency: "Children's social care" },
  { agency: "Health" },
  { agency: "Police" },
  {},
];

const STRATEGY_FORM: SectionSpec[] = [
  {
    title: "The discussion",
    items: [
      { id: "meeting.date", label: "Date held", type: "date", required: true },
      { id: "meeting.time", label: "Start time", help: "24-hour clock, for example 14:30.", type: "time", required: true },
      {
        id: "meeting.mode",
        label: "How it was held",
        type: "choice",
        required: true,
        choices: labelled(STRATEGY_MODES, {
          meeting: "Meeting (in person or video)",
          call: "Conference call",
          phone: "Separate phone calls",
        }),
      },
    ],
  },
  {
    title: "Who took part",
    items: [
      {
        id: "attendees",
        label: "Who took part",
        help: "One person per line: name, role, agency. People on the meeting roster are added for you.",
        type: "multiline",
        required: true,
        codec: "attendees",
      },
      {
        id: "attendeesSenior",
        label: "Everyone listed was senior enough to make decisions for their agency",
        help: "If someone was not, add \", not senior\" at the end of their line.",
        type: "toggle",
        codec: "form-only",
      },
      { id: "apologies", label: "Apologies", help: "One per line: name, agency.", type: "multiline", codec: "apologies" },
      {
        id: "absentContributions",
        label: "How agencies who could not attend contributed",
        help: "For example a written report or a call beforehand, or say that they did not.",
        type: "multiline",
        prose: true,
      },
    ],
  },
  {
    title: "What was shared",
    items: [
      {
        group: "informationShared",
        count: 4,
        rowLabel: "Agency",
        rowDefaults: AGENCY_DEFAULTS,
        fields: [
          { id: "agency", label: "Agency", type: "text", maxLength: NAME_MAX },
          { id: "summary", label: "What they shared", type: "multiline", prose: true },
          { id: "consentSought", label: "Consent sought", help: "Was the family's consent sought before sharing?", type: "choice", choices: YES_NO, codec: "yes-no" },
          {
            id: "noConsentReason",
            label: "If not, why not",
            help: `Needed when consent was not sought. Up to ${SHORT_TEXT_MAX} characters.`,
            type: "text",
            maxLength: SHORT_TEXT_MAX,
          },
        ],
      },
      {
        id: "child.livedExperience",
        label: "The child's daily life",
        help: "What life is like for the child, day to day.",
        type: "multiline",
        required: true,
        prose: true,
      },
      {
        id: "child.voice",
        label: "The child's wishes and feelings",
        help: "In the child's words where possible. For a baby, what was seen of how they are.",
        type: "multiline",
        required: true,
        prose: true,
      },
    ],
  },
  {
    title: "Signs of Safety",
    items: [
      { id: "signsOfSafety.worries", label: "What are we worried about?", type: "multiline", required: true, prose: true },
      { id: "signsOfSafety.workingWell", label: "What is working well?", type: "multiline", required: true, prose: true },
      { id: "signsOfSafety.needsToHappen", label: "What needs to happen?", type: "multiline", required: true, prose: true },
      {
        group: "signsOfSafety.safetyScale",
        count: 4,
        rowLabel: "Safety scale",
        rowDefaults: AGENCY_DEFAULTS,
        fields: [
          { id: "agency", label: "Agency", type: "text", maxLength: NAME_MAX },
          {
            id: "score",
            label: "Score (0 to 10)",
            help: "0: the child is not safe at all. 10: there is enough safety to close the case.",
            type: "number",
            maxLength: 2,
            codec: "number",
          },
        ],
      },
    ],
  },
  {
    title: "Decisions",
    items: [
      {
        id: "decision.s47",
        label: "Will section 47 (child protection) enquiries start?",
        type: "choice",
        required: true,
        choices: labelled(S47_DECISIONS, {
          yes: "Yes",
          no: "No",
          "not-yet-more-information-needed": "Not yet: more information is needed first",
        }),
      },
      {
        id: "decision.investigation",
        label: "Who will carry out the enquiries?",
        help: "Needed when enquiries start.",
        type: "choice",
        choices: labelled(INVESTIGATION_TYPES, {
          "single-agency": "Children's social care alone",
          "joint-with-police": "Jointly with the police",
        }),
      },
      {
        id: "decision.furtherInformation",
        label: "What more information is needed, and how it will be got",
        help: "Needed when the decision waits on more information.",
        type: "multiline",
        prose: true,
      },
      {
        id: "decision.criminalInvestigation",
        label: "Any criminal investigation: how and when",
        help: "Or say that there will not be one.",
        type: "multiline",
        required: true,
        prose: true,
      },
      {
        id: "decision.medical.needed",
        label: "Is a medical assessment needed?",
        type: "choice",
        required: true,
        choices: YES_NO,
        codec: "yes-no",
      },
      {
        id: "decision.medical.detail",
        label: "Medical assessment: what, who arranges it, and when",
        help: "Needed when a medical assessment is needed.",
        type: "multiline",
        prose: true,
      },
      {
        id: "decision.legalAction",
        label: "Legal action",
        type: "choice",
        required: true,
        choices: labelled(LEGAL_ACTIONS, {
          none: "None needed",
          "legal-planning-meeting": "Legal planning meeting",
          "emergency-protection-order": "Emergency protection order",
          "police-protection-in-place": "Police protection is in place",
        }),
      },
      {
        id: "decision.otherChildren",
        label: "Other children in the household",
        help: "Who they are and what was decided for them, or say there are none.",
        type: "multiline",
        required: true,
        prose: true,
      },
    ],
  },
  {
    title: "What the child and family are told",
    items: [
      {
        id: "informationForFamily.decision",
        label: "Will information be shared with the child and family?",
        type: "choice",
        required: true,
        choices: choices({ shared: "Yes, shared", withheld: "No, withheld for now" }),
      },
      { id: "informationForFamily.what", label: "What is shared", help: "Needed when shared.", type: "text", maxLength: SHORT_TEXT_MAX, prose: true },
      { id: "informationForFamily.sharedWith", label: "Who is told", help: "Needed when shared.", type: "text", maxLength: SHORT_TEXT_MAX },
      { id: "informationForFamily.sharedBy", label: "Who tells them", help: "Needed when shared.", type: "text", maxLength: NAME_MAX },
      { id: "informationForFamily.when", label: "When", help: "Needed when shared.", type: "date" },
      {
        id: "informationForFamily.reason",
        label: "Why it is withheld",
        help: "Needed when withheld, for example because sharing could put the child at risk or harm a police investigation.",
        type: "multiline",
        prose: true,
      },
    ],
  },
  { title: "Actions", items: [actionRows("actions", 3)] },
  {
    title: "Next step",
    items: [
      {
        id: "nextStep.kind",
        label: "Next step",
        type: "choice",
        required: true,
        choices: labelled(STRATEGY_NEXT_STEPS, {
          "initial-conference": "Initial child protection conference",
          "another-strategy-discussion": "Another strategy discussion",
          "child-in-need": "Support as a child in need",
          "no-further-action": "No further action",
        }),
      },
      { id: "nextStep.reason", label: "Why", type: "multiline", required: true, prose: true },
    ],
  },
  {
    title: "Disagreement and sign-off",
    items: [
      dissentField,
      escalationField,
      chairField,
      { id: "recorder", label: "Recorded by", type: "text", required: true, maxLength: NAME_MAX },
    ],
  },
];

const ICPC_FORM: SectionSpec[] = [
  {
    title: "The chair",
    items: [
      {
        id: "chairIndependent",
        label: "The chair is independent of the case's line management",
        help: "Working Together: the case's team manager or social worker cannot chair an initial conference.",
        type: "toggle",
        required: true,
        codec: "toggle",
      },
    ],
  },
  { title: "Decision", items: [...planFields("reviewDate", "Review conference date"), { id: "leadStatutoryBody", label: "Lead statutory body", help: "Needed when there is a plan, for example the local authority's children's services.", type: "text", maxLength: NAME_MAX }] },
  { title: "The child", items: [childsVoiceField] },
  {
    title: "Core group and outline plan",
    items: [
      {
        id: "coreGroupMembers",
        label: "Core group members",
        help: "One per line: name and role, including family members. Needed when there is a plan.",
        type: "multiline",
        codec: "lines",
      },
      { id: "firstCoreGroupDate", label: "First core group date", help: "Needed when there is a plan: within 10 working days of the conference.", type: "date" },
      actionRows("actions", 3, "Plan action"),
    ],
  },
  {
    title: "Who took part",
    items: [{ id: "absentViews", label: "Written views of those who could not attend", help: "Who sent a written view, and what it said.", type: "multiline", prose: true }],
  },
  { title: "Disagreement and sign-off", items: [dissentField, escalationField, chairField] },
];

const CORE_GROUP_FORM: SectionSpec[] = [
  {
    title: "What must change",
    items: [
      {
        group: "changes",
        count: 3,
        rowLabel: "Change",
        fields: [
          { id: "what", label: "What must change", type: "text", maxLength: SHORT_TEXT_MAX, prose: true },
          { id: "howMuch", label: "By how much", help: "How everyone will know it has changed enough.", type: "text", maxLength: SHORT_TEXT_MAX, prose: true },
          { id: "byWhen", label: "By when", type: "date" },
        ],
      },
      { id: "inDepthAssessmentBy", label: "Who completes the in-depth assessment", type: "text", required: true, maxLength: NAME_MAX },
    ],
  },
  {
    title: "Progress on the plan",
    items: [
      {
        group: "progress",
        count: 5,
        rowLabel: "Plan action",
        fields: [
          { id: "action", label: "Action", help: "Its reference or description in the plan.", type: "text", maxLength: SHORT_TEXT_MAX },
          { id: "progress", label: "Progress", type: "multiline", prose: true },
          {
            id: "status",
            label: "Status",
            type: "choice",
            choices: labelled(PROGRESS_STATUSES, {
              "not-started": "Not started",
              "on-track": "On track",
              "at-risk": "At risk",
              done: "Done",
              "no-longer-needed": "No longer needed",
            }),
          },
        ],
      },
    ],
  },
  { title: "New actions", items: [actionRows("newActions", 3, "New action")] },
  {
    title: "Views of members who could not attend",
    items: [
      {
        group: "absentViews",
        count: 3,
        rowLabel: "Absent member",
        fields: [
          { id: "name", label: "Name", type: "text", maxLength: NAME_MAX },
          { id: "view", label: "Their view", type: "multiline", prose: true },
        ],
      },
    ],
  },
  { title: "The child", items: [childsVoiceField] },
  { title: "Disagreement", items: [dissentField, escalationField] },
];

const REVIEW_FORM: SectionSpec[] = [
  {
    title: "The children in the household",
    items: [
      {
        id: "childrenConsidered",
        label: "Every child in the household",
        help: "One per line: the child's initials or reference, and what was decided for them. No full names.",
        type: "multiline",
        required: true,
        codec: "lines",
      },
      { id: "allChildrenConsidered", label: "Every child in the household was considered", type: "toggle", required: true, codec: "toggle" },
    ],
  },
  {
    title: "Decision",
    items: [
      {
        id: "outcome",
        label: "Does the child protection plan continue?",
        type: "choice",
        required: true,
        choices: labelled(REVIEW_OUTCOMES, { continues: "Yes, it continues", ends: "No, it ends" }),
      },
      { id: "reason", label: "Why", type: "multiline", required: true, prose: true },
      { id: "nextReviewDate", label: "Next review date", help: "Needed when the plan continues: no more than 6 months away.", type: "date" },
      {
        id: "reviewBeforeEighteen",
        label: "This is the review before the 18th birthday",
        help: "Tick only for the review planned for before the child turns 18: held before the birthday, it closes that timescale.",
        type: "toggle",
        codec: "toggle",
      },
    ],
  },
  { title: "The child", items: [childsVoiceField] },
  { title: "Disagreement and sign-off", items: [dissentField, escalationField, chairField] },
];

const TRANSFER_IN_FORM: SectionSpec[] = [
  { title: "Decision", items: planFields("nextReviewDate", "Next review date") },
  { title: "The child", items: [childsVoiceField] },
  { title: "Disagreement and sign-off", items: [dissentField, escalationField, chairField] },
];

const FORMS: Record<MeetingKind, SectionSpec[]> = {
  "strategy-discussion": STRATEGY_FORM,
  icpc: ICPC_FORM,
  "core-group": CORE_GROUP_FORM,
  "review-conference": REVIEW_FORM,
  "transfer-in-conference": TRANSFER_IN_FORM,
};

// ---------------------------------------------------------------------------
// Descriptors.

const DEFAULT_MAX: Record<FormFieldType, number> = {
  text: SHORT_TEXT_MAX,
  multiline: LONG_TEXT_MAX,
  date: 10,
  time: 5,
  choice: 64,
  number: 3,
  toggle: 5,
};

/** Row indices present in `values` for a list, so an amend form shows every existing row. */
function rowCount(spec: RepeatSpec, values?: FormValues): number {
  let count = spec.count;
  if (!values) return count;
  const prefix = `${spec.group}.`;
  for (const key of Object.keys(values)) {
    if (!key.startsWith(prefix)) continue;
    const index = Number(key.slice(prefix.length).split(".")[0]);
    if (Number.isInteger(index) && index >= count && hasValue(values[key])) count = index + 1;
  }
  return count;
}

function describe(field: FieldSpec, section: string): FormField {
  const out: FormField = {
    id: field.id,
    label: field.label,
    type: field.type,
    required: field.required ?? false,
    maxLength: field.maxLength ?? DEFAULT_MAX[field.type],
    section,
  };
  if (field.help) out.help = field.help;
  if (field.choices) out.choices = field.choices.map((c) => ({ ...c }));
  if (field.prose) out.prose = true;
  return out;
}

/**
 * The form for `kind`, in display order, with list rows expanded ("actions.0.who" ...).
 * Pass the values being edited (an amendment) so lists longer than the default show every row.
 */
export function formFor(kind: MeetingKind, values?: FormValues): FormField[] {
  const out: FormField[] = [];
  for (const section of FORMS[kind]) {
    for (const item of section.items) {
      if (!isRepeat(item)) {
        out.push(describe(item, section.title));
        continue;
      }
      const count = rowCount(item, values);
      for (let index = 0; index < count; index++) {
        const rowLabel = `${item.rowLabel} ${index + 1}`;
        for (const sub of item.fields) {
          const field = describe({ ...sub, id: `${item.group}.${index}.${sub.id}` }, section.title);
          field.label = `${rowLabel}: ${sub.label.charAt(0).toLowerCase()}${sub.label.slice(1)}`;
          field.repeat = { group: item.group, index, count, rowLabel, fieldLabel: sub.label };
          const dflt = item.rowDefaults?.[index]?.[sub.id];
          if (dflt !== undefined) field.defaultValue = dflt;
          out.push(field);
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Parsing.

function hasValue(v: string | undefined): v is string {
  return typeof v === "string" && v.trim() !== "";
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isRecordLike(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

function getPath(source: unknown, path: string[]): unknown {
  let node = source;
  for (const key of path) {
    if (!isRecordLike(node)) return undefined;
    node = node[key];
  }
  return node;
}

const lines = (raw: string | undefined): { text: string; line: number }[] =>
  (raw ?? "")
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter((l) => l.text !== "");

const parts = (text: string): string[] => text.split(/\s*[,;]\s*/).map((p) => p.trim());

const NOT_SENIOR = /^not\s+senior$/i;
const SENIOR = /^senior$/i;

/** Decoded list plus the form line each item came from (undefined: it came from the roster). */
interface Decoded {
  value: unknown;
  lineOf?: (number | undefined)[];
}

function decodeAttendees(raw: string | undefined, values: FormValues, prefill: RecordFormPrefill): Decoded {
  const allSenior = values.attendeesSenior === "true";
  const typed = lines(raw).map(({ text, line }) => {
    const p = parts(text);
    let senior = allSenior;
    const last = p[p.length - 1] ?? "";
    if (p.length > 3 && NOT_SENIOR.test(last)) (senior = false), p.pop();
    else if (p.length > 3 && SENIOR.test(last)) (senior = true), p.pop();
    // Roles often contain commas ("Detective sergeant, CAIT"); agency names rarely do. So the
    // first part is the name, the last the agency, and everything between is the role.
    const role = p.length >= 3 ? p.slice(1, -1).join(", ") : p[1];
    const agency = p.length >= 3 ? p[p.length - 1] : undefined;
    return {
      attendee: { name: p[0] || undefined, role: role || undefined, agency: agency || undefined, seniorityConfirmed: senior },
      line,
    };
  });
  // The roster is the source of truth for who attended; typed lines add people it does not know
  // (someone joining by phone) and are dropped when they repeat a roster name.
  const roster = (prefill.attendees ?? []).map((a) => ({ ...a }));
  const known = new Set(roster.map((a) => a.name.trim().toLowerCase()));
  const extra = typed.filter((t) => !known.has(String(t.attendee.name ?? "").toLowerCase()));
  return {
    value: [...roster, ...extra.map((t) => t.attendee)],
    lineOf: [...roster.map(() => undefined), ...extra.map((t) => t.line)],
  };
}

function decode(field: FieldSpec, values: FormValues, prefill: RecordFormPrefill): Decoded | undefined {
  const raw = values[field.id];
  switch (field.codec ?? "string") {
    case "form-only":
      return undefined;
    case "toggle":
      return { value: raw === "true" };
    case "number": {
      if (!hasValue(raw)) return undefined;
      const t = raw.trim();
      // Unparseable text is passed on as text so the schema's message ("a whole number from 0 to 10") is shown.
      return { value: /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t };
    }
    case "yes-no": {
      if (!hasValue(raw)) return undefined;
      const t = raw.trim().toLowerCase();
      return { value: t === "yes" ? true : t === "no" ? false : t };
    }
    case "lines": {
      const ls = lines(raw);
      return { value: ls.map((l) => l.text), lineOf: ls.map((l) => l.line) };
    }
    case "apologies": {
      // As with attendees: the roster's apologies first, typed lines add anyone it does not know.
      const roster = (prefill.apologies ?? []).map((a) => ({ ...a }));
      const known = new Set(roster.map((a) => a.name.trim().toLowerCase()));
      const typed = lines(raw)
        .map(({ text, line }) => {
          const p = parts(text);
          return { apology: { name: p[0] || undefined, agency: p.slice(1).join(", ") || undefined }, line };
        })
        .filter((t) => !known.has(String(t.apology.name ?? "").toLowerCase()));
      return { value: [...roster, ...typed.map((t) => t.apology)], lineOf: [...roster.map(() => undefined), ...typed.map((t) => t.line)] };
    }
    case "attendees":
      return decodeAttendees(raw, values, prefill);
    case "string":
      return hasValue(raw) ? { value: raw.trim() } : undefined;
  }
}

/** A list row is blank when every box is empty or still shows its pre-filled default. */
function rowIsBlank(spec: RepeatSpec, index: number, values: FormValues): boolean {
  return spec.fields.every((sub) => {
    const raw = values[`${spec.group}.${index}.${sub.id}`];
    if (!hasValue(raw)) return true;
    const dflt = spec.rowDefaults?.[index]?.[sub.id];
    return dflt !== undefined && raw.trim() === dflt;
  });
}

interface ParseContext {
  /** For each list: the form row each kept record item came from. */
  rowMap: Map<string, number[]>;
  /** For each line-list field: the text line each item came from. */
  lineMap: Map<string, (number | undefined)[]>;
}

function buildDraft(kind: MeetingKind, values: FormValues, prefill: RecordFormPrefill, ctx: ParseContext) {
  const draft: Record<string, unknown> = {};
  for (const section of FORMS[kind]) {
    for (const item of section.items) {
      if (!isRepeat(item)) {
        const decoded = decode(item, values, prefill);
        const path = item.id.split(".");
        // Parent objects are always created so a missing answer is reported on its own box,
        // not as one vague message about the whole group.
        if (path.length > 1 && getPath(draft, path.slice(0, -1)) === undefined) setPath(draft, path.slice(0, -1), {});
        if (decoded === undefined) continue;
        setPath(draft, path, decoded.value);
        if (decoded.lineOf) ctx.lineMap.set(item.id, decoded.lineOf);
        continue;
      }
      const rows: Record<string, unknown>[] = [];
      const kept: number[] = [];
      const count = rowCount(item, values);
      for (let index = 0; index < count; index++) {
        if (rowIsBlank(item, index, values)) continue;
        const row: Record<string, unknown> = {};
        for (const sub of item.fields) {
          const decoded = decode({ ...sub, id: `${item.group}.${index}.${sub.id}` }, values, prefill);
          if (decoded !== undefined) row[sub.id] = decoded.value;
        }
        rows.push(row);
        kept.push(index);
      }
      setPath(draft, item.group.split("."), rows);
      ctx.rowMap.set(item.group, kept);
    }
  }
  return draft;
}

/** Maps a zod issue path in the record to the id of the box to fix, plus a line prefix for line lists. */
function fieldIdForPath(kind: MeetingKind, path: PropertyKey[], ctx: ParseContext): { id: string; prefix: string } {
  const keys = path.map(String);
  for (const section of FORMS[kind]) {
    for (const item of section.items) {
      if (isRepeat(item)) {
        const groupPath = item.group.split(".");
        if (!groupPath.every((k, i) => keys[i] === k)) continue;
        const kept = ctx.rowMap.get(item.group) ?? [];
        const recordIndex = Number(keys[groupPath.length]);
        const formIndex = Number.isInteger(recordIndex) ? kept[recordIndex] : undefined;
        const sub = keys[groupPath.length + 1];
        const subId = item.fields.some((f) => f.id === sub) ? sub : item.fields[0]?.id;
        // An issue about the whole list ("add at least one") points at the first row.
        return { id: `${item.group}.${formIndex ?? kept[0] ?? 0}.${subId}`, prefix: "" };
      }
      const fieldPath = item.id.split(".");
      if (!fieldPath.every((k, i) => keys[i] === k)) continue;
      const lineIndex = Number(keys[fieldPath.length]);
      const line = Number.isInteger(lineIndex) ? ctx.lineMap.get(item.id)?.[lineIndex] : undefined;
      return { id: item.id, prefix: line !== undefined ? `Line ${line}: ` : "" };
    }
  }
  // An issue about a whole group ("informationForFamily") points at the group's first box.
  for (const section of FORMS[kind]) {
    for (const item of section.items) {
      const itemPath = (isRepeat(item) ? `${item.group}.0.${item.fields[0]?.id}` : item.id).split(".");
      if (keys.length > 0 && keys.every((k, i) => itemPath[i] === k)) return { id: itemPath.join("."), prefix: "" };
    }
  }
  return { id: FORM_ERROR_KEY, prefix: "" };
}

/**
 * Turns flat form inputs into a validated record for `kind`, or returns one plain-English
 * message per field id. Blank list rows are dropped; `prefill.attendees` (the roster) is
 * merged with any attendees typed into the form.
 */
export function parseRecordForm<K extends MeetingKind>(
  kind: K,
  values: FormValues,
  prefill: RecordFormPrefill = {},
): ParseRecordFormResult<K> {
  const ctx: ParseContext = { rowMap: new Map(), lineMap: new Map() };
  const draft = buildDraft(kind, values, prefill, ctx);
  const result = recordSchemaFor(kind).safeParse(draft);
  if (result.success) return { ok: true, record: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const { id, prefix } = fieldIdForPath(kind, issue.path, ctx);
    // The first message per box is kept: it is the one the user should deal with first.
    if (errors[id] === undefined) errors[id] = `${prefix}${issue.message}`;
  }
  return { ok: false, errors };
}

// ---------------------------------------------------------------------------
// Encoding (amend pre-fill, export).

function encode(field: FieldSpec, value: unknown, record: unknown): string | undefined {
  switch (field.codec ?? "string") {
    case "form-only": {
      // attendeesSenior: on when every attendee was confirmed, so lines need no markers.
      const attendees = getPath(record, ["attendees"]);
      if (!Array.isArray(attendees) || attendees.length === 0) return undefined;
      return attendees.every((a) => isRecordLike(a) && a.seniorityConfirmed === true) ? "true" : "false";
    }
    case "toggle":
      return value === true ? "true" : value === false ? "false" : undefined;
    case "yes-no":
      return value === true ? "yes" : value === false ? "no" : undefined;
    case "lines":
      return Array.isArray(value) && value.length > 0 ? value.map(String).join("\n") : undefined;
    case "apologies":
      return Array.isArray(value) && value.length > 0
        ? value.map((a) => (isRecordLike(a) ? `${String(a.name)}, ${String(a.agency)}` : "")).join("\n")
        : undefined;
    case "attendees": {
      if (!Array.isArray(value) || value.length === 0) return undefined;
      const allSenior = value.every((a) => isRecordLike(a) && a.seniorityConfirmed === true);
      return value
        .map((a) => {
          if (!isRecordLike(a)) return "";
          const base = `${String(a.name)}, ${String(a.role)}, ${String(a.agency)}`;
          // With the toggle off, lines default to "not confirmed", so only confirmed people are marked.
          return allSenior || a.seniorityConfirmed !== true ? base : `${base}, senior`;
        })
        .join("\n");
    }
    case "number":
    case "string":
      return value === undefined || value === null || value === "" ? undefined : String(value);
  }
}

/** The inverse of {@link parseRecordForm}: flat values that pre-fill an amendment form. */
export function recordToFormValues<K extends MeetingKind>(kind: K, record: RecordFor<K>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const section of FORMS[kind]) {
    for (const item of section.items) {
      if (!isRepeat(item)) {
        const v = encode(item, getPath(record, item.id.split(".")), record);
        if (v !== undefined) out[item.id] = v;
        continue;
      }
      const rows = getPath(record, item.group.split("."));
      if (!Array.isArray(rows)) continue;
      rows.forEach((row: unknown, index: number) => {
        for (const sub of item.fields) {
          const v = encode(sub, getPath(row, [sub.id]), record);
          if (v !== undefined) out[`${item.group}.${index}.${sub.id}`] = v;
        }
      });
    }
  }
  return out;
}
