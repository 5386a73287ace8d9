import { INVITEE_ROLES, INVITEE_ROLE_LABELS, type InviteeRole } from "../../domain/invitation/invitation";
import type { InviteeInput } from "../../domain/commands/command.schemas";
import { ConveneFormIds } from "../../cards/convene-form.card";
import type { ActorIdentity } from "../../app/ports/actor";

/** The agency each role belongs to, unless the form says otherwise ("other"). */
const ROLE_AGENCY: Record<InviteeRole, string> = {
  "social-worker": "Children's social care",
  health: "Health",
  police: "Police",
  referrer: "Referrer",
  school: "Education",
  other: "Other agency",
};

/** The convene form's fields, before people are resolved. */
export interface ParsedConveneForm {
  concern: string;
  urgency: string;
  scheduledLocal: string | null;
  mode: string;
  /** One entry per role answered: a user id to resolve, or an agency contact. */
  invitees: Array<{ role: InviteeRole; agency: string; userId?: string; agencyContact?: string }>;
}

/** Reads the submitted values; returns field errors by input id when the form is not usable. */
export function parseConveneForm(values: Record<string, unknown>): { ok: true; form: ParsedConveneForm } | { ok: false; errors: Record<string, string> } {
  const s = (id: string) => (typeof values[id] === "string" ? (values[id] as string).trim() : "");
  const errors: Record<string, string> = {};
  const date = s(ConveneFormIds.date);
  const time = s(ConveneFormIds.time);
  if (time && !date) errors[ConveneFormIds.date] = "Add the date for this time, or clear the time.";
  if (date && !time) errors[ConveneFormIds.time] = "Add a time (UK time), or clear the date if it is still to be agreed.";
  const invitees: ParsedConveneForm["invitees"] = [];
  for (const role of INVITEE_ROLES) {
    const userId = s(ConveneFormIds.person(role));
    const contact = s(ConveneFormIds.contact(role));
    if (userId && contact) {
      errors[ConveneFormIds.contact(role)] = `Choose a colleague or type an agency contact for ${INVITEE_ROLE_LABELS[role]}, not both.`;
      continue;
    }
    const agency = role === "other" ? s(ConveneFormIds.otherAgency) || ROLE_AGENCY.other : ROLE_AGENCY[role];
    if (userId) invitees.push({ role, agency, userId });
    else if (contact) invitees.push({ role, agency, agencyContact: contact });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    form: { concern: s(ConveneFormIds.concern), urgency: s(ConveneFormIds.urgency), scheduledLocal: date && time ? `${date}T${time}` : null, mode: s(ConveneFormIds.mode) || "meeting", invitees },
  };
}

/** Turns parsed invitees into command invitees, resolving each chosen user through `resolve`. */
export async function toInviteeInputs(form: ParsedConveneForm, resolve: (userId: string) => Promise<ActorIdentity>): Promise<InviteeInput[]> {
  const out: InviteeInput[] = [];
  for (const inv of form.invitees) {
    if (inv.userId) out.push({ role: inv.role, agency: inv.agency, person: await resolve(inv.userId), agencyContact: null });
    else out.push({ role: inv.role, agency: inv.agency, person: null, agencyContact: inv.agencyContact ?? null });
  }
  return out;
}

/** Maps a convene command's zod issue path to the form input it came from. */
export function conveneIssueField(path: ReadonlyArray<PropertyKey>, form: ParsedConveneForm): string {
  const [first, index] = path;
  if (first === "invitees" && typeof index === "number") {
    const inv = form.invitees[index];
    if (inv) return inv.userId ? ConveneFormIds.person(inv.role) : ConveneFormIds.contact(inv.role);
  }
  if (first === "scheduledLocal") return ConveneFormIds.date;
  if (typeof first === "string" && ["concern", "urgency", "mode"].includes(first)) return first;
  return "form";
}
