import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { ConveneMeetingSchema, type ConveneMeetingCommand } from "../../domain/commands/command.schemas";
import { parseCaseReference } from "../../domain/case/case-reference";
import { freshInvitation, type Invitation, type RowInvitee } from "../../domain/invitation/invitation";
import { requireRowAgency } from "../../domain/agency/agency";
import { nextChaseAt } from "../../domain/chase/chase-plan";
import { requiredRoles, requireRoleForKind, type Meeting } from "../../domain/meeting/meeting";
import { agencyOfPractitioner } from "../agency-of";
import { DomainError } from "../../domain/shared/domain-error";
import { LONDON } from "../../domain/shared/iso-date";
import { parseLondonTime, requireSensibleMeetingDate } from "../../domain/meeting/meeting-date";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import type { RosterView } from "../views/view-models";
import { enqueuePersonalInvitation } from "../views/personal-invitation";
import { requireCaseManager } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { buildRosterView } from "../views/roster-view";
import { calendarUrlFor } from "../views/load-roster";
import { rosterPostKey } from "../views/load-roster";
import { resolveActor } from "./resolve-actor";
import { enqueueCalendarSync } from "../online-meetings/enqueue-calendar-sync";

/**
 * Convenes a meeting: creates it with one roster row per invitee, and posts the convening
 * card to every channel linked to the case (through the outbox, in the same transaction).
 * A strategy discussion's required roles (social worker, health, police) always get a row,
 * empty ones highlighted, so a missing agency is visible from the start.
 */
export async function conveneMeeting(deps: AppDeps, input: ConveneMeetingCommand): Promise<{ meetingId: string; roster: RosterView }> {
  const cmd = ConveneMeetingSchema.parse(input);
  const reference = parseCaseReference(cmd.caseRef);
  const scheduledAt = cmd.scheduledLocal ? parseLondonTime(cmd.scheduledLocal) : null;
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "convene", cmd.key), async () => {
      const now = deps.clock.now();
      const actor = await resolveActor(repos, cmd.actor);
      const c = await repos.cases.findByReference(cmd.actor.tenant, reference);
      if (!c) throw new DomainError("CASE_NOT_FOUND", `No case ${reference} yet. Link this conversation first: link ${reference}`);
      requireCaseManager(c, actor, "convene a meeting");
      const link = await repos.channelLinks.findByConversation(cmd.conversation.platform, cmd.conversation.conversationId);
      if (!link || link.caseId !== c.id) throw new DomainError("CASE_NOT_LINKED", `This conversation is not linked to ${reference}. Type: link ${reference}`);
      if (cmd.scheduledLocal) requireSensibleMeetingDate(deps.calendar, cmd.scheduledLocal, now, cmd.confirm?.nonWorkingDay === true);
      if (!cmd.confirm?.anotherOpen) {
        const open = (await repos.meetings.listForCase(c.id)).filter((m) => m.kind === cmd.kind && (m.status === "proposed" || m.status === "scheduled"));
        if (open.length) {
          const when = open[0]!.scheduledAt ? ` (${DateTime.fromJSDate(open[0]!.scheduledAt, { zone: LONDON }).toFormat("ccc d LLL yyyy, HH:mm")})` : "";
          throw new DomainError(
            "ANOTHER_OPEN",
            `A ${meetingKindTitle(cmd.kind).toLowerCase()} for ${reference} is already open${when}. Tick the box to convene another anyway, or reschedule the open one from its card.`,
            { confirm: "anotherOpen" },
          );
        }
      }

      const meeting: Meeting = {
        id: randomUUID(),
        caseId: c.id,
        kind: cmd.kind,
        status: scheduledAt ? "scheduled" : "proposed",
        concern: cmd.concern,
        urgency: cmd.urgency,
        scheduledAt,
        mode: cmd.mode,
        convenorId: actor.id,
        heldAt: null,
        quorumOverrideReason: null,
      };
      await repos.meetings.create(meeting);

      const required = new Set(requiredRoles(cmd.kind));
      const invitations: Invitation[] = [];
      // Zero-padded ordinal ids keep the roster in the order the convenor entered it.
      const nextId = () => `${meeting.id}-${String(invitations.length).padStart(2, "0")}`;
      for (const [index, inv] of cmd.invitees.entries()) {
        try {
          requireRoleForKind(cmd.kind, inv.role);
        } catch (err) {
          if (err instanceof DomainError) throw new DomainError(err.code, err.message, { ...err.details, inviteeIndex: index });
          throw err;
        }
        const person = inv.person ? await resolveActor(repos, inv.person) : null;
        if (person) {
          // A named person must belong to the row's agency, when Convene can tell: a nurse in
          // the police row would make the statutory minimum look met when it was not.
          try {
            requireRowAgency({ role: inv.role, required: false, inviteeLabel: inv.agency }, await agencyOfPractitioner(repos, person), person.displayName);
          } catch (err) {
            if (err instanceof DomainError) throw new DomainError(err.code, err.message, { ...err.details, inviteeIndex: index });
            throw err;
          }
        }
        const invitee: RowInvitee = person ? { kind: "person", practitionerId: person.id, displayName: person.displayName } : { kind: "agency", label: inv.agencyContact ?? inv.agency };
        // Required rows are chased until answered, on a plan scaled by urgency.
        const chaseFrom = required.has(inv.role) ? nextChaseAt(cmd.urgency, now, deps.calendar) : null;
        invitations.push(freshInvitation({ id: nextId(), meetingId: meeting.id, role: inv.role, agency: inv.agency, required: required.has(inv.role) }, invitee, chaseFrom));
      }
      for (const i of invitations) await repos.invitations.create(i);

      const named = invitations.map((i) => i.inviteePractitionerId).filter((x): x is string => Boolean(x));
      const people = named.length ? await repos.practitioners.findManyByIds(named) : [];
      // The roster post @mentions each named invitee, so they are told in the channel.
      const view = {
        ...buildRosterView(c, meeting, invitations, actor.displayName, now.getTime(), people),
        ...calendarUrlFor(meeting, deps.calendarLinks, now),
      };
      const links = await repos.channelLinks.listForCase(c.id);
      for (const l of links) {
        await repos.outbox.enqueue({ idempotencyKey: rosterPostKey(meeting.id, l.id), channelLinkId: l.id, operation: "post", payload: { type: "roster", view }, availableAt: now });
      }
      // Each named invitee is also told personally (a Teams personal chat, a Slack DM), with the answer buttons.
      for (const i of invitations) {
        const p = people.find((x) => x.id === i.inviteePractitionerId);
        if (!p || p.id === actor.id) continue;
        await enqueuePersonalInvitation(repos, i, p, { meetingId: meeting.id, caseReference: c.reference, kindTitle: view.kindTitle, whenLabel: view.whenLabel, invitedBy: actor.displayName, links, now });
      }
      await repos.audit.append({
        at: now, actorId: actor.id, action: "create", entityType: "meeting", entityId: meeting.id, caseId: c.id,
        detail: { kind: meeting.kind, invitees: invitations.map((i) => ({ role: i.role, agency: i.agency, kind: i.inviteeKind })) },
      });
      // Its Teams meeting (when Graph is configured) is made later by the dispatcher, so Graph being down never stops convening.
      await enqueueCalendarSync(deps, repos, c.id, meeting.id, "convened", now);
      deps.logger.info({ meetingId: meeting.id, kind: meeting.kind, invitees: invitations.length }, "meeting convened");
      return { meetingId: meeting.id, roster: view };
    }),
  );
}
