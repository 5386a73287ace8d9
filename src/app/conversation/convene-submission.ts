import type { ConveneMeetingCommand, InviteeInput } from "../../domain/commands/command.schemas";
import { INVITEE_ROLE_LABELS, isFamilyOrSupportRole, ROLE_AGENCIES, type InviteeRole } from "../../domain/invitation/invitation";
import { inviteeRolesFor, MEETING_MODES, requiredRoles, URGENCIES, defaultUrgency, type MeetingMode, type Urgency } from "../../domain/meeting/meeting";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { DomainError } from "../../domain/shared/domain-error";
import type { ActorIdentity } from "../ports/actor";
import { WHOLE_FORM } from "./form-descriptor";
import type { SubmittedValues } from "./form-values";
import { ConveneField, hasPersonField } from "./forms/convene.form";

/** The convene form, read: a command ready for the app, or messages by field id. */
export type ConveneSubmission =
  | { ok: true; cmd: ConveneMeetingCommand; inviteeFields: string[] }
  | { ok: false; errors: Record<string, string> };

/** What reading the form needs from the turn. */
export interface ConveneSubmissionContext {
  key: string;
  actor: ActorIdentity;
  conversation: ConveneMeetingCommand["conversation"];
  caseRef: string;
  kind: MeetingKind;
  /** Resolves a picked person through the platform (never from typed names); throws DomainError when it cannot. */
  resolvePerson(platformUserId: string): Promise<ActorIdentity>;
}

/**
 * Turns a convene form's values into a ConveneMeetingCommand. The rules a person can fix in
 * the form are reported beside their fields: a date without a time, a role with both a person
 * and a contact, a required role left empty, a person the platform cannot find. Everything
 * else is the app's to validate (see {@link conveneErrorFields}).
 */
export async function readConveneSubmission(values: SubmittedValues, ctx: ConveneSubmissionContext): Promise<ConveneSubmission> {
  const s = (id: string) => (values[id] ?? "").trim();
  const errors: Record<string, string> = {};
  const date = s(ConveneField.date);
  const time = s(ConveneField.time);
  if (date && !time) errors[ConveneField.time] = "Give a time as well as the date (UK time), or clear the date if the time is still to be agreed.";
  if (time && !date) errors[ConveneField.date] = "Give a date as well as the time, or clear the time.";

  const { invitees, inviteeFields } = await readInviteeRows(values, ctx.kind, ctx.resolvePerson, errors, { requireRequired: true });
  if (Object.keys(errors).length) return { ok: false, errors };

  const urgency = s(ConveneField.urgency);
  const mode = s(ConveneField.mode);
  return {
    ok: true,
    inviteeFields,
    cmd: {
      key: ctx.key,
      actor: ctx.actor,
      conversation: ctx.conversation,
      caseRef: ctx.caseRef,
      kind: ctx.kind,
      concern: values[ConveneField.concern] ?? "",
      urgency: (URGENCIES as readonly string[]).includes(urgency) ? (urgency as Urgency) : defaultUrgency(ctx.kind),
      scheduledLocal: date && time ? `${date}T${time}` : null,
      mode: (MEETING_MODES as readonly string[]).includes(mode) ? (mode as MeetingMode) : "meeting",
      invitees,
      confirm: { nonWorkingDay: s(ConveneField.confirmNonWorkingDay) === "true", anotherOpen: s(ConveneField.confirmAnotherOpen) === "true" },
    },
  };
}

/**
 * Reads the invitee boxes (see `inviteeFields`): for each role a picked person, resolved
 * through the platform, or a typed contact. Problems a person can fix go into `errors` beside
 * their boxes. `inviteeFields` says which box each invitee came from, in order, so the app's
 * refusals (`invitees.2…`) find their way back beside it. With `requireRequired`, an empty
 * required role is an error (convening); without, an empty row means "no change".
 */
export async function readInviteeRows(
  values: SubmittedValues,
  kind: MeetingKind,
  resolvePerson: (platformUserId: string) => Promise<ActorIdentity>,
  errors: Record<string, string>,
  opts: { requireRequired: boolean },
): Promise<{ invitees: InviteeInput[]; inviteeFields: string[] }> {
  const s = (id: string) => (values[id] ?? "").trim();
  const required = new Set<InviteeRole>(requiredRoles(kind));
  const invitees: InviteeInput[] = [];
  const inviteeFields: string[] = [];
  // Only the rows this kind of meeting has: a stray family row sent to a strategy discussion is ignored here and refused by the app.
  for (const role of inviteeRolesFor(kind)) {
    const personField = ConveneField.person(role);
    const contactField = ConveneField.contact(role);
    const userId = hasPersonField(role) ? s(personField) : "";
    const contact = s(contactField);
    const label = INVITEE_ROLE_LABELS[role];
    if (userId && contact) {
      errors[contactField] = isFamilyOrSupportRole(role)
        ? `Choose a colleague or say who the ${label.toLowerCase()} is, not both.`
        : `Choose a colleague or type an agency contact for ${label}, not both.`;
      continue;
    }
    if (!userId && !contact) {
      if (opts.requireRequired && required.has(role)) errors[personField] = `Choose the ${label.toLowerCase()} invitee, or name an agency contact for ${label}.`;
      continue;
    }
    const agency = role === "other" ? s(ConveneField.otherAgency) || ROLE_AGENCIES.other : ROLE_AGENCIES[role];
    if (userId) {
      try {
        invitees.push({ role, agency, person: await resolvePerson(userId), agencyContact: null });
        inviteeFields.push(personField);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        errors[personField] = err.message;
      }
    } else {
      invitees.push({ role, agency, person: null, agencyContact: contact });
      inviteeFields.push(contactField);
    }
  }
  return { invitees, inviteeFields };
}

/**
 * Maps the app's validation failures back onto the form: zod issue paths
 * (`invitees.2.agencyContact`, `concern`, `scheduledLocal`) and DomainErrors naming a field.
 * A failure that belongs to no field goes on the whole form.
 */
export function conveneErrorFields(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, inviteeFields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const [head, index] = issue.path;
    let field: string = WHOLE_FORM;
    if (head === "invitees" && typeof index === "number" && inviteeFields[index]) field = inviteeFields[index]!;
    else if (head === "scheduledLocal") field = ConveneField.date;
    else if (head === ConveneField.concern || head === ConveneField.urgency || head === ConveneField.mode) field = head;
    out[field] ??= issue.message;
  }
  return out;
}
