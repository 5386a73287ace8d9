import type { OutboundCard } from "../app/views/view-models";
import type { AdaptiveCardJson } from "./adaptive-card";
import { renderDecisionRecordSummaryCard, renderLegacyRecordCard, type RecordSummaryCardOptions } from "./decision-record.card";
import { renderNoticeCard } from "./notice.card";
import { renderNudgeCard } from "./nudge.card";
import { renderChaseCard } from "./chase.card";
import { renderRosterCard, type RosterCardOptions } from "./roster.card";

/** Renders any outbox card as an Adaptive Card 1.5. Roster options apply to roster cards, summary options to record summaries. */
export function renderOutboundAdaptiveCard(card: OutboundCard, rosterOptions: RosterCardOptions = {}, summaryOptions: RecordSummaryCardOptions = {}): AdaptiveCardJson {
  switch (card.type) {
    case "roster":
      return renderRosterCard(card.view, rosterOptions);
    case "record-summary":
      return renderDecisionRecordSummaryCard(card.view, summaryOptions);
    case "decision-record":
      return renderLegacyRecordCard(card.view);
    case "nudge":
      return renderNudgeCard(card.view);
    case "chase":
      return renderChaseCard(card.view);
    case "notice":
      return renderNoticeCard(card.view);
  }
}
