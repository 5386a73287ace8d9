import type { AppDeps } from "../app-deps";
import { enqueueMeetingJob } from "./enqueue-meeting-job";
import type { Repositories } from "../ports/unit-of-work";

/**
 * Enqueues "bring meeting M's Teams meeting in line with the meeting" in the caller's
 * transaction: the ONE call a use case makes after changing a meeting's time, invitees or
 * status. The dispatcher runs it later, with retries, so Graph being slow or down never fails
 * the person's command. The job reads the meeting as it is when it runs (create, update or
 * cancel), so an older pending sync is superseded rather than run. Does nothing when Graph is
 * not configured. `causeKey` names the command (a redelivery adds nothing).
 */
export async function enqueueCalendarSync(deps: Pick<AppDeps, "onlineMeetings">, repos: Repositories, caseId: string, meetingId: string, causeKey: string, now: Date): Promise<void> {
  await enqueueMeetingJob(deps, repos, "calendar-sync", caseId, meetingId, causeKey, now);
}
