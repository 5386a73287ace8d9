import { randomUUID } from "node:crypto";
import type { Case } from "../../domain/case/case-reference";
import type { DecisionRecordPayload, RecordFor } from "../../domain/decision-record/decision-record.schema";
import type { RuleId } from "../../domain/deadline/statutory-rules";
import type { Meeting } from "../../domain/meeting/meeting";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { isoDateInLondon, type IsoDate } from "../../domain/shared/iso-date";
import type { AppDeps } from "../app-deps";
import type { DeadlineRow } from "../ports/deadline";
import type { Repositories } from "../ports/unit-of-work";
import type { Invitation } from "../../domain/invitation/invitation";
import { openDeadline, waiveOpenDeadline, type DeadlineEvent } from "./open-deadline";
import { extractActions } from "../../domain/decision-record/record-versioning";
import { CLOSED_ON_BEFORE_START } from "../../domain/deadline/clock-closing";
import { DomainError } from "../../domain/shared/domain-error";
import { closeOpenDeadline } from "./close-clock";
import { applyStrategyDecisionToEnquiry, concludeEnquiriesForConference } from "./section-47-enquiry";
import { closeReviewBefore18ForRecord } from "./review-before-18";

// Opening and waiving live in open-deadline.ts (section-47-enquiry.ts needs them too, without a cycle).
export { openDeadline, waiveOpenDeadline, type DeadlineEvent } from "./open-deadline";

/**
 * The clocks a finalised record starts (DOMAIN.md's rule table): an initial
 * conference that makes a plan → first core group (10 working days) and first review
 * (3 months); a core group → the next one (the local cadence, default 6 weeks); a review that continues the plan → the next review (6 months); every agreed
 * action → its own date.
 */
export function deadlineEventsForRecord(meeting: Meeting, record: DecisionRecordPayload, heldOn: IsoDate, actions: { id: string; dueDate: IsoDate }[]): DeadlineEvent[] {
  const events: DeadlineEvent[] = actions.map((a) => ({ rule: "action", sourceKind: "action", sourceId: a.id, from: a.dueDate, actionId: a.id }));
  const kind: MeetingKind = meeting.kind;
  const base = { sourceKind: kind, sourceId: meeting.id };
  // A strategy discussion's initial conference clock belongs to its section 47 enquiry
  // (section-47-enquiry.ts), so a second discussion in the same enquiry opens no second clock.
  if (kind === "icpc" || kind === "transfer-in-conference") {
    const r = record as RecordFor<"icpc">;
    if (r.plan) {
      events.push({ ...base, rule: "core-group", from: heldOn }, { ...base, rule: "first-review", from: heldOn });
    }
  } else if (kind === "core-group") {
    // Later core groups follow the local cadence from this one (the next one held closes it).
    events.push({ ...base, rule: "next-core-group", from: heldOn });
  } else if (kind === "review-conference") {
    const r = record as RecordFor<"review-conference">;
    if (r.outcome === "continues") events.push({ ...base, rule: "next-review", from: heldOn });
  }
  return events;
}

/** Opens every clock a newly finalised record starts. */
export async function createDeadlinesForRecord(deps: AppDeps, repos: Repositories, c: Case, meeting: Meeting, record: DecisionRecordPayload): Promise<void> {
  const heldOn = isoDateInLondon(meeting.heldAt ?? deps.clock.now());
  const actions = (await repos.actions.listForCase(c.id)).filter((a) => a.meetingId === meeting.id && a.status === "open");
  for (const e of deadlineEventsForRecord(meeting, record, heldOn, actions)) await openDeadline(deps, repos, c, e);
}

const actionKey = (a: { ownerLabel: string; description: string; dueDate: string }) =>
  [a.ownerLabel, a.description, a.dueDate].map((x) => x.trim().toLowerCase()).join("|");

/**
 * Brings actions and clocks in line with a record version. New actions are created (owned
 * by the roster member of that name, if any); actions no longer in the record are
 * cancelled and their clocks waived; clocks the record now starts are opened; clocks this
 * meeting started that the record no longer supports (s47 changed to "no") are waived. The
 * waiver reasons cite the amendment, so the history says why a clock stopped.
 */
export async function applyRecordToActionsAndDeadlines(
  deps: AppDeps,
  repos: Repositories,
  c: Case,
  meeting: Meeting,
  invitations: readonly Invitation[],
  record: DecisionRecordPayload,
  version: number,
  amendmentReason: string | null,
): Promise<void> {
  const now = deps.clock.now();
  // The reason in full: cutting it would misquote what the person wrote (it is at most 1,000 characters).
  const stopped = `Record amended (version ${version})${amendmentReason ? `: ${amendmentReason}` : ""}`;
  const existing = (await repos.actions.listForCase(c.id)).filter((a) => a.meetingId === meeting.id && a.status === "open");
  const wanted = extractActions(meeting.kind, record as RecordFor<MeetingKind>).map((a) => ({ ownerLabel: a.owner, description: a.description, dueDate: a.dueDate }));
  const wantedKeys = new Set(wanted.map(actionKey));
  const existingKeys = new Set(existing.map(actionKey));
  const openDeadlines = await repos.deadlines.listOpenForCase(c.id);
  const waive = (d: DeadlineRow) => waiveOpenDeadline(repos, d, stopped, meeting.convenorId, now);

  for (const a of existing.filter((x) => !wantedKeys.has(actionKey(x)))) {
    await repos.actions.update({ ...a, status: "cancelled" });
    for (const d of openDeadlines.filter((x) => x.actionId === a.id)) await waive(d);
  }
  for (const a of wanted.filter((x) => !existingKeys.has(actionKey(x)))) {
    const owner = invitations.find((i) => i.inviteeLabel.toLowerCase() === a.ownerLabel.toLowerCase());
    await repos.actions.create({
      id: randomUUID(), caseId: c.id, meetingId: meeting.id, ...a,
      ownerPractitionerId: owner?.inviteePractitionerId ?? owner?.claimedById ?? null, status: "open",
    });
  }
  await createDeadlinesForRecord(deps, repos, c, meeting, record);
  await applyStrategyDecisionToEnquiry(deps, repos, c, meeting, record, { version, reason: amendmentReason });
  await closeReviewBefore18ForRecord(deps, repos, c, meeting, record, meeting.convenorId);

  const heldOn = isoDateInLondon(meeting.heldAt ?? now);
  const startedRules = new Set(deadlineEventsForRecord(meeting, record, heldOn, []).map((e) => e.rule));
  for (const d of openDeadlines.filter((x) => x.sourceId === meeting.id && !x.actionId && !startedRules.has(x.rule as RuleId))) await waive(d);
}

/**
 * Which open clocks a held meeting of each kind satisfies. The review before 18 is not here:
 * only a review held before the birthday and marked as that review closes it.
 */
const SATISFIES: Partial<Record<MeetingKind, RuleId[]>> = {
  icpc: ["icpc"],
  "core-group": ["core-group", "next-core-group"],
  "review-conference": ["first-review", "next-review"],
  "transfer-in-conference": ["transfer-in"],
};

/**
 * Closes the case's open deadlines that this held meeting satisfies, judged on the meeting's
 * own date (meeting.heldAt, which Mark held sets from the meeting's date, not the press), as
 * met or missed, with the working days it took: the national measure is the share of
 * conferences held within timescale. A clock that started after the meeting is left open:
 * that meeting cannot have met it.
 */
export async function closeDeadlinesForHeldMeeting(deps: AppDeps, repos: Repositories, c: Case, meeting: Meeting, actorId: string = meeting.convenorId): Promise<void> {
  const rules = SATISFIES[meeting.kind];
  if (!rules || !meeting.heldAt) return;
  const heldOn = isoDateInLondon(meeting.heldAt);
  for (const d of await repos.deadlines.listOpenForCase(c.id)) {
    if (!rules.includes(d.rule as RuleId)) continue;
    try {
      await closeOpenDeadline(deps, repos, d, { kind: "meeting-held", on: heldOn, byId: actorId, meetingId: meeting.id });
    } catch (err) {
      if (err instanceof DomainError && err.code === CLOSED_ON_BEFORE_START) continue;
      throw err;
    }
  }
  if (meeting.kind === "icpc") await concludeEnquiriesForConference(repos, c, heldOn, actorId, deps.clock.now());
}
