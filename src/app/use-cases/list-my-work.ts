import { z } from "zod";
import type { Case } from "../../domain/case/case-reference";
import { ActorSchema } from "../../domain/commands/command.schemas";
import { answerRight, INVITEE_ROLE_LABELS } from "../../domain/invitation/invitation";
import { MEETING_STATUS_LABELS, type Meeting } from "../../domain/meeting/meeting";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import { countOf, workingDays } from "../../domain/language/plural";
import { isoDateInLondon } from "../../domain/shared/iso-date";
import type { AppDeps } from "../app-deps";
import type { Practitioner } from "../ports/practitioner";
import type { Repositories } from "../ports/unit-of-work";
import { dueDateLabel } from "../views/due-date-label";
import { rosterGaps } from "../views/roster-gaps";
import { buildRosterView, londonLabel } from "../views/roster-view";
import type { MyActionView, MyConvenedMeetingView, MyInvitationView, MyWorkView } from "../views/view-models";

export const ListMyWorkSchema = z.object({
  /** The person asking, as the platform vouched for them. Their list is theirs alone. */
  actor: ActorSchema,
});
/** Reads one person's own meetings and actions. */
export type ListMyWorkQuery = z.infer<typeof ListMyWorkSchema>;

/**
 * The most of each list one card holds. A Slack home view takes at most 100 blocks and each
 * answerable meeting or action needs two (its words and its buttons); past this the list
 * says how many more there are rather than dropping them silently.
 */
export const MY_WORK_LIMIT = 15;

/** A convenor's meetings that still need them: not yet held (answers, gaps), or held and not yet recorded. */
const CONVENOR_OPEN: readonly Meeting["status"][] = ["proposed", "scheduled", "held"];

/**
 * "My meetings and actions" for the person asking: the meetings waiting for their answer,
 * the open meetings they convened with their gaps, and their open agreed actions.
 *
 * Everything is read from our own rows for this one practitioner, found by the identity the
 * platform vouched for (never from anything typed or carried in a card):
 * - a row is theirs to answer by the same rule `respondToInvitation` enforces
 *   ({@link answerRight}): named to them, delegated to them, or an agency row they claimed.
 *   An agency row nobody has claimed is NOT listed: it is for the case channel, where its
 *   agency's duty desk claims it, and listing it to everyone would show other agencies' meetings;
 * - a case counts only in the asker's own tenant (cases are per tenant), so a practitioner
 *   row of another organisation never surfaces here.
 * Case reference, kind, time and role only: never the concern or a child's name. Read-only:
 * a person Convene has never met gets an empty list and no practitioner row.
 */
export async function listMyWork(deps: AppDeps, input: ListMyWorkQuery): Promise<MyWorkView> {
  const { actor } = ListMyWorkSchema.parse(input);
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const person = await repos.practitioners.findByIdentity(actor);
    const empty: MyWorkView = { personLabel: actor.displayName, toAnswer: [], convening: [], actions: [], more: { toAnswer: 0, convening: 0, actions: 0 }, asOfLabel: londonLabel(now) };
    if (!person) return empty;
    const cases = new CaseCache(repos, actor.tenant);
    const toAnswer = await invitationsToAnswer(repos, cases, person);
    const convening = await meetingsConvened(repos, cases, person, now);
    const actions = await openActions(deps, repos, cases, person, now);
    return {
      ...empty,
      toAnswer: toAnswer.slice(0, MY_WORK_LIMIT),
      convening: convening.slice(0, MY_WORK_LIMIT),
      actions: actions.slice(0, MY_WORK_LIMIT),
      more: { toAnswer: Math.max(0, toAnswer.length - MY_WORK_LIMIT), convening: Math.max(0, convening.length - MY_WORK_LIMIT), actions: Math.max(0, actions.length - MY_WORK_LIMIT) },
    };
  });
}

/** Cases read once each, and only those of the asker's tenant: another tenant's case reads as absent. */
class CaseCache {
  private readonly seen = new Map<string, Case | null>();
  constructor(
    private readonly repos: Repositories,
    private readonly tenant: string,
  ) {}

  async ofTenant(caseId: string): Promise<Case | null> {
    if (!this.seen.has(caseId)) {
      const c = await this.repos.cases.findById(caseId);
      this.seen.set(caseId, c && c.tenant === this.tenant ? c : null);
    }
    return this.seen.get(caseId) ?? null;
  }
}

/** Why a row is this person's to answer, in words. */
function reasonLabel(right: ReturnType<typeof answerRight>): string {
  if (right === "delegate") return "Delegated to you";
  if (right === "claimant") return "You answer for this agency's row";
  return "Invited by name";
}

async function invitationsToAnswer(repos: Repositories, cases: CaseCache, person: Practitioner): Promise<MyInvitationView[]> {
  const out: Array<MyInvitationView & { sortKey: number }> = [];
  const meetings = new Map<string, Meeting | null>();
  for (const inv of await repos.invitations.listAwaitingAnswerFrom(person.id)) {
    const right = answerRight(inv, person.id);
    // "claim" means an unclaimed agency row: the channel's to claim, not this person's list.
    if (right !== "invitee" && right !== "delegate" && right !== "claimant") continue;
    if (!meetings.has(inv.meetingId)) meetings.set(inv.meetingId, await repos.meetings.findById(inv.meetingId));
    const meeting = meetings.get(inv.meetingId);
    if (!meeting || (meeting.status !== "proposed" && meeting.status !== "scheduled")) continue;
    const c = await cases.ofTenant(meeting.caseId);
    if (!c) continue;
    out.push({
      invitationId: inv.id,
      meetingId: meeting.id,
      caseReference: c.reference,
      kindTitle: meetingKindTitle(meeting.kind),
      whenLabel: meeting.scheduledAt ? londonLabel(meeting.scheduledAt) : "Time to be agreed",
      role: inv.role,
      roleLabel: INVITEE_ROLE_LABELS[inv.role],
      inviteeLabel: inv.inviteeLabel,
      reasonLabel: reasonLabel(right),
      // Soonest first; a meeting still to be timed after the timed ones.
      sortKey: meeting.scheduledAt?.getTime() ?? Number.MAX_SAFE_INTEGER,
    });
  }
  return out.sort((a, b) => a.sortKey - b.sortKey).map(({ sortKey: _k, ...view }) => view);
}

async function meetingsConvened(repos: Repositories, cases: CaseCache, person: Practitioner, now: Date): Promise<MyConvenedMeetingView[]> {
  const out: MyConvenedMeetingView[] = [];
  for (const meeting of await repos.meetings.listConvenedBy(person.id, CONVENOR_OPEN)) {
    const c = await cases.ofTenant(meeting.caseId);
    if (!c) continue;
    const invitations = await repos.invitations.listForMeeting(meeting.id);
    const roster = buildRosterView(c, meeting, invitations, person.displayName, now.getTime());
    const held = meeting.status === "held";
    const answered = invitations.filter((i) => i.response !== "invited").length;
    out.push({
      meetingId: meeting.id,
      caseReference: c.reference,
      kindTitle: roster.kindTitle,
      whenLabel: roster.whenLabel,
      statusLabel: MEETING_STATUS_LABELS[meeting.status],
      answersLabel: `${answered} of ${countOf(invitations.length, "invitee")} answered`,
      // Once held, who came is settled: what is left is the record.
      gaps: held ? [] : rosterGaps(roster).map((g) => g.text),
      nextStep: held ? "Record the decisions from the roster in the case channel" : null,
    });
  }
  return out;
}

async function openActions(deps: AppDeps, repos: Repositories, cases: CaseCache, person: Practitioner, now: Date): Promise<MyActionView[]> {
  const today = isoDateInLondon(now);
  const out: MyActionView[] = [];
  for (const a of await repos.actions.listOpenForOwner(person.id)) {
    const c = await cases.ofTenant(a.caseId);
    if (!c) continue;
    const left = deps.calendar.workingDaysBetween(today, a.dueDate);
    out.push({
      actionId: a.id,
      caseReference: c.reference,
      description: a.description,
      dueDateLabel: dueDateLabel(a.dueDate),
      dueInLabel: left < 0 ? `overdue by ${workingDays(-left)}` : a.dueDate === today ? "due today" : `${workingDays(left)} left`,
      overdue: left < 0,
    });
  }
  return out;
}
