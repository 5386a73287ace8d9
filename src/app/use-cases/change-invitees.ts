import { randomUUID } from "node:crypto";
import { requireRowAgency } from "../../domain/agency/agency";
import { nextChaseAt } from "../../domain/chase/chase-plan";
import { ChangeInviteesSchema, type ChangeInviteesCommand } from "../../domain/commands/command.schemas";
import { answeringPractitionerId, freshInvitation, INVITEE_ROLE_LABELS, isFamilyOrSupportRole, isSameInvitee, type Invitation, type InviteeRole, type RowInvitee } from "../../domain/invitation/invitation";
import { requiredRoles, requireRoleForKind } from "../../domain/meeting/meeting";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import { DomainError } from "../../domain/shared/domain-error";
import { agencyOfPractitioner } from "../agency-of";
import type { AppDeps } from "../app-deps";
import { enqueueCalendarSync } from "../online-meetings/enqueue-calendar-sync";
import { meetingForOwner } from "../owned-meeting";
import { enqueueFreeBusyCheck } from "../online-meetings/enqueue-free-busy-check";
import { commandKey, runOnce } from "../idempotency";
import type { Practitioner } from "../ports/practitioner";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";
import { enqueuePersonalInvitation } from "../views/personal-invitation";
import type { MentionView, RosterView } from "../views/view-models";
import { resolveActor } from "./resolve-actor";

/** One row changed: what it was (null for a row added) and what it is now (null for a row removed). */
interface RowChange {
  role: InviteeRole;
  from: Invitation | null;
  to: Invitation | null;
}

/** A refusal that belongs beside one role's boxes on the form. */
const besideRole = (err: unknown, role: InviteeRole, index?: number): unknown =>
  err instanceof DomainError ? new DomainError(err.code, err.message, { ...err.details, role, ...(index === undefined ? {} : { inviteeIndex: index }) }) : err;

/**
 * Changes who is invited to an open meeting: gives a role's row to someone else (a new person
 * or agency contact), adds a row for a role the meeting did not have, or removes an optional
 * row. The convenor, the case's social worker or team manager may. A required row can only be
 * given to someone else, never removed, and a named person must belong to the row's agency, as
 * when convening. A row given to someone else starts again: no answer, no claim, chased afresh.
 * New invitees are asked personally; anyone taken off is told personally; the case channels
 * get one notice mentioning both, and the roster updates in place. Audited.
 */
export async function changeInvitees(deps: AppDeps, input: ChangeInviteesCommand): Promise<{ roster: RosterView; changed: number }> {
  const cmd = ChangeInviteesSchema.parse(input);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "invitees", cmd.key), async () => {
      const now = deps.clock.now();
      const { actor, c, meeting } = await meetingForOwner(repos, cmd, "change who is invited");
      if (meeting.status !== "proposed" && meeting.status !== "scheduled") throw new DomainError("MEETING_NOT_OPEN", `This meeting is ${meeting.status}; who was invited can no longer be changed.`);
      const required = new Set<InviteeRole>(requiredRoles(meeting.kind));
      const rows = await repos.invitations.listForMeeting(meeting.id);
      const rowOf = (role: InviteeRole) => rows.find((r) => r.role === role) ?? null;
      const changes: RowChange[] = [];

      for (const role of new Set(cmd.remove)) {
        const label = INVITEE_ROLE_LABELS[role];
        if (required.has(role)) {
          throw new DomainError("REQUIRED_ROW", `The ${label} row is required for a ${meetingKindTitle(meeting.kind).toLowerCase()}, so it cannot be removed. Choose someone else for it instead.`, { role });
        }
        if (cmd.invitees.some((i) => i.role === role)) throw new DomainError("REMOVE_AND_REPLACE", `Choose someone new for the ${label} row, or remove it, not both.`, { role });
        const row = rowOf(role);
        if (!row) continue;
        await repos.invitations.remove(row.id);
        await repos.timePolls.clearAnswersFor(row.id);
        changes.push({ role, from: row, to: null });
      }

      let ordinal = Math.max(-1, ...rows.map((r) => Number(/-(\d+)$/.exec(r.id)?.[1] ?? -1)));
      for (const [index, inv] of cmd.invitees.entries()) {
        let person: Practitioner | null = null;
        try {
          requireRoleForKind(meeting.kind, inv.role);
          person = inv.person ? await resolveActor(repos, inv.person) : null;
          // As when convening: a nurse in the police row would make the statutory minimum look met.
          if (person) requireRowAgency({ role: inv.role, required: false, inviteeLabel: inv.agency }, await agencyOfPractitioner(repos, person), person.displayName);
        } catch (err) {
          throw besideRole(err, inv.role, index);
        }
        const invitee: RowInvitee = person ? { kind: "person", practitionerId: person.id, displayName: person.displayName } : { kind: "agency", label: inv.agencyContact ?? inv.agency };
        const existing = rowOf(inv.role);
        if (existing && isSameInvitee(existing, invitee)) continue;
        // Ids end in an ordinal so the roster keeps its order; a suffix keeps a removed row's id from coming back.
        const id = existing?.id ?? `${meeting.id}-${String(++ordinal).padStart(2, "0")}-${randomUUID().slice(0, 8)}`;
        const row = freshInvitation(
          { id, meetingId: meeting.id, role: inv.role, agency: inv.agency, required: required.has(inv.role) },
          invitee,
          required.has(inv.role) ? nextChaseAt(meeting.urgency, now, deps.calendar) : null,
        );
        // The times the last person could make are not the new person's.
        if (existing) {
          await repos.invitations.update(row);
          await repos.timePolls.clearAnswersFor(row.id);
        }
        if (!existing) await repos.invitations.create(row);
        changes.push({ role: inv.role, from: existing, to: row });
      }
      if (!changes.length) throw new DomainError("NOTHING_TO_CHANGE", "Nothing changed: choose someone new for a row, or tick a row to remove it.");

      // The meeting and case are as read above (changing invitees touches neither); the rows are read again.
      const roster = await loadRoster(repos, meeting.id, now.getTime(), deps.calendarLinks, { meeting, c });
      const links = await repos.channelLinks.listForCase(c.id);
      const ids = new Set<string>();
      for (const ch of changes) for (const id of [ch.from && answeringPractitionerId(ch.from), ch.to?.inviteePractitionerId]) if (id) ids.add(id);
      const people = ids.size ? await repos.practitioners.findManyByIds([...ids]) : [];
      const personOf = (id: string | null | undefined) => (id ? (people.find((p) => p.id === id) ?? null) : null);
      const mentions: MentionView[] = people.map((p) => ({ platform: p.platform, platformUserId: p.platformUserId, displayName: p.displayName }));

      for (const ch of changes) {
        const added = personOf(ch.to?.inviteePractitionerId);
        if (ch.to && added && added.id !== actor.id) {
          await enqueuePersonalInvitation(repos, ch.to, added, { meetingId: meeting.id, caseReference: c.reference, kindTitle: roster.kindTitle, whenLabel: roster.whenLabel, invitedBy: actor.displayName, links, now, cause: cmd.key });
        }
        const dropped = personOf(ch.from && answeringPractitionerId(ch.from));
        const link = dropped ? links.find((l) => l.platform === dropped.platform) : undefined;
        if (dropped && link && dropped.id !== actor.id && dropped.id !== added?.id) {
          const notice = {
            title: `No longer invited · ${roster.kindTitle} · ${c.reference}`,
            text: `${actor.displayName} has asked someone else for the ${INVITEE_ROLE_LABELS[ch.role]} row${ch.to ? "" : " (the row was removed)"}. You do not need to attend. The roster card in the case channel shows who is invited now.`,
            mentions: [],
          };
          await repos.outbox.enqueue({ idempotencyKey: `meeting/${meeting.id}/uninvited/${ch.from!.id}/${cmd.key}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: notice }, availableAt: now, directTo: dropped.platformUserId });
        }
      }
      // Family and support rows are described by what the convenor typed ("who they are"): that
      // stays on the roster card, never in a notice that platforms show as a push preview.
      const lines = changes.map((ch) =>
        isFamilyOrSupportRole(ch.role)
          ? `${INVITEE_ROLE_LABELS[ch.role]}: ${ch.to ? (ch.from ? "changed" : "added") : "row removed"}`
          : `${INVITEE_ROLE_LABELS[ch.role]}: ${ch.from ? ch.from.inviteeLabel : "(nobody)"} → ${ch.to ? ch.to.inviteeLabel : "row removed"}`,
      );
      const notice = { title: `Invitees changed · ${roster.kindTitle} · ${c.reference}`, text: `Changed by ${actor.displayName}. ${lines.join("; ")}.`, mentions };
      for (const link of links) {
        await repos.outbox.enqueue({ idempotencyKey: `meeting/${meeting.id}/invitees/${cmd.key}/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "notice", view: notice }, availableAt: now });
      }
      await repos.audit.append({
        at: now, actorId: actor.id, action: "change", entityType: "meeting", entityId: meeting.id, caseId: c.id,
        detail: {
          invitees: changes.map((ch) => ({
            role: ch.role,
            from: ch.from ? { kind: ch.from.inviteeKind, practitionerId: ch.from.inviteePractitionerId, response: ch.from.response } : null,
            to: ch.to ? { kind: ch.to.inviteeKind, practitionerId: ch.to.inviteePractitionerId } : null,
          })),
        },
      });
      await enqueueRosterUpdate(repos, c.id, roster, `invitees-${cmd.key}`, now, links);
      // The Teams meeting (when Graph is configured) follows: its attendees or its new time.
      await enqueueCalendarSync(deps, repos, c.id, meeting.id, `invitees-${cmd.key}`, now);
      // While times are being found, the new people's free/busy is read too (and the old people's goes).
      if (roster.timePoll) await enqueueFreeBusyCheck(deps, repos, c.id, meeting.id, `invitees-${cmd.key}`, now);
      deps.logger.info({ meetingId: meeting.id, changed: changes.length }, "invitees changed");
      return { roster, changed: changes.length };
    }),
  );
}
