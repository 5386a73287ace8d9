import type { RecordCaseEventCommand } from "../../app/use-cases/record-case-event";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";

/** A case event that starts statutory clocks (the app's `recordCaseEvent`). */
export type CaseEventKind = RecordCaseEventCommand["event"];

/** What `/convene …` (or `@Convene …`) asked for. */
export type ConveneRequest =
  | { verb: "link"; caseRef: string }
  | { verb: "convene"; kind: MeetingKind; caseRef: string }
  | { verb: "deadlines"; caseRef: string | undefined }
  /** `referral|transfer-in|dob <ref> <YYYY-MM-DD>`; missing words are "" (the listener answers with the usage). */
  | { verb: "case-event"; event: CaseEventKind; caseRef: string; date: string }
  | { verb: "help" };

/** The words users type, mirroring the Teams commands. */
export const MEETING_VERBS: Record<string, MeetingKind> = {
  strategy: "strategy-discussion",
  "core-group": "core-group",
  icpc: "icpc",
  review: "review-conference",
  "transfer-in": "transfer-in-conference",
};

/** The words that record a case event (`dob` is short for `date-of-birth`), mirroring Teams. */
export const CASE_EVENT_VERBS: Record<string, CaseEventKind> = {
  referral: "referral",
  "transfer-in": "transfer-in",
  dob: "date-of-birth",
  "date-of-birth": "date-of-birth",
};

/**
 * Parses the text after `/convene` (mentions already stripped). Unknown or incomplete input
 * is `help`, so a typo shows the command list rather than an error. `transfer-in` does two
 * things: with a date it records the notification (`transfer-in <ref> <date>`), without one
 * it convenes the transfer-in conference (`transfer-in <ref>`), as before.
 */
export function parseConveneText(text: string): ConveneRequest {
  const [verbRaw, ref, date] = text.trim().split(/\s+/);
  const verb = (verbRaw ?? "").toLowerCase();
  if (verb === "link" && ref) return { verb: "link", caseRef: ref };
  if (verb === "deadlines") return { verb: "deadlines", caseRef: ref };
  const event = CASE_EVENT_VERBS[verb];
  if (event && (date || verb !== "transfer-in")) return { verb: "case-event", event, caseRef: ref ?? "", date: date ?? "" };
  const kind = MEETING_VERBS[verb];
  if (kind && ref) return { verb: "convene", kind, caseRef: ref };
  return { verb: "help" };
}

/** Removes `<@U…>` mentions (the bot's own) from an app_mention's text. */
export function stripMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " ").trim();
}
