import type { OutboundCard } from "../../app/views/view-models";
import { decisionRecordSummaryBlocks, legacyRecordBlocks } from "./decision-record.blocks";
import { noticeBlocks } from "./notice.blocks";
import { nudgeBlocks } from "./nudge.blocks";
import { chaseBlocks } from "./chase.blocks";
import { rosterBlocks, type SlackMessage } from "./roster.blocks";

/** Renders any outbox card as a Slack message (the SlackGateway's only renderer). */
export function slackMessageFor(card: OutboundCard): SlackMessage {
  switch (card.type) {
    case "roster":
      return rosterBlocks(card.view);
    case "record-summary":
      return decisionRecordSummaryBlocks(card.view);
    case "decision-record":
      return legacyRecordBlocks(card.view);
    case "nudge":
      return nudgeBlocks(card.view);
    case "chase":
      return chaseBlocks(card.view);
    case "notice":
      return noticeBlocks(card.view);
  }
}
