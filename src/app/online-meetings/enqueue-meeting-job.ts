import type { AppDeps } from "../app-deps";
import type { OutboxJob } from "../ports/outbox";
import type { Repositories } from "../ports/unit-of-work";

/** The Graph jobs a meeting can have queued: its Teams meeting brought in line, its invitees' free/busy read. */
export type MeetingJob = OutboxJob["type"];

/** The anchor every job of one kind for one meeting shares: a newer one replaces an older pending one. */
export function meetingJobAnchor(meetingId: string, job: MeetingJob): string {
  return `meeting/${meetingId}/${job === "calendar-sync" ? "calendar" : "free-busy"}`;
}

/**
 * Enqueues a Graph job for a meeting in the caller's transaction. The dispatcher runs it later,
 * with retries, so Graph being slow or down never fails the person's command; the job reads the
 * meeting as it is when it runs, so an older pending job of the same kind is superseded rather
 * than run. Does nothing when Graph is not configured. `causeKey` names the command (a
 * redelivery adds nothing).
 */
export async function enqueueMeetingJob(deps: Pick<AppDeps, "onlineMeetings">, repos: Repositories, job: MeetingJob, caseId: string, meetingId: string, causeKey: string, now: Date): Promise<void> {
  if (!deps.onlineMeetings) return;
  // Jobs go to no conversation; the row still names one of the case's, so operators can tell which case it is for.
  const link = (await repos.channelLinks.listForCase(caseId))[0];
  if (!link) return;
  const anchorKey = meetingJobAnchor(meetingId, job);
  const key = `${anchorKey}/${causeKey}`;
  if (await repos.outbox.enqueue({ idempotencyKey: key, channelLinkId: link.id, operation: "update", anchorKey, payload: { type: job, meetingId }, availableAt: now })) {
    await repos.outbox.supersedePendingUpdates(anchorKey, key);
  }
}
