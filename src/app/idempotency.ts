import type { Repositories } from "./ports/unit-of-work";
import type { RosterView } from "./views/view-models";
import { loadRoster } from "./views/load-roster";

/**
 * Runs `fn` once per key. Slack and Teams redeliver; the first delivery's answer is stored
 * with the state change (same transaction), and a redelivery gets that answer back while
 * changing nothing. A failed first attempt rolls back its claim, so a retry runs again.
 *
 * The stored answer is small: a roster in it (every Accept answers with one) is kept as a
 * reference, its meeting and revision, and rebuilt from the database on a redelivery.
 * Storing the card itself cost about 1 KB a click, forever.
 */
export async function runOnce<T>(repos: Repositories, key: string, fn: () => Promise<T>): Promise<T> {
  const claim = await repos.processed.claim(key);
  if (!claim.fresh) {
    if (claim.response !== null) return (await expandReply(repos, JSON.parse(claim.response))) as T;
  }
  const result = await fn();
  await repos.processed.saveResponse(key, JSON.stringify(compactReply(result ?? null)));
  return result;
}

/** A roster, as a stored answer keeps it: enough to rebuild the same card. */
interface RosterRef {
  /** The meeting the roster is of. */
  meetingId: string;
  /** The revision the first answer carried (it also dates the calendar link). */
  revision: number;
  /** The signed calendar link the first answer carried, if any. */
  calendarUrl?: string;
}

const ROSTER_REF = "$rosterRef";

function isRoster(v: unknown): v is RosterView {
  return typeof v === "object" && v !== null && typeof (v as RosterView).meetingId === "string" && typeof (v as RosterView).revision === "number" && Array.isArray((v as RosterView).rows);
}

/** The answer to store: a top-level `roster` becomes a reference; everything else is kept as is (notices, ids, errors are small). */
function compactReply(result: unknown): unknown {
  if (typeof result !== "object" || result === null || !("roster" in result)) return result;
  const { roster, ...rest } = result as { roster: unknown };
  if (!isRoster(roster) || roster.viewer) return result; // a per-person copy is not rebuilt from the meeting alone
  const ref: RosterRef = { meetingId: roster.meetingId, revision: roster.revision, ...(roster.calendarUrl ? { calendarUrl: roster.calendarUrl } : {}) };
  return { ...rest, [ROSTER_REF]: ref };
}

/**
 * A stored answer made whole again. The roster is reloaded at the first answer's revision,
 * so a redelivery shows the same card: the meeting's rows as they now stand (the card is
 * updated in place to that state anyway), with the link the first answer gave.
 */
async function expandReply(repos: Repositories, stored: unknown): Promise<unknown> {
  if (typeof stored !== "object" || stored === null || !(ROSTER_REF in stored)) return stored;
  const { [ROSTER_REF]: ref, ...rest } = stored as Record<string, unknown> & { [ROSTER_REF]: RosterRef };
  const roster = await loadRoster(repos, ref.meetingId, ref.revision);
  return { ...rest, roster: ref.calendarUrl ? { ...roster, calendarUrl: ref.calendarUrl } : roster };
}

/**
 * The idempotency key of a command: platform, conversation, use case and the platform's own
 * id. The conversation is part of it because some platform ids are unique only within one
 * conversation (Teams message ids are timestamps).
 */
export function commandKey(conversation: { platform: string; conversationId: string }, useCase: string, key: string): string {
  return `${conversation.platform}:${conversation.conversationId}:${useCase}:${key}`;
}
