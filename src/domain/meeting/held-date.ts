import type { Meeting } from "./meeting";

/**
 * When a meeting was held, for its clocks: the time it was scheduled for, when that has
 * passed, because convenors often press "Mark held" days later and a conference held within
 * timescale must not count as missed. A meeting marked held before its scheduled time (it was
 * brought forward) or with no time set was held now.
 */
export function heldAtForClocks(meeting: Pick<Meeting, "scheduledAt">, now: Date): Date {
  return meeting.scheduledAt && meeting.scheduledAt.getTime() <= now.getTime() ? meeting.scheduledAt : now;
}
