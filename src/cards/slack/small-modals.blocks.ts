import type { ModalView } from "@slack/types";
import { SLACK_LIMITS, truncateMrkdwn } from "./block-kit-limits";
import { escapeMrkdwn } from "./escape-mrkdwn";
import { SlackCallbackId } from "./slack-action-ids";

/** The reason box's block id in the decline and override modals. */
export const REASON_BLOCK = "reason";
/** The action id of every single-input modal element. */
export const REASON_ACTION = "reason";

/** Metadata of the decline modal. */
export interface DeclineModalMetadata {
  invitationId: string;
  channelId: string;
  teamId: string;
}

/** Metadata of the quorum override modal. */
export interface OverrideModalMetadata {
  meetingId: string;
  channelId: string;
  teamId: string;
}

/** Metadata of the waive-deadline modal. */
export interface WaiveModalMetadata {
  deadlineId: string;
  channelId: string;
  teamId: string;
}

/** Most a waiver reason may say (the Teams card uses the same). */
export const WAIVE_REASON_MAX_LENGTH = 500;

/** What differs between the modals that ask for one reason. */
interface ReasonModalSpec {
  callbackId: SlackCallbackId;
  title: string;
  submit: string;
  meta: object;
  /** The intro line, already escaped mrkdwn. */
  intro: string;
  label: string;
  hint: string;
  maxLength: number;
}

/**
 * A modal with an intro and one required reason box (block REASON_BLOCK, action
 * REASON_ACTION), so every reason the app asks for is read and errors are shown the same way.
 */
function reasonModal(spec: ReasonModalSpec): ModalView {
  return {
    type: "modal",
    callback_id: spec.callbackId,
    title: { type: "plain_text", text: spec.title },
    submit: { type: "plain_text", text: spec.submit },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(spec.meta),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(spec.intro, SLACK_LIMITS.sectionText) } },
      {
        type: "input",
        block_id: REASON_BLOCK,
        label: { type: "plain_text", text: spec.label },
        hint: { type: "plain_text", text: spec.hint },
        element: { type: "plain_text_input", action_id: REASON_ACTION, multiline: true, max_length: spec.maxLength },
      },
    ],
  };
}

/**
 * Asks a team manager why a statutory deadline is waived. Anyone may open it; the app
 * refuses a submission from anyone but a team manager, and the refusal shows beside the box.
 */
export function waiveDeadlineModal(meta: WaiveModalMetadata, deadlineTitle: string, caseReference: string): ModalView {
  return reasonModal({
    callbackId: SlackCallbackId.WaiveDeadline,
    title: "Waive a deadline",
    submit: "Waive",
    meta,
    intro: `You are waiving *${escapeMrkdwn(deadlineTitle)}* for ${escapeMrkdwn(caseReference)}. Only a team manager can do this; the reason stays on the case record and the nudges stop.`,
    label: "Why is this deadline waived?",
    hint: "For example: the family moved out of the area before the conference; the case transferred out.",
    maxLength: WAIVE_REASON_MAX_LENGTH,
  });
}

/** Asks a declining invitee why, so the convenor can find someone else. */
export function declineModal(meta: DeclineModalMetadata, roleLabel: string): ModalView {
  return reasonModal({
    callbackId: SlackCallbackId.DeclineReason,
    title: "Decline",
    submit: "Decline",
    meta,
    intro: `You are declining the *${escapeMrkdwn(roleLabel)}* invitation.`,
    label: "Reason",
    hint: "For example: on leave; a colleague will attend instead.",
    maxLength: 500,
  });
}

/**
 * Shown when "Mark held" hits QUORUM_NOT_MET: names the missing agencies and asks how they
 * contributed or why the meeting went ahead, which the record keeps.
 */
export function quorumOverrideModal(meta: OverrideModalMetadata, missingLabels: string[], message: string): ModalView {
  return reasonModal({
    callbackId: SlackCallbackId.QuorumOverride,
    title: "Held without quorum?",
    submit: "Mark held",
    meta,
    intro: `:warning: ${escapeMrkdwn(message)}\n*Missing:* ${escapeMrkdwn(missingLabels.join(", "))}`,
    label: "Why it went ahead without them",
    hint: "For example: health gave information by phone beforehand.",
    maxLength: 1000,
  });
}

/** Replaces a modal with a message, for failures no field can fix (e.g. the channel is not linked). */
export function messageModal(title: string, text: string): ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: title.slice(0, SLACK_LIMITS.modalTitle) },
    close: { type: "plain_text", text: "Close" },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(escapeMrkdwn(text), SLACK_LIMITS.sectionText) } }],
  };
}
