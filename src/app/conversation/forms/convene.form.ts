import { INVITEE_ROLE_LABELS, isFamilyOrSupportRole, type InviteeRole } from "../../../domain/invitation/invitation";
import { defaultUrgency, inviteeRolesFor, MEETING_MODES, MODE_LABELS, requiredRoles, URGENCIES, URGENCY_LABELS } from "../../../domain/meeting/meeting";
import { meetingKindTitle, type MeetingKind } from "../../../domain/meeting/meeting-kind";
import { ActionId, actionData } from "../action-id";
import type { ConversationField, FormDescriptor } from "../form-descriptor";

/** Field ids of the convene form: the keys its submission comes back under, in every channel. */
export const ConveneField = {
  concern: "concern",
  urgency: "urgency",
  date: "date",
  time: "time",
  mode: "mode",
  /** The person picked for a role (a platform user id). */
  person: (role: InviteeRole) => `person_${role}`,
  /** An agency contact typed for a role instead of a person, e.g. "Police CAIT duty desk"; for a family or support row, who they are ("Mother"). */
  contact: (role: InviteeRole) => `contact_${role}`,
  /** Which agency the "Other agency" row is. */
  otherAgency: "agency_other",
  /** Shown after the server asked: convene on a weekend or bank holiday anyway. */
  confirmNonWorkingDay: "confirm_non_working_day",
  /** Shown after the server asked: convene another while one of this kind is open. */
  confirmAnotherOpen: "confirm_another_open",
} as const;

/** A confirmation the app can ask for before it convenes. */
export type ConveneConfirmation = "nonWorkingDay" | "anotherOpen";

/** The field that answers each confirmation. */
export const CONFIRMATION_FIELD: Readonly<Record<ConveneConfirmation, string>> = {
  nonWorkingDay: ConveneField.confirmNonWorkingDay,
  anotherOpen: ConveneField.confirmAnotherOpen,
};

/** Longest concern accepted (the command schema says the same). */
export const CONCERN_MAX_LENGTH = 1000;
/** Longest agency contact accepted. */
export const CONTACT_MAX_LENGTH = 120;

/** Each row's own example of an agency contact, so the police example never sits under Health. */
const CONTACT_EXAMPLES: Record<InviteeRole, string> = {
  "social-worker": "e.g. Children's services duty team",
  health: "e.g. Named nurse for safeguarding children",
  police: "e.g. Police CAIT duty desk",
  referrer: "e.g. GP practice safeguarding lead",
  school: "e.g. School DSL duty line",
  other: "e.g. Housing options duty officer",
  parent: "e.g. Mother",
  "family-member": "e.g. Maternal grandmother",
  child: "e.g. The child, for the first part",
  advocate: "e.g. Independent advocate for the child",
  interpreter: "e.g. Polish interpreter",
};

/**
 * Family and support rows a convenor may also fill with a colleague from the conversation
 * (an advocate or interpreter can be a member); parents, family and the child are described,
 * never picked, because they are not Convene users and their names must not go in the channel.
 */
const PICKABLE_SUPPORT_ROLES: readonly InviteeRole[] = ["advocate", "interpreter"];

/** Whether a row has the "choose a colleague" box. */
export function hasPersonField(role: InviteeRole): boolean {
  return !isFamilyOrSupportRole(role) || PICKABLE_SUPPORT_ROLES.includes(role);
}

/**
 * The form that convenes a meeting: the concern, urgency, a proposed date and time (UK
 * time), how it is held, and for each role a person from the conversation or a typed agency
 * contact. People are resolved again through the platform on submit; typed names are only
 * ever agency contacts, never identities.
 */
export function conveneForm(caseReference: string, kind: MeetingKind, confirmations: readonly ConveneConfirmation[] = []): FormDescriptor {
  const title = meetingKindTitle(kind);
  const fields: ConversationField[] = [
    {
      id: ConveneField.concern,
      label: `Concern in brief (no names: use the case reference; up to ${CONCERN_MAX_LENGTH.toLocaleString("en-GB")} characters)`,
      help: "What has happened and why agencies need to meet. Need-to-know only.",
      type: "multiline",
      required: true,
      maxLength: CONCERN_MAX_LENGTH,
      section: "",
    },
    {
      id: ConveneField.urgency,
      label: "Urgency",
      type: "choice",
      required: true,
      maxLength: 40,
      section: "",
      choices: URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] })),
      defaultValue: defaultUrgency(kind),
    },
    { id: ConveneField.date, label: "Proposed date", help: "Leave the date and time empty if the time is still to be agreed.", type: "date", required: false, maxLength: 10, section: "" },
    { id: ConveneField.time, label: "Time (UK time)", type: "time", required: false, maxLength: 5, section: "" },
    {
      id: ConveneField.mode,
      label: "How it will be held",
      type: "choice",
      required: true,
      maxLength: 20,
      section: "",
      choices: MEETING_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] })),
      defaultValue: "meeting",
    },
  ];
  // Asked only after the app refused without them, so nobody ticks a box they never needed.
  if (confirmations.includes("nonWorkingDay")) {
    fields.push({ id: ConveneField.confirmNonWorkingDay, label: "Yes, convene it on that weekend day or bank holiday", type: "toggle", required: false, maxLength: 5, section: "" });
  }
  if (confirmations.includes("anotherOpen")) {
    fields.push({ id: ConveneField.confirmAnotherOpen, label: `Yes, convene another ${title.toLowerCase()} while one is open`, type: "toggle", required: false, maxLength: 5, section: "" });
  }
  fields.push(...inviteeFields(kind));
  return {
    action: ActionId.SubmitConvene,
    title: `Convene: ${title} · ${caseReference}`,
    shortTitle: title,
    intro: `Case ${caseReference}. Use the case reference only, never a child's name. Pick a person for each role, or name an agency contact (such as a duty desk) who can claim the invitation.`,
    submitLabel: `Convene ${title.toLowerCase()}`,
    tone: "positive",
    fields,
    data: actionData(ActionId.SubmitConvene, caseReference, { kind }),
    reopen: ActionId.OpenConveneForm,
  };
}

/**
 * The invitee boxes of a meeting kind: for each role a person from the conversation or a typed
 * agency contact (family rows: who they are). The convene form and the change-invitees form
 * share them, field ids and labels alike, so a row is filled the same way wherever it is asked.
 * `now` says who each role has today (shown beside the row when changing invitees).
 */
export function inviteeFields(kind: MeetingKind, now?: ReadonlyMap<InviteeRole, string>): ConversationField[] {
  const required = new Set<InviteeRole>(requiredRoles(kind));
  const fields: ConversationField[] = [];
  const nowHelp = (role: InviteeRole) => (now ? { help: now.has(role) ? `Now: ${now.get(role)}. Leave empty to keep.` : "Nobody invited now." } : {});
  for (const role of inviteeRolesFor(kind)) {
    const label = INVITEE_ROLE_LABELS[role];
    if (isFamilyOrSupportRole(role)) {
      // Not agency representatives: described by who they are, and never part of the agency quorum.
      const section = "Family and support (not agency representatives)";
      if (hasPersonField(role)) {
        fields.push({ id: ConveneField.person(role), label: `${label} (optional)`, type: "person", required: false, maxLength: 100, section, placeholder: "Choose a colleague", ...nowHelp(role) });
      }
      fields.push({
        id: ConveneField.contact(role),
        label: hasPersonField(role) ? `${label}: or who they are (no names)` : `${label} (optional): who they are (no names)`,
        type: "text",
        required: false,
        maxLength: CONTACT_MAX_LENGTH,
        section,
        placeholder: CONTACT_EXAMPLES[role],
        ...(hasPersonField(role) ? {} : nowHelp(role)),
      });
      continue;
    }
    const section = "Who is invited";
    fields.push(
      { id: ConveneField.person(role), label: `${label} (${required.has(role) ? "required" : "optional"})`, type: "person", required: false, maxLength: 100, section, placeholder: "Choose a colleague", ...nowHelp(role) },
      { id: ConveneField.contact(role), label: `${label}: or an agency contact`, type: "text", required: false, maxLength: CONTACT_MAX_LENGTH, section, placeholder: CONTACT_EXAMPLES[role] },
    );
    if (role === "other") {
      fields.push({ id: ConveneField.otherAgency, label: "Other agency: which agency", type: "text", required: false, maxLength: 80, section, placeholder: "e.g. Housing" });
    }
  }
  return fields;
}
