import { INVITEE_ROLES, INVITEE_ROLE_LABELS, type InviteeRole } from "../domain/invitation/invitation";
import { requiredRoles } from "../domain/meeting/meeting";
import { meetingKindTitle, type MeetingKind } from "../domain/meeting/meeting-kind";
import { adaptiveCard, errorText, execute, heading, text, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { CardVerb } from "./card-verbs";
import { escapeAdaptiveText } from "./escape-adaptive-text";
import type { MemberChoice } from "./roster.card";

/** What the convene form needs. */
export interface ConveneFormInput {
  caseReference: string;
  kind: MeetingKind;
  /** The conversation's members, from the connector (static choices). */
  members: MemberChoice[];
  /** Offer Teams' directory search too (real Teams only). */
  peoplePicker: boolean;
  /** Values to keep when the form comes back with errors, by input id. */
  values?: Record<string, string>;
  /** Messages to show beside inputs, by input id ("form" for the whole form). */
  errors?: Record<string, string>;
}

/** Input ids of the convene form, shared with the edge that parses the submission. */
export const ConveneFormIds = {
  concern: "concern",
  urgency: "urgency",
  date: "date",
  time: "time",
  mode: "mode",
  person: (role: InviteeRole) => `person_${role}`,
  contact: (role: InviteeRole) => `contact_${role}`,
  otherAgency: "agency_other",
} as const;

const URGENCY_CHOICES = [
  ["immediate", "Immediate (child may be at immediate risk)"],
  ["today", "Today"],
  ["within-3-working-days", "Within 3 working days"],
  ["routine", "Routine"],
] as const;

const MODE_CHOICES = [
  ["meeting", "Meeting (in person or video)"],
  ["call", "Call"],
  ["phone", "Set of phone calls"],
] as const;

/**
 * The form that convenes a meeting: concern, urgency, proposed date and time (UK time),
 * mode, and one invitee per role — a Teams user from the conversation (or the directory in
 * real Teams) or a typed agency contact. People are resolved again through the connector
 * when the form is submitted; names typed here are never trusted as identities.
 */
export function renderConveneFormCard(input: ConveneFormInput): AdaptiveCardJson {
  const values = input.values ?? {};
  const errors = input.errors ?? {};
  const required = new Set<InviteeRole>(requiredRoles(input.kind));
  const title = meetingKindTitle(input.kind);
  const withError = (id: string, el: CardElement): CardElement[] => (errors[id] ? [el, errorText(errors[id])] : [el]);

  const body: CardElement[] = [heading(`Convene: ${escapeAdaptiveText(title)} · ${escapeAdaptiveText(input.caseReference)}`)];
  if (errors.form) body.push(errorText(errors.form));
  body.push(
    ...withError(ConveneFormIds.concern, {
      type: "Input.Text",
      id: ConveneFormIds.concern,
      label: "Concern in brief (no names: use the case reference)",
      isMultiline: true,
      maxLength: 1000,
      isRequired: true,
      errorMessage: "Say in brief what the concern is.",
      value: values.concern ?? "",
    }),
    ...withError(ConveneFormIds.urgency, {
      type: "Input.ChoiceSet",
      id: ConveneFormIds.urgency,
      label: "Urgency",
      isRequired: true,
      errorMessage: "Choose how urgent this is.",
      value: values.urgency ?? (input.kind === "strategy-discussion" ? "today" : "routine"),
      choices: URGENCY_CHOICES.map(([value, title]) => ({ title, value })),
    }),
    {
      type: "ColumnSet",
      columns: [
        { type: "Column", width: "stretch", items: withError(ConveneFormIds.date, { type: "Input.Date", id: ConveneFormIds.date, label: "Proposed date", value: values.date ?? "" }) },
        { type: "Column", width: "stretch", items: withError(ConveneFormIds.time, { type: "Input.Time", id: ConveneFormIds.time, label: "Time (UK time)", value: values.time ?? "" }) },
      ],
    },
    text("Leave the date empty if the time is still to be agreed.", { isSubtle: true, size: "Small", spacing: "None" }),
    ...withError(ConveneFormIds.mode, {
      type: "Input.ChoiceSet",
      id: ConveneFormIds.mode,
      label: "How",
      isRequired: true,
      errorMessage: "Choose how the meeting is held.",
      value: values.mode ?? "meeting",
      choices: MODE_CHOICES.map(([value, title]) => ({ title, value })),
    }),
    text("**Who to invite**", { spacing: "Medium" }),
    text("Choose a colleague, or type an agency contact such as \"Police CAIT duty desk\".", { isSubtle: true, size: "Small", spacing: "None" }),
  );

  for (const role of INVITEE_ROLES) {
    const personId = ConveneFormIds.person(role);
    const contactId = ConveneFormIds.contact(role);
    const picker: CardElement = {
      type: "Input.ChoiceSet",
      id: personId,
      label: `${INVITEE_ROLE_LABELS[role]}${required.has(role) ? " (required)" : " (optional)"}`,
      style: "filtered",
      placeholder: "Choose a colleague",
      value: values[personId] ?? "",
      // Choice titles are plain text (no Markdown) and must match what people type in filtered pickers.
      choices: input.members.map((m) => ({ title: m.name, value: m.id })),
    };
    if (input.peoplePicker) picker["choices.data"] = { type: "Data.Query", dataset: "graph.microsoft.com/users" };
    const items: CardElement[] = [
      ...(input.members.length || input.peoplePicker ? withError(personId, picker) : [text(`**${INVITEE_ROLE_LABELS[role]}**${required.has(role) ? " (required)" : " (optional)"}`)]),
      ...withError(contactId, {
        type: "Input.Text",
        id: contactId,
        placeholder: "or an agency contact, e.g. Police CAIT duty desk",
        maxLength: 120,
        value: values[contactId] ?? "",
      }),
    ];
    if (role === "other") {
      items.push(
        ...withError(ConveneFormIds.otherAgency, {
          type: "Input.Text",
          id: ConveneFormIds.otherAgency,
          placeholder: "Which agency (e.g. Housing)",
          maxLength: 80,
          value: values[ConveneFormIds.otherAgency] ?? "",
        }),
      );
    }
    body.push({ type: "Container", separator: true, items });
  }

  return adaptiveCard({
    fallbackText: `Convene a ${title} for ${input.caseReference}: open this card in Teams to fill in the form.`,
    body,
    actions: [execute(`Convene ${title.toLowerCase()}`, CardVerb.conveneSubmit, { caseRef: input.caseReference, kind: input.kind }, { style: "positive" })],
  });
}
