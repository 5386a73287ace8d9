import { DateTime } from "luxon";
import { ROW_AGENCY, AGENCY_LABELS } from "../../domain/agency/agency";
import { LONDON } from "../../domain/shared/iso-date";
import { dutyContactFor } from "../../domain/agency/agency-directory";
import type { WorkingDayCalendar } from "../../domain/calendar/working-day-calendar";
import { chaseStep, DEFAULT_REMINDERS_BEFORE_ESCALATION } from "../../domain/chase/chase-plan";
import { answeringPractitionerId, INVITEE_ROLE_LABELS } from "../../domain/invitation/invitation";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import type { Clock } from "../../domain/shared/clock";
import type { Practitioner } from "../ports/practitioner";
import type { AppLogger } from "../ports/plumbing";
import type { Repositories, UnitOfWork } from "../ports/unit-of-work";
import { londonLabel } from "../views/roster-view";
import { runIsolatedPass } from "../scheduling/isolated-pass";
import type { ChaseView, MentionView } from "../views/view-models";

/** What a chase pass needs. */
export interface ChasePassDeps {
  uow: UnitOfWork;
  clock: Clock;
  calendar: WorkingDayCalendar;
  logger: AppLogger;
  /** Reminders before the chase escalates (config CONVENE_CHASE_REMINDERS). */
  remindersBeforeEscalation?: number;
}

/** One reminder or escalation the pass enqueued. */
export interface SentChase {
  invitationId: string;
  count: number;
  escalated: boolean;
  channelLinkIds: string[];
}

/** What a pass did. */
export interface ChasePassResult {
  sent: SentChase[];
  considered: number;
  failed: number;
}

const FAILED_RETRY_MS = 15 * 60_000;

/**
 * One chase pass: every invitation whose next reminder has come (through the nextChaseAt
 * index) gets, in its own transaction, a reminder in each case channel mentioning the invitee,
 * or after the last reminder one escalation to the convenor and team manager naming the
 * agency's duty contact. Outbox keys are `chase/<invitation>/<count>/<due time>/<channel>`, so
 * two schedulers, a rerun or a restart never send one twice (they read the same due time),
 * while a chase started again (after a reschedule, or for a new question such as which proposed
 * times someone can make) is not mistaken for the first round's reminder of the same number.
 * A pass after downtime sends the one reminder now due, not every one it missed. While times are
 * proposed for a meeting ("find a time"), a row is answered once it has marked its times.
 */
export async function runChasePass(deps: ChasePassDeps, opts: { limit?: number } = {}): Promise<ChasePassResult> {
  const now = deps.clock.now();
  const batch = opts.limit ?? 500;
  const result: ChasePassResult = await runIsolatedPass({
    batch,
    listDue: async () => (await deps.uow.run((repos) => repos.invitations.listDueForChase(now, batch))).map((i) => i.id),
    handle: (id) => deps.uow.run((repos) => chaseOne(repos, id, now, deps)),
    onFailure: (id, err) => deps.logger.error({ invitationId: id, err: (err as Error).message }, "chase failed for an invitation; others continue"),
    pushBack: (id) =>
      deps.uow.run(async (repos) => {
        const row = await repos.invitations.findById(id);
        if (row?.nextChaseAt) await repos.invitations.update({ ...row, nextChaseAt: new Date(now.getTime() + FAILED_RETRY_MS) });
      }),
  });
  if (result.sent.length) deps.logger.info({ sent: result.sent.length, considered: result.considered }, "chase pass");
  return result;
}

function mentionsOn(people: Practitioner[], platform: string): MentionView[] {
  return people.filter((p) => p.platform === platform).map((p) => ({ platformUserId: p.platformUserId, displayName: p.displayName }));
}

async function chaseOne(repos: Repositories, invitationId: string, now: Date, deps: ChasePassDeps): Promise<SentChase | null> {
  // Re-read inside the transaction: another scheduler may have handled it since the listing.
  const inv = await repos.invitations.findById(invitationId);
  if (!inv || !inv.nextChaseAt || inv.nextChaseAt > now) return null;
  const meeting = await repos.meetings.findById(inv.meetingId);
  const c = meeting ? await repos.cases.findById(meeting.caseId) : null;
  const sent = inv.chaseCount ?? 0;
  const polling = meeting?.status === "proposed" && (await repos.timePolls.listForMeeting(meeting.id)).length > 0;
  const answered = polling ? (await repos.timePolls.listAnswers(meeting!.id)).some((a) => a.invitationId === inv.id) : inv.response !== "invited";
  const step = chaseStep({
    required: inv.required,
    answered,
    meetingOpen: meeting?.status === "proposed" || meeting?.status === "scheduled",
    meetingAt: meeting?.scheduledAt ?? null,
    sent,
    urgency: meeting?.urgency ?? "routine",
    now,
    calendar: deps.calendar,
    remindersBeforeEscalation: deps.remindersBeforeEscalation ?? DEFAULT_REMINDERS_BEFORE_ESCALATION,
  });
  if (step.kind === "stop" || !meeting || !c) {
    await repos.invitations.update({ ...inv, nextChaseAt: null });
    return null;
  }
  const roleLabel = INVITEE_ROLE_LABELS[inv.role];
  const whenLabel = meeting.scheduledAt ? londonLabel(meeting.scheduledAt) : "Time to be agreed";
  const kindTitle = meetingKindTitle(meeting.kind);
  const agency = ROW_AGENCY[inv.role];
  const dutyContact = step.kind === "escalate" && agency ? dutyContactFor(await repos.agencyDirectory.list(), agency) : null;
  const ids = step.kind === "remind" ? [answeringPractitionerId(inv)] : [meeting.convenorId, c.leadSocialWorkerId, c.teamManagerId];
  const people = await repos.practitioners.findManyByIds([...new Set(ids.filter((x): x is string => Boolean(x)))]);
  const time = meeting.scheduledAt ? `for ${DateTime.fromJSDate(meeting.scheduledAt, { zone: LONDON }).toFormat("ccc d LLL, HH:mm")}` : "yet";
  const who = agency ? AGENCY_LABELS[agency] : roleLabel;
  const prompt =
    step.kind === "remind"
      ? polling
        ? `Please mark the times you can make for the ${roleLabel} row: press "Times I can make…" on the roster card.`
        : `Please answer the ${roleLabel} row on the roster card: accept, decline or delegate.`
      : polling
        ? `${who} ${agency ? "have" : "has"} not said which proposed times they can make: ask them, or pick a time and chase.${dutyContact ? ` Duty contact: ${dutyContact}.` : ""}`
        : `${who} ${agency ? "have" : "has"} not confirmed ${time}: ask for a delegate or move the meeting.${dutyContact ? ` Duty contact: ${dutyContact}.` : ""}`;
  const links = await repos.channelLinks.listForCase(c.id);
  for (const link of links) {
    const view: ChaseView = {
      invitationId: inv.id,
      meetingId: meeting.id,
      caseReference: c.reference,
      kindTitle,
      roleLabel,
      inviteeLabel: inv.inviteeLabel,
      whenLabel,
      count: step.count,
      escalated: step.kind === "escalate",
      mentions: mentionsOn(people, link.platform),
      dutyContact,
      prompt,
    };
    await repos.outbox.enqueue({ idempotencyKey: `chase/${inv.id}/${step.count}/${inv.nextChaseAt.getTime()}/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "chase", view }, availableAt: now });
  }
  await repos.invitations.update({ ...inv, chaseCount: step.count, nextChaseAt: step.kind === "remind" ? step.next : null });
  await repos.audit.append({ at: now, actorId: "convene:scheduler", action: "create", entityType: "chase", entityId: inv.id, caseId: c.id, detail: { count: step.count, escalated: step.kind === "escalate", role: inv.role } });
  return { invitationId: inv.id, count: step.count, escalated: step.kind === "escalate", channelLinkIds: links.map((l) => l.id) };
}
