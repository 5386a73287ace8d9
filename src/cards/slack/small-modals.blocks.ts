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

/**
 * Asks a team manager why a statutory deadline is waived. Anyone may open it; the app
 * refuses a submission from anyone but a team manager, and the refusal shows beside the box.
 */
export function waiveDeadlineModal(meta: WaiveModalMetadata, deadlineTitle: string, caseReference: string): ModalView {
  return {
    type: "modal",
    callback_id: SlackCallbackId.WaiveDeadline,
    title: { type: "plain_text", text: "Waive a deadline" },
    submit: { type: "plain_text", text: "Waive" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(meta),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: truncateMrkdwn(
            `You are waiving *${escapeMrkdwn(deadlineTitle)}* for ${escapeMrkdwn(caseReference)}. Only a team manager can do this; the reason stays on the case record and the nudges stop.`,
            SLACK_LIMITS.sectionText,
          ),
        },
      },
      {
        type: "input",
        block_id: REASON_BLOCK,
        label: { type: "plain_text", text: "Why is this deadline waived?" },
        hint: { type: "plain_text", text: "For example: the family moved out of the area before the conference; the case transferred out." },
        element: { type: "plain_text_input", action_id: REASON_ACTION, multiline: true, max_length: WAIVE_REASON_MAX_LENGTH },
      },
    ],
  };
}

/** Asks a declining invitee why, so the convenor can find someone else. */
export function declineModal(meta: DeclineModalMetadata, roleLabel: string): ModalView {
  return {
    type: "modal",
    callback_id: SlackCallbackId.DeclineReason,
    title: { type: "plain_text", text: "Decline" },
    submit: { type: "plain_text", text: "Decline" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(meta),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(`You are declining the *${escapeMrkdwn(roleLabel)}* invitation.`, SLACK_LIMITS.sectionText) } },
      {
        type: "input",
        block_id: REASON_BLOCK,
        label: { type: "plain_text", text: "Reason" },
        hint: { type: "plain_text", text: "For example: on leave; a colleague will attend instead." },
        element: { type: "plain_text_input", action_id: REASON_ACTION, multiline: true, max_length: 500 },
      },
    ],
  };
}

/**
 * Shown when "Mark held" hits QUORUM_NOT_MET: names the missing agencies and asks how they
 * contributed or why the meeting went ahead, which the record keeps.
 */
export function quorumOverrideModal(meta: OverrideModalMetadata, missingLabels: string[], message: string): ModalView {
  return {
    type: "modal",
    callback_id: SlackCallbackId.QuorumOverride,
    title: { type: "plain_text", text: "Held without quorum?" },
    submit: { type: "plain_text", text: "Mark held" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(meta),
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: truncateMrkdwn(`:warning: ${escapeMrkdwn(message)}\n*Missing:* ${escapeMrkdwn(missingLabels.join(", "))}`, SLACK_LIMITS.sectionText) },
      },
      {
        type: "input",
        block_id: REASON_BLOCK,
        label: { type: "plain_text", text: "Why it went ahead without them" },
        hint: { type: "plain_text", text: "For example: health gave information by phone beforehand." },
        element: { type: "plain_text_input", action_id: REASON_ACTION, multiline: true, max_length: 1000 },
      },
    ],
  };
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
