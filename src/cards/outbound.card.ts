import type { OutboundCard } from "../app/views/view-models";
import type { AdaptiveCardJson } from "./adaptive-card";
import { renderDecisionRecordCard } from "./decision-record.card";
import { renderNoticeCard } from "./notice.card";
import { renderNudgeCard } from "./nudge.card";
import { renderRosterCard, type RosterCardOptions } from "./roster.card";

/** Renders any outbox card as an Adaptive Card 1.5. Roster options apply to roster cards only. */
export function renderOutboundAdaptiveCard(card: OutboundCard, rosterOptions: RosterCardOptions = {}): AdaptiveCardJson {
  switch (card.type) {
    case "roster":
      return renderRosterCard(card.view, rosterOptions);
    case "decision-record":
      return renderDecisionRecordCard(card.view);
    case "nudge":
      return renderNudgeCard(card.view);
    case "notice":
      return renderNoticeCard(card.view);
  }
}
