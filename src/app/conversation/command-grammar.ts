import type { MeetingKind } from "../../domain/meeting/meeting-kind";

/** A case event that starts statutory clocks without a meeting (the app's `recordCaseEvent`). */
export type CaseEventKind = "referral" | "transfer-in" | "date-of-birth" | "s47-enquiry" | "looked-after";

/**
 * What a person asked for in words, in any channel: `/convene <words>` or `@Convene <words>`
 * in Slack, `@Convene <words>` in Teams, typed text in the playground. Missing words are ""
 * so the conversation can answer with the command's usage rather than a guess.
 */
export type TypedCommand =
  | { type: "link"; caseRef: string }
  | { type: "convene"; kind: MeetingKind; caseRef: string; word: string }
  | { type: "deadlines"; caseRef: string | undefined }
  | { type: "case-event"; event: CaseEventKind; caseRef: string; date: string; word: string }
  /** `plan-ends <ref> [date]`: opens the form that ends the child protection plan, with the date filled in. */
  | { type: "plan-ends"; caseRef: string; date: string }
  /** `my` or `mine`: the person's own meetings to answer, meetings they convene, and actions. */
  | { type: "my" }
  /** `help`, or anything not understood (`notUnderstood` names the word). */
  | { type: "help"; notUnderstood?: string };

/** The words for each meeting kind. `convene <word> <ref>` and `<word> <ref>` mean the same. */
export const MEETING_KIND_WORDS: Readonly<Record<string, MeetingKind>> = {
  strategy: "strategy-discussion",
  "strategy-discussion": "strategy-discussion",
  "core-group": "core-group",
  coregroup: "core-group",
  icpc: "icpc",
  review: "review-conference",
  "review-conference": "review-conference",
  "transfer-in": "transfer-in-conference",
  "transfer-in-conference": "transfer-in-conference",
};

/** The words that record a case event (`dob` is short for `date-of-birth`; `s47` records the day a section 47 enquiry started; `looked-after` the day the child became looked after). */
export const CASE_EVENT_WORDS: Readonly<Record<string, CaseEventKind>> = {
  referral: "referral",
  "transfer-in": "transfer-in",
  dob: "date-of-birth",
  "date-of-birth": "date-of-birth",
  s47: "s47-enquiry",
  "looked-after": "looked-after",
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The words a person typed, without the platform's markup: Teams' `<at>Convene</at>` and
 * the HTML its client wraps around text, Slack's `<@U123|convene>` mentions, and `&nbsp;`.
 * `mentionTexts` are the bot's own mention texts as the platform reported them.
 */
export function typedWords(raw: string, mentionTexts: readonly string[] = []): string {
  let out = raw;
  for (const m of mentionTexts) if (m) out = out.split(m).join(" ");
  return out
    .replace(/<at>[^<]*<\/at>/gi, " ")
    .replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The one command grammar. A leading `convene` is optional before a meeting kind, so
 * `convene strategy CS-1` and `strategy CS-1` both convene. `transfer-in` with a date records
 * the notification of a move; without one it convenes the transfer-in conference.
 */
export function parseTypedCommand(text: string): TypedCommand {
  let words = text.trim().split(/\s+/).filter(Boolean);
  if ((words[0] ?? "").toLowerCase() === "convene" && words.length > 1) words = words.slice(1);
  const word = (words[0] ?? "").toLowerCase();
  const [, ref = "", date = ""] = words;
  if (word === "" || word === "help" || word === "convene") return { type: "help" };
  if (word === "my" || word === "mine") return { type: "my" };
  if (word === "link") return { type: "link", caseRef: ref };
  if (word === "deadlines") return { type: "deadlines", caseRef: ref || undefined };
  if (word === "plan-ends" || word === "end-plan") return { type: "plan-ends", caseRef: ref, date };
  const event = CASE_EVENT_WORDS[word];
  if (event && (event !== "transfer-in" || DATE.test(date) || (date && !DATE.test(ref)))) {
    return { type: "case-event", event, caseRef: ref, date, word: word === "date-of-birth" ? "dob" : word };
  }
  const kind = MEETING_KIND_WORDS[word];
  if (kind) return { type: "convene", kind, caseRef: ref, word };
  return { type: "help", notUnderstood: words[0] };
}
