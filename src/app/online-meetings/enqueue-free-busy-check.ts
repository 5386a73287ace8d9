import type { AppDeps } from "../app-deps";
import { enqueueMeetingJob } from "./enqueue-meeting-job";
import type { Repositories } from "../ports/unit-of-work";

/**
 * Enqueues "read the invitees' Outlook free/busy at meeting M's proposed times" in the caller's
 * transaction, after times are proposed or the invitees change while a poll is open. The
 * dispatcher runs it later, with retries, so Graph being slow or down never fails the person's
 * command; the job reads the poll and the roster as they are when it runs, so an older pending
 * check is superseded rather than run. Does nothing when Graph is not configured.
 * `causeKey` names the command (a redelivery adds nothing).
 */
export async function enqueueFreeBusyCheck(deps: Pick<AppDeps, "onlineMeetings">, repos: Repositories, caseId: string, meetingId: string, causeKey: string, now: Date): Promise<void> {
  await enqueueMeetingJob(deps, repos, "free-busy", caseId, meetingId, causeKey, now);
}
