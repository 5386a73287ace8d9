import type { Case } from "../../domain/case/case-reference";
import type { DecisionRecordPayload, RecordFor } from "../../domain/decision-record/decision-record.schema";
import type { Meeting } from "../../domain/meeting/meeting";
import { isoDateInLondon } from "../../domain/shared/iso-date";
import type { AppDeps } from "../app-deps";
import type { Repositories } from "../ports/unit-of-work";
import { closeOpenDeadline } from "./close-clock";
import { CLOSED_ON_BEFORE_START } from "../../domain/deadline/clock-closing";
import { DomainError } from "../../domain/shared/domain-error";

/**
 * A review conference whose record is marked "the review before the 18th birthday" closes that
 * clock, judged on the review's own date, but only when it was held before the birthday (the
 * clock's source date). An ordinary review, or one held on or after the birthday, leaves it open.
 */
export async function closeReviewBefore18ForRecord(deps: Pick<AppDeps, "clock" | "calendar">, repos: Repositories, c: Case, meeting: Meeting, record: DecisionRecordPayload, actorId: string): Promise<void> {
  if (meeting.kind !== "review-conference" || !meeting.heldAt) return;
  if ((record as RecordFor<"review-conference">).reviewBeforeEighteen !== true) return;
  const heldOn = isoDateInLondon(meeting.heldAt);
  for (const d of await repos.deadlines.listOpenForCase(c.id)) {
    if (d.rule !== "review-before-18" || heldOn >= d.sourceDate) continue;
    try {
      await closeOpenDeadline(deps, repos, d, { kind: "meeting-held", on: heldOn, byId: actorId, meetingId: meeting.id, detail: { markedAsReviewBefore18: true } });
    } catch (err) {
      // Held before the clock was opened (the date of birth was recorded later): it cannot have met it.
      if (err instanceof DomainError && err.code === CLOSED_ON_BEFORE_START) continue;
      throw err;
    }
  }
}
