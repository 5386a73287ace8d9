/**
 * Decision records are immutable: a correction is a new version with a reason, and old
 * versions stay readable. These functions are pure; the store persists what they return.
 *
 * Also here: what a record feeds into the deadline engine (its actions and its next step),
 * so the app never digs into payload shapes itself.
 */
import type { MeetingKind } from "../meeting/meeting-kind";
import type { IsoDate } from "../shared/iso-date";
import { DomainError } from "../shared/domain-error";
import type { DecisionRecordPayload, RecordFor } from "./decision-record.schema";
import type { StrategyNextStep } from "./strategy-discussion-record.schema";

/** One stored version of a decision record. Frozen: never edit, add a version instead. */
export interface RecordVersion<P = DecisionRecordPayload> {
  /** 1 for the first record, then 2, 3... */
  readonly version: number;
  /** The validated record. */
  readonly payload: P;
  /** Why it was amended; present on every version after the first. */
  readonly reason?: string;
  /** The practitioner who wrote this version. */
  readonly authorId: string;
  /** When this version was written. A private copy: a Date cannot be frozen, so treat it as read-only. */
  readonly createdAt: Date;
}

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends Date
    ? T
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (typeof value === "object" && value !== null && !(value instanceof Date) && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}

/** A stable string for comparing payloads regardless of key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The version that follows `existing`: the first record, or an amendment.
 *
 * Throws DomainError `AMENDMENT_REASON_REQUIRED` when amending without a reason,
 * `AMENDMENT_UNCHANGED` when the amendment changes nothing (an empty version would only add
 * noise to the case file), and `VERSION_SEQUENCE_BROKEN` when `existing` is not 1..n
 * (a sign that versions were lost or loaded wrongly, which must never be papered over).
 * The payload is copied and deep-frozen, so later edits by the caller cannot reach it.
 */
export function nextVersion<P extends DecisionRecordPayload>(
  existing: readonly RecordVersion<P>[],
  payload: P,
  authorId: string,
  reason: string | undefined,
  now: Date,
): RecordVersion<P> {
  const sorted = [...existing].sort((a, b) => a.version - b.version);
  sorted.forEach((v, i) => {
    if (v.version !== i + 1) {
      throw new DomainError("VERSION_SEQUENCE_BROKEN", `Expected version ${i + 1} but found ${v.version}.`, {
        expected: i + 1,
        found: v.version,
      });
    }
  });
  const version = sorted.length + 1;
  const trimmed = reason?.trim() ?? "";
  if (version > 1 && trimmed === "") {
    throw new DomainError(
      "AMENDMENT_REASON_REQUIRED",
      "Say why the record is being changed. The earlier version stays on the case file.",
      { version },
    );
  }
  const latest = sorted[sorted.length - 1];
  if (latest && canonical(latest.payload) === canonical(payload)) {
    throw new DomainError("AMENDMENT_UNCHANGED", "Nothing in the record has changed.", { version });
  }
  const out: RecordVersion<P> = {
    version,
    payload: structuredClone(payload),
    authorId,
    createdAt: new Date(now.getTime()),
    ...(trimmed !== "" ? { reason: trimmed } : {}),
  };
  return deepFreeze(out) as RecordVersion<P>;
}

/** The newest version, or undefined when there is none. */
export function latestVersion<P>(versions: readonly RecordVersion<P>[]): RecordVersion<P> | undefined {
  return versions.reduce<RecordVersion<P> | undefined>((a, v) => (a && a.version > v.version ? a : v), undefined);
}

/** An agreed action, as the deadline engine and the Action table want it. */
export interface ExtractedAction {
  /** Who owns it (a person or an agency label). */
  owner: string;
  /** What will be done. */
  description: string;
  /** The day it is due (Europe/London). */
  dueDate: IsoDate;
}

/** What a record says happens next. */
export type NextStepKind =
  | StrategyNextStep
  | "review-conference"
  | "plan-ends"
  | "no-child-protection-plan";

/** The next step a record sets, so the deadline engine can open the right clock. */
export interface ExtractedNextStep {
  /** What happens next. */
  kind: NextStepKind;
  /** Why, as recorded. */
  reason: string;
  /** A date the record itself sets (the review date), when it sets one. */
  dueDate?: IsoDate;
  /**
   * The day the statutory clock counts from, when the record knows it: the strategy discussion
   * date, from which an ICPC is due within 15 working days.
   */
  countsFrom?: IsoDate;
}

const toActions = (items: readonly { who: string; what: string; byWhen: string }[]): ExtractedAction[] =>
  items.map((a) => ({ owner: a.who, description: a.what, dueDate: a.byWhen }));

/** The actions a record agrees ("who will do what by when"); each becomes an Action and a deadline. */
export function extractActions<K extends MeetingKind>(kind: K, record: RecordFor<K>): ExtractedAction[] {
  const r = record as DecisionRecordPayload;
  switch (kind) {
    case "strategy-discussion":
      return toActions((r as RecordFor<"strategy-discussion">).actions);
    case "icpc":
      return toActions((r as RecordFor<"icpc">).actions);
    case "core-group":
      return toActions((r as RecordFor<"core-group">).newActions);
    default:
      return [];
  }
}

/**
 * The next step a record sets, or null when it sets none (a core group's next meeting follows
 * the local protocol, not the record). Statutory clocks that follow from the meeting itself
 * (first core group within 10 working days of an ICPC) are the deadline engine's, not this.
 */
export function extractNextStep<K extends MeetingKind>(kind: K, record: RecordFor<K>): ExtractedNextStep | null {
  switch (kind) {
    case "strategy-discussion": {
      const r = record as RecordFor<"strategy-discussion">;
      return { kind: r.nextStep.kind, reason: r.nextStep.reason, countsFrom: r.meeting.date };
    }
    case "icpc": {
      const r = record as RecordFor<"icpc">;
      return r.plan && r.reviewDate
        ? { kind: "review-conference", reason: r.decisionReason, dueDate: r.reviewDate }
        : { kind: "no-child-protection-plan", reason: r.decisionReason };
    }
    case "review-conference": {
      const r = record as RecordFor<"review-conference">;
      return r.outcome === "continues" && r.nextReviewDate
        ? { kind: "review-conference", reason: r.reason, dueDate: r.nextReviewDate }
        : { kind: "plan-ends", reason: r.reason };
    }
    case "transfer-in-conference": {
      const r = record as RecordFor<"transfer-in-conference">;
      return r.plan && r.nextReviewDate
        ? { kind: "review-conference", reason: r.decisionReason, dueDate: r.nextReviewDate }
        : { kind: "no-child-protection-plan", reason: r.decisionReason };
    }
    default:
      return null;
  }
}
