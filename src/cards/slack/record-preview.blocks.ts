import type { KnownBlock, ModalView } from "@slack/types";
import type { RecordPreviewView } from "../../app/conversation/record-preview";
import { RecordStep } from "../../app/conversation/record-preview";
import { SLACK_LIMITS, truncateMrkdwn, truncatePlain } from "./block-kit-limits";
import { decisionRecordBlocks } from "./decision-record.blocks";
import { escapeMrkdwn } from "./escape-mrkdwn";
import type { FormModalMetadata } from "./form.blocks";

/**
 * The "check" step in Slack: the form modal is replaced (`response_action: "update"`) by the
 * record as it will be saved, with the plain-language advice on top. Its submit is Save (the
 * metadata carries the checked draft); Cancel leaves it unsaved, and the form reopens with
 * what was checked.
 */
export function recordPreviewModal(preview: RecordPreviewView, channelId: string): ModalView {
  const save = preview.buttons.find((b) => b.data.step === RecordStep.save)!;
  const advice = preview.advice.length ? preview.advice.map((l) => `• ${escapeMrkdwn(l)}`).join("\n") : "No jargon or judgemental words found.";
  const head: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: "*Check the record before saving.* This is the record as it will be saved. Nothing is saved or shared until you press Save. To change something, press Cancel and open the form again: it keeps what you wrote." } },
    { type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(`*Plain-language check* (advice only)\n${advice}`, SLACK_LIMITS.sectionText) } },
    { type: "divider" },
  ];
  const meta: FormModalMetadata = { ...save.data, channelId };
  return {
    type: "modal",
    callback_id: save.action,
    title: { type: "plain_text", text: truncatePlain("Check the record", SLACK_LIMITS.modalTitle) },
    submit: { type: "plain_text", text: truncatePlain(save.title, SLACK_LIMITS.modalSubmit) },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(meta),
    blocks: [...head, ...decisionRecordBlocks(preview.record, SLACK_LIMITS.modalBlocks - head.length)],
  };
}
