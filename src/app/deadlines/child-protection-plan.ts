import type { IsoDate } from "../../domain/shared/iso-date";
import { isoDateInLondon } from "../../domain/shared/iso-date";
import type { Meeting } from "../../domain/meeting/meeting";
import type { Repositories } from "../ports/unit-of-work";

/** The child protection plan a case has now, if any. */
export interface PlanInForce {
  /** The day the conference that made it was held (the census plan start). */
  startedOn: IsoDate;
  /** That conference (an initial or transfer-in conference). */
  conference: Meeting;
}

/**
 * The plan in force on a case: the latest initial (or transfer-in) conference held whose latest
 * record made a plan, unless a review conference held since ended it or an end was recorded for
 * it. Read from the records, never from a card, so every channel agrees.
 */
export async function planInForce(repos: Repositories, caseId: string): Promise<PlanInForce | null> {
  const meetings = (await repos.meetings.listForCase(caseId)).filter((m) => m.heldAt);
  const records = await repos.records.listForCase(caseId);
  const latest = (meetingId: string) => records.filter((r) => r.meetingId === meetingId).sort((a, b) => b.version - a.version)[0]?.payload as { plan?: unknown; outcome?: unknown } | undefined;
  const starts = meetings
    .filter((m) => (m.kind === "icpc" || m.kind === "transfer-in-conference") && latest(m.id)?.plan === true)
    .map((m) => ({ conference: m, startedOn: isoDateInLondon(m.heldAt!) }))
    .sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const plan = starts.at(-1);
  if (!plan) return null;
  const endedByReview = meetings.some((m) => m.kind === "review-conference" && isoDateInLondon(m.heldAt!) >= plan.startedOn && latest(m.id)?.outcome === "ends");
  if (endedByReview) return null;
  const ended = (await repos.planEnds.listForCase(caseId)).some((e) => e.planStartedOn === plan.startedOn);
  return ended ? null : plan;
}
