import type { RecordCaseEventCommand } from "../../app/use-cases/record-case-event";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";

/** A case event that starts statutory clocks (the app's `recordCaseEvent`). */
export type CaseEventKind = RecordCaseEventCommand["event"];

/** A command typed in a Teams conversation, after the bot's @mention is removed. */
export type TeamsTextCommand =
  | { type: "link"; caseRef: string }
  | { type: "convene"; kind: MeetingKind; caseRef: string }
  | { type: "deadlines"; caseRef: string | undefined }
  /** `referral|transfer-in|dob <case-ref> <YYYY-MM-DD>`; missing words are "" (the bot answers with the usage). */
  | { type: "case-event"; event: CaseEventKind; caseRef: string; date: string }
  | { type: "help" }
  | { type: "unknown"; text: string };

const KIND_WORDS: Record<string, MeetingKind> = {
  strategy: "strategy-discussion",
  "strategy-discussion": "strategy-discussion",
  "core-group": "core-group",
  coregroup: "core-group",
  icpc: "icpc",
  review: "review-conference",
  "review-conference": "review-conference",
  "transfer-in": "transfer-in-conference",
};

/**
 * Removes `<at>…</at>` mention markup (Teams puts the bot's name there) and HTML the
 * Teams client may wrap around text, leaving the words the user typed.
 */
export function stripMentionText(raw: string, mentionTexts: string[] = []): string {
  let out = raw;
  for (const m of mentionTexts) if (m) out = out.split(m).join(" ");
  return out
    .replace(/<at>[^<]*<\/at>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The words that record a case event (`dob` is short for `date-of-birth`). */
export const CASE_EVENT_WORDS: Record<string, CaseEventKind> = {
  referral: "referral",
  "transfer-in": "transfer-in",
  dob: "date-of-birth",
  "date-of-birth": "date-of-birth",
};

/** Parses `link`, `convene <kind>`, `deadlines`, the case events and `help`; anything else is `unknown`. */
export function parseTeamsCommand(text: string): TeamsTextCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const verb = (words[0] ?? "").toLowerCase();
  switch (verb) {
    case "link":
      return { type: "link", caseRef: words[1] ?? "" };
    case "convene": {
      const kind = KIND_WORDS[(words[1] ?? "").toLowerCase()];
      if (!kind) return { type: "unknown", text };
      return { type: "convene", kind, caseRef: words[2] ?? "" };
    }
    case "deadlines":
      return { type: "deadlines", caseRef: words[1] };
    case "referral":
    case "transfer-in":
    case "dob":
    case "date-of-birth":
      return { type: "case-event", event: CASE_EVENT_WORDS[verb]!, caseRef: words[1] ?? "", date: words[2] ?? "" };
    case "help":
    case "":
      return { type: "help" };
    default:
      return { type: "unknown", text };
  }
}
