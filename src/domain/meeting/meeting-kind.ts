/** The meetings Convene convenes and records, as Working Together names them. */
export const MEETING_KINDS = [
  "strategy-discussion",
  "icpc",
  "core-group",
  "review-conference",
  "transfer-in-conference",
] as const;

/** One of {@link MEETING_KINDS}. */
export type MeetingKind = (typeof MEETING_KINDS)[number];

const TITLES: Record<MeetingKind, string> = {
  "strategy-discussion": "Strategy discussion",
  icpc: "Initial child protection conference",
  "core-group": "Core group meeting",
  "review-conference": "Review child protection conference",
  "transfer-in-conference": "Transfer-in conference",
};

/** Plain-English title for cards and exports. */
export function meetingKindTitle(kind: MeetingKind): string {
  return TITLES[kind];
}

/** True when `value` names a meeting kind. */
export function isMeetingKind(value: string): value is MeetingKind {
  return (MEETING_KINDS as readonly string[]).includes(value);
}
