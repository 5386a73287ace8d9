import { DateTime } from "luxon";
import { answeredInChat, INVITEE_ROLE_LABELS, type Invitation, type InviteeRole } from "../invitation/invitation";
import { DomainError } from "../shared/domain-error";
import { LONDON } from "../shared/iso-date";
import { parseLondonTime } from "./meeting-date";

/** At most this many times can be proposed for one meeting. */
export const MAX_PROPOSED_TIMES = 5;
/** A poll needs a choice: with one time, convene or reschedule to it instead. */
export const MIN_PROPOSED_TIMES = 2;
/** Proposed times start no earlier than this and no later than `LATEST_START` (UK time): people must be able to attend from work. */
export const EARLIEST_START = "07:00";
export const LATEST_START = "20:00";

/** A time the convenor proposed ("find a time"). */
export interface ProposedTime {
  id: string;
  meetingId: string;
  /** 1 to 5, in the order proposed. */
  ordinal: number;
  startsAt: Date;
}

/** Whether a roster row can make a proposed time. */
export interface TimeAnswer {
  slotId: string;
  invitationId: string;
  available: boolean;
  answeredById: string;
  answeredAt: Date;
}

/**
 * Checks proposed times ("YYYY-MM-DDTHH:mm", UK time), and returns them as instants in the
 * order given. Every problem is reported, by the time's index, so each can be shown beside its
 * own box: a time that does not exist, one that has passed, one outside 07:00–20:00, and a
 * repeat of an earlier one. Throws `TIMES_INVALID` (details.times: index → message) or
 * `TOO_FEW_TIMES` / `TOO_MANY_TIMES`.
 */
export function checkProposedTimes(locals: readonly string[], now: Date): Date[] {
  if (locals.length < MIN_PROPOSED_TIMES) throw new DomainError("TOO_FEW_TIMES", `Propose at least ${MIN_PROPOSED_TIMES} times for people to choose from. For a single time, use Reschedule… instead.`, { field: "times" });
  if (locals.length > MAX_PROPOSED_TIMES) throw new DomainError("TOO_MANY_TIMES", `Propose at most ${MAX_PROPOSED_TIMES} times.`, { field: "times" });
  const problems: Record<number, string> = {};
  const out: Date[] = [];
  const seen = new Map<number, number>();
  locals.forEach((local, index) => {
    let at: Date;
    try {
      at = parseLondonTime(local);
    } catch (err) {
      problems[index] = err instanceof DomainError ? err.message : "That is not a date and time.";
      return;
    }
    const words = DateTime.fromJSDate(at, { zone: LONDON }).toFormat("ccc d LLL yyyy, HH:mm");
    const hhmm = local.slice(11, 16);
    if (at.getTime() <= now.getTime()) problems[index] = `${words} has passed. Propose a later time.`;
    else if (hhmm < EARLIEST_START || hhmm > LATEST_START) problems[index] = `${hhmm} is outside ${EARLIEST_START}–${LATEST_START}. Propose a time people can attend from work.`;
    else if (seen.has(at.getTime())) problems[index] = `${words} is already option ${seen.get(at.getTime())! + 1}.`;
    seen.set(at.getTime(), seen.get(at.getTime()) ?? index);
    out.push(at);
  });
  const first = Object.values(problems)[0];
  if (first) throw new DomainError("TIMES_INVALID", first, { times: problems });
  return out;
}

/** One proposed time, tallied: which roles can make it, which cannot, and which have not said. */
export interface TimeTally {
  slotId: string;
  startsAt: Date;
  canMake: InviteeRole[];
  cannotMake: InviteeRole[];
  notYet: InviteeRole[];
  /** Every required role has someone who can make it. */
  allRequired: boolean;
}

/**
 * Tallies the answers per proposed time, by role (a role can make it if any of its rows can),
 * and picks the earliest time at which every required role can attend (null if none yet).
 * Only rows answered in chat count: a parent or the child is not asked in chat.
 */
export function tallyTimes(
  times: readonly ProposedTime[],
  rows: readonly Invitation[],
  answers: readonly TimeAnswer[],
  required: readonly InviteeRole[],
): { tallies: TimeTally[]; bestSlotId: string | null } {
  const asked = rows.filter(answeredInChat);
  const byKey = new Map(answers.map((a) => [`${a.slotId}/${a.invitationId}`, a.available]));
  const roles = [...new Set(asked.map((r) => r.role))];
  const tallies = [...times]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((t) => {
      const of = (role: InviteeRole) => asked.filter((r) => r.role === role).map((r) => byKey.get(`${t.id}/${r.id}`));
      const canMake = roles.filter((role) => of(role).some((v) => v === true));
      const cannotMake = roles.filter((role) => !canMake.includes(role) && of(role).every((v) => v === false));
      const notYet = roles.filter((role) => !canMake.includes(role) && !cannotMake.includes(role));
      return { slotId: t.id, startsAt: t.startsAt, canMake, cannotMake, notYet, allRequired: required.every((r) => canMake.includes(r)) };
    });
  const best = [...tallies].filter((t) => t.allRequired).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  return { tallies, bestSlotId: best?.slotId ?? null };
}

/** "Social worker, Health and Police" */
export function roleList(roles: readonly InviteeRole[]): string {
  const words = roles.map((r) => INVITEE_ROLE_LABELS[r]);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
