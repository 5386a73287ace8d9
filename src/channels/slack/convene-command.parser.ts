import type { MeetingKind } from "../../domain/meeting/meeting-kind";

/** What `/convene …` (or `@Convene …`) asked for. */
export type ConveneRequest =
  | { verb: "link"; caseRef: string }
  | { verb: "convene"; kind: MeetingKind; caseRef: string }
  | { verb: "deadlines"; caseRef: string | undefined }
  | { verb: "help" };

/** The words users type, mirroring the Teams commands. */
export const MEETING_VERBS: Record<string, MeetingKind> = {
  strategy: "strategy-discussion",
  "core-group": "core-group",
  icpc: "icpc",
  review: "review-conference",
  "transfer-in": "transfer-in-conference",
};

/**
 * Parses the text after `/convene` (mentions already stripped). Unknown or incomplete input
 * is `help`, so a typo shows the command list rather than an error.
 */
export function parseConveneText(text: string): ConveneRequest {
  const [verbRaw, ref] = text.trim().split(/\s+/);
  const verb = (verbRaw ?? "").toLowerCase();
  if (verb === "link" && ref) return { verb: "link", caseRef: ref };
  if (verb === "deadlines") return { verb: "deadlines", caseRef: ref };
  const kind = MEETING_VERBS[verb];
  if (kind && ref) return { verb: "convene", kind, caseRef: ref };
  return { verb: "help" };
}

/** Removes `<@U…>` mentions (the bot's own) from an app_mention's text. */
export function stripMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " ").trim();
}
