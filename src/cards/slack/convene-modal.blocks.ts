import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { INVITEE_ROLES, INVITEE_ROLE_LABELS, type InviteeRole } from "../../domain/invitation/invitation";
import { requiredRoles, MEETING_MODES, URGENCIES, type MeetingMode, type Urgency } from "../../domain/meeting/meeting";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { SLACK_LIMITS, truncatePlain } from "./block-kit-limits";
import { escapeMrkdwn } from "./escape-mrkdwn";
import { SlackCallbackId } from "./slack-action-ids";

/** Block ids of the convene modal; validation errors are keyed by these. */
export const CONVENE_BLOCK = {
  concern: "concern",
  urgency: "urgency",
  date: "date",
  time: "time",
  mode: "mode",
  /** A users_select for the role's invitee. */
  person: (role: InviteeRole) => `invitee:${role}:person`,
  /** A plain_text_input for an agency contact instead of a person. */
  contact: (role: InviteeRole) => `invitee:${role}:contact`,
} as const;

/** Each input's action_id is its block id, so action_ids are unique across the modal. */
export const inputAction = (blockId: string): string => blockId;

/** What the modal carries between open and submit. Set by us, returned by Slack. */
export interface ConveneModalMetadata {
  caseRef: string;
  kind: MeetingKind;
  channelId: string;
  teamId: string;
}

/** Modal titles must fit 24 characters. */
const SHORT_TITLES: Record<MeetingKind, string> = {
  "strategy-discussion": "Strategy discussion",
  icpc: "Initial conference",
  "core-group": "Core group meeting",
  "review-conference": "Review conference",
  "transfer-in-conference": "Transfer-in conference",
};

/** Plain-English labels for urgency and mode. */
export const URGENCY_LABELS: Record<Urgency, string> = {
  immediate: "Immediately: the child may be at risk now",
  today: "Today",
  "within-3-working-days": "Within 3 working days",
  routine: "Routine",
};
export const MODE_LABELS: Record<MeetingMode, string> = {
  meeting: "Meeting (in person or video)",
  call: "Conference call",
  phone: "Separate phone calls",
};

function option(value: string, label: string): PlainTextOption {
  return { value, text: { type: "plain_text", text: truncatePlain(label, SLACK_LIMITS.optionText) } };
}

/**
 * The convene modal: concern, urgency, date and time (Europe/London), mode, and one person
 * picker per role with an "or agency contact" box. Picked people are resolved through
 * users.info on submit; typed names are only ever agency contacts, never identities.
 */
export function conveneModal(meta: ConveneModalMetadata, caseReference: string): ModalView {
  const required = new Set(requiredRoles(meta.kind));
  const urgencyOptions = URGENCIES.map((u) => option(u, URGENCY_LABELS[u]));
  const modeOptions = MEETING_MODES.map((m) => option(m, MODE_LABELS[m]));
  const blocks: KnownBlock[] = [
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: `Case *${escapeMrkdwn(caseReference)}*. Use the case reference only: never a child's name.` }],
    },
    {
      type: "input",
      block_id: CONVENE_BLOCK.concern,
      label: { type: "plain_text", text: "The concern, in brief" },
      hint: { type: "plain_text", text: "What has happened and why agencies need to meet. Need-to-know only." },
      element: { type: "plain_text_input", action_id: inputAction(CONVENE_BLOCK.concern), multiline: true, max_length: 1000 },
    },
    {
      type: "input",
      block_id: CONVENE_BLOCK.urgency,
      label: { type: "plain_text", text: "Urgency" },
      element: { type: "static_select", action_id: inputAction(CONVENE_BLOCK.urgency), options: urgencyOptions, initial_option: urgencyOptions[meta.kind === "strategy-discussion" ? 1 : 3] },
    },
    {
      type: "input",
      block_id: CONVENE_BLOCK.date,
      optional: true,
      label: { type: "plain_text", text: "Proposed date" },
      hint: { type: "plain_text", text: "Leave date and time empty if the time is still to be agreed." },
      element: { type: "datepicker", action_id: inputAction(CONVENE_BLOCK.date) },
    },
    {
      type: "input",
      block_id: CONVENE_BLOCK.time,
      optional: true,
      label: { type: "plain_text", text: "Proposed time (UK time)" },
      element: { type: "timepicker", action_id: inputAction(CONVENE_BLOCK.time), timezone: "Europe/London" },
    },
    {
      type: "input",
      block_id: CONVENE_BLOCK.mode,
      label: { type: "plain_text", text: "How it will be held" },
      element: { type: "static_select", action_id: inputAction(CONVENE_BLOCK.mode), options: modeOptions, initial_option: modeOptions[0] },
    },
    { type: "section", text: { type: "mrkdwn", text: "*Who is invited*\nPick a person, or name an agency contact (e.g. a duty desk) who can claim the invitation." } },
  ];
  for (const role of INVITEE_ROLES) {
    const label = INVITEE_ROLE_LABELS[role];
    blocks.push({
      type: "input",
      block_id: CONVENE_BLOCK.person(role),
      optional: true,
      label: { type: "plain_text", text: required.has(role) ? `${label} (required)` : `${label} (optional)` },
      element: { type: "users_select", action_id: inputAction(CONVENE_BLOCK.person(role)), placeholder: { type: "plain_text", text: "Pick a person" } },
    });
    blocks.push({
      type: "input",
      block_id: CONVENE_BLOCK.contact(role),
      optional: true,
      label: { type: "plain_text", text: `${label}: or agency contact` },
      element: { type: "plain_text_input", action_id: inputAction(CONVENE_BLOCK.contact(role)), max_length: 120, placeholder: { type: "plain_text", text: "e.g. Police CAIT duty desk" } },
    });
  }
  return {
    type: "modal",
    callback_id: SlackCallbackId.ConveneMeeting,
    title: { type: "plain_text", text: truncatePlain(SHORT_TITLES[meta.kind], SLACK_LIMITS.modalTitle) },
    submit: { type: "plain_text", text: "Convene" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}
