import type { ActorIdentity } from "../../app/ports/actor";
import type { ConveneMeetingCommand, InviteeInput } from "../../domain/commands/command.schemas";
import { INVITEE_ROLES, INVITEE_ROLE_LABELS, type InviteeRole } from "../../domain/invitation/invitation";
import { requiredRoles, MEETING_MODES, URGENCIES, type MeetingMode, type Urgency } from "../../domain/meeting/meeting";
import { DomainError } from "../../domain/shared/domain-error";
import { CONVENE_BLOCK, type ConveneModalMetadata } from "../../cards/slack/convene-modal.blocks";
import { readState, type SlackViewState } from "../../cards/slack/view-state";
import type { SlackPerson } from "./slack-directory";

/** The agency each role speaks for when the form names only a person. */
export const AGENCY_BY_ROLE: Record<InviteeRole, string> = {
  "social-worker": "Children's social care",
  health: "Health",
  police: "Police",
  referrer: "Referrer",
  school: "School or nursery",
  other: "Other agency",
};

/** Result of reading the convene modal: a command, or errors keyed by block id. */
export type ConveneSubmission = { ok: true; cmd: ConveneMeetingCommand; roles: InviteeRole[] } | { ok: false; errors: Record<string, string> };

/** Looks people up by Slack id (SlackDirectory in production). */
export interface PersonLookup {
  person(userId: string): Promise<SlackPerson>;
}

/**
 * Turns a convene modal submission into a ConveneMeetingCommand. Picked people are resolved
 * through users.info (name and email from Slack, never typed); the rules a person can fix in
 * the form (date without time, a role with both a person and a contact, a required role left
 * empty) are reported beside their fields. Everything else is the app's to validate.
 */
export async function readConveneSubmission(
  state: SlackViewState,
  meta: ConveneModalMetadata,
  key: string,
  actor: ActorIdentity,
  people: PersonLookup,
): Promise<ConveneSubmission> {
  const errors: Record<string, string> = {};
  const date = readState(state, CONVENE_BLOCK.date);
  const time = readState(state, CONVENE_BLOCK.time);
  if (date && !time) errors[CONVENE_BLOCK.time] = "Give a time as well as the date, or clear the date.";
  if (time && !date) errors[CONVENE_BLOCK.date] = "Give a date as well as the time, or clear the time.";

  const required = new Set(requiredRoles(meta.kind));
  const invitees: InviteeInput[] = [];
  const roles: InviteeRole[] = [];
  for (const role of INVITEE_ROLES) {
    const userId = readState(state, CONVENE_BLOCK.person(role));
    const contact = readState(state, CONVENE_BLOCK.contact(role))?.trim();
    const label = INVITEE_ROLE_LABELS[role];
    if (userId && contact) {
      errors[CONVENE_BLOCK.person(role)] = "Choose a person or name an agency contact, not both.";
      continue;
    }
    if (!userId && !contact) {
      if (required.has(role)) errors[CONVENE_BLOCK.person(role)] = `Pick the ${label.toLowerCase()} invitee, or name an agency contact below.`;
      continue;
    }
    if (userId) {
      let person: SlackPerson;
      try {
        person = await people.person(userId);
      } catch (err) {
        errors[CONVENE_BLOCK.person(role)] = err instanceof DomainError ? err.message : "Slack could not look this person up. Try again.";
        continue;
      }
      if (person.isBot) {
        errors[CONVENE_BLOCK.person(role)] = "Pick a person, not an app.";
        continue;
      }
      invitees.push({
        role,
        agency: AGENCY_BY_ROLE[role],
        person: { platform: "slack", tenant: actor.tenant, userId: person.userId, displayName: person.displayName, email: person.email },
        agencyContact: null,
      });
    } else {
      invitees.push({ role, agency: AGENCY_BY_ROLE[role], person: null, agencyContact: contact ?? null });
    }
    roles.push(role);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const urgency = readState(state, CONVENE_BLOCK.urgency);
  const mode = readState(state, CONVENE_BLOCK.mode);
  const cmd: ConveneMeetingCommand = {
    key,
    actor,
    conversation: { platform: "slack", conversationId: meta.channelId },
    caseRef: meta.caseRef,
    kind: meta.kind,
    concern: readState(state, CONVENE_BLOCK.concern) ?? "",
    urgency: (URGENCIES as readonly string[]).includes(urgency ?? "") ? (urgency as Urgency) : "routine",
    scheduledLocal: date && time ? `${date}T${time}` : null,
    mode: (MEETING_MODES as readonly string[]).includes(mode ?? "") ? (mode as MeetingMode) : "meeting",
    invitees,
  };
  return { ok: true, cmd, roles };
}

/**
 * Maps the app's validation failures back onto modal blocks: zod issue paths
 * (`invitees.2.agencyContact`, `concern`, `scheduledLocal`) and DomainErrors naming a field.
 * Returns null when the failure belongs to no field.
 */
export function conveneErrorsToBlocks(issues: { path: PropertyKey[]; message: string }[] | null, err: unknown, roles: InviteeRole[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const [head, index, leaf] = issue.path;
    let block: string | undefined;
    if (head === "invitees" && typeof index === "number" && roles[index]) {
      block = leaf === "agencyContact" ? CONVENE_BLOCK.contact(roles[index]) : CONVENE_BLOCK.person(roles[index]);
    } else if (head === "scheduledLocal") block = CONVENE_BLOCK.date;
    else if (head === "concern" || head === "urgency" || head === "mode") block = head;
    if (block && !out[block]) out[block] = issue.message;
  }
  if (err instanceof DomainError && err.details?.field === "scheduledLocal") out[CONVENE_BLOCK.date] = err.message;
  return Object.keys(out).length ? out : null;
}
