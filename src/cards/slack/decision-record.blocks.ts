import type { KnownBlock } from "@slack/types";
import type { DecisionRecordView } from "../../app/views/view-models";
import { SLACK_LIMITS, truncateMrkdwn, truncatePlain } from "./block-kit-limits";
import { boldLabel, escapeMrkdwn } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";

/**
 * Packs escaped "label: value" lines into section texts of at most 3,000 characters, so a
 * long record uses a few blocks rather than one per field.
 */
function packFields(fields: { label: string; value: string }[]): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const f of fields) {
    const line = truncateMrkdwn(`${boldLabel(f.label)}\n${escapeMrkdwn(f.value.trim() || "—")}`, SLACK_LIMITS.sectionText);
    if (current && current.length + 2 + line.length > SLACK_LIMITS.sectionText) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * A decision record version as a message: header, who recorded it and when, then each
 * section of the record. Over 50 blocks the tail is replaced by a pointer to the export,
 * because Slack would refuse the whole message.
 */
export function decisionRecordBlocks(view: DecisionRecordView): SlackMessage {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncatePlain(`Decision record · ${view.caseReference}`, SLACK_LIMITS.headerText) } },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: truncateMrkdwn(
            `${escapeMrkdwn(view.kindTitle)} · version ${view.version} · recorded by ${escapeMrkdwn(view.authorLabel)}, ${escapeMrkdwn(view.recordedAtLabel)}`,
            SLACK_LIMITS.sectionText,
          ),
        },
      ],
    },
  ];
  if (view.amendmentReason) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(`*Amended because:* ${escapeMrkdwn(view.amendmentReason)}`, SLACK_LIMITS.sectionText) } });
  }
  const body: KnownBlock[] = [];
  for (const section of view.sections) {
    body.push({ type: "divider" });
    body.push({ type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(boldLabel(section.title) || "—", SLACK_LIMITS.sectionText) } });
    for (const chunk of packFields(section.fields)) body.push({ type: "section", text: { type: "mrkdwn", text: chunk } });
  }
  const room = SLACK_LIMITS.messageBlocks - blocks.length;
  if (body.length <= room) blocks.push(...body);
  else {
    blocks.push(...body.slice(0, room - 1));
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "The record is too long to show in full here; export it from Convene to read every section." }] });
  }
  const text = `Decision record for ${escapeMrkdwn(view.caseReference)} (${escapeMrkdwn(view.kindTitle)}, version ${view.version})`;
  return { text, blocks };
}
