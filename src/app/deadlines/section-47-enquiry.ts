import { randomUUID } from "node:crypto";
import type { Case } from "../../domain/case/case-reference";
import type { DecisionRecordPayload, RecordFor } from "../../domain/decision-record/decision-record.schema";
import { isEnquiryOngoing, type Section47Enquiry } from "../../domain/enquiry/section-47-enquiry";
import type { Meeting } from "../../domain/meeting/meeting";
import { isoDateInLondon, type IsoDate } from "../../domain/shared/iso-date";
import type { AppDeps } from "../app-deps";
import type { DeadlineRow } from "../ports/deadline";
import type { Repositories } from "../ports/unit-of-work";
import { openDeadline, waiveOpenDeadline } from "./open-deadline";

/** The source kind of an initial conference clock: it belongs to the enquiry, not to a discussion. */
export const ENQUIRY_SOURCE_KIND = "s47-enquiry";

/** The enquiry still under way on a case (open, or substantiated and awaiting its conference), if any. */
export async function ongoingEnquiry(repos: Repositories, caseId: string): Promise<Section47Enquiry | null> {
  const all = await repos.enquiries.listForCase(caseId);
  return all.find(isEnquiryOngoing) ?? null;
}

/**
 * Starts a section 47 enquiry on `startDate` and opens its one initial conference clock
 * (15 working days from the start: Working Together counts from the discussion "at which
 * section 47 enquiries were initiated").
 */
export async function startEnquiry(
  deps: Pick<AppDeps, "clock" | "calendar">,
  repos: Repositories,
  c: Case,
  start: { startDate: IsoDate; startSource: Section47Enquiry["startSource"]; meetingId: string | null; actorId: string },
): Promise<{ enquiry: Section47Enquiry; icpc: DeadlineRow }> {
  const enquiry: Section47Enquiry = {
    id: randomUUID(), caseId: c.id, startDate: start.startDate, startSource: start.startSource, startedByMeetingId: start.meetingId,
    status: "open", outcome: null, outcomeReason: null, outcomeDate: null, outcomeById: null,
  };
  await repos.enquiries.create(enquiry);
  if (start.meetingId) await repos.enquiries.addDiscussion({ meetingId: start.meetingId, enquiryId: enquiry.id, role: "initiated" });
  const icpc = await openDeadline(deps, repos, c, { rule: "icpc", sourceKind: ENQUIRY_SOURCE_KIND, sourceId: enquiry.id, from: enquiry.startDate });
  await repos.audit.append({
    at: deps.clock.now(), actorId: start.actorId, action: "create", entityType: "s47-enquiry", entityId: enquiry.id, caseId: c.id,
    detail: { startDate: enquiry.startDate, startSource: enquiry.startSource, meetingId: start.meetingId, icpcDeadlineId: icpc.id },
  });
  return { enquiry, icpc };
}

/**
 * Brings the case's section 47 enquiries in line with a strategy discussion's record version.
 * - s47 "yes" and an enquiry already under way: the discussion continues it, and no second
 *   initial conference clock opens.
 * - s47 "yes" and none under way: the discussion initiates one, from the discussion's own date.
 * - amended away from "yes": an enquiry it initiated (and not yet concluded) is withdrawn and
 *   its clock waived citing the amendment; a continued one simply loses the link.
 */
export async function applyStrategyDecisionToEnquiry(
  deps: AppDeps,
  repos: Repositories,
  c: Case,
  meeting: Meeting,
  record: DecisionRecordPayload,
  amendment: { version: number; reason: string | null },
): Promise<void> {
  if (meeting.kind !== "strategy-discussion") return;
  const r = record as RecordFor<"strategy-discussion">;
  const linked = await repos.enquiries.findDiscussion(meeting.id);
  const now = deps.clock.now();
  if (r.decision.s47 === "yes") {
    if (linked) return;
    const ongoing = await ongoingEnquiry(repos, c.id);
    if (ongoing) {
      await repos.enquiries.addDiscussion({ meetingId: meeting.id, enquiryId: ongoing.id, role: "continued" });
      await repos.audit.append({
        at: now, actorId: meeting.convenorId, action: "change", entityType: "s47-enquiry", entityId: ongoing.id, caseId: c.id,
        detail: { continuedByMeetingId: meeting.id },
      });
      return;
    }
    const startDate = r.meeting.date ?? isoDateInLondon(meeting.heldAt ?? now);
    await startEnquiry(deps, repos, c, { startDate, startSource: "strategy-discussion", meetingId: meeting.id, actorId: meeting.convenorId });
    return;
  }
  if (!linked) return;
  await repos.enquiries.removeDiscussion(meeting.id);
  if (linked.role !== "initiated") return;
  const enquiry = await repos.enquiries.findById(linked.enquiryId);
  if (!enquiry || enquiry.status !== "open") return;
  await repos.enquiries.update({ ...enquiry, status: "withdrawn" });
  // The reason in full: cutting it would misquote what the person wrote (it is at most 1,000 characters).
  const why = `Record amended (version ${amendment.version})${amendment.reason ? `: ${amendment.reason}` : ""}`;
  for (const d of await repos.deadlines.listOpenForCase(c.id)) {
    if (d.sourceId === enquiry.id) await waiveOpenDeadline(repos, d, why, meeting.convenorId, now);
  }
  await repos.audit.append({ at: now, actorId: meeting.convenorId, action: "change", entityType: "s47-enquiry", entityId: enquiry.id, caseId: c.id, detail: { status: "withdrawn" } });
}

/** An initial conference was held: the enquiry it belongs to is concluded (substantiated, with the conference). */
export async function concludeEnquiriesForConference(repos: Repositories, c: Case, heldOn: IsoDate, actorId: string, now: Date): Promise<void> {
  for (const e of await repos.enquiries.listForCase(c.id)) {
    if (!isEnquiryOngoing(e) || e.startDate > heldOn) continue;
    await repos.enquiries.update({ ...e, status: "closed", outcome: e.outcome ?? "substantiated-icpc", outcomeDate: e.outcomeDate ?? heldOn, outcomeById: e.outcomeById ?? actorId });
    await repos.audit.append({ at: now, actorId, action: "change", entityType: "s47-enquiry", entityId: e.id, caseId: c.id, detail: { status: "closed", conferenceHeldOn: heldOn } });
  }
}
