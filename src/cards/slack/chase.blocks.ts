import type { KnownBlock } from "@slack/types";
import { ActionId } from "../../app/conversation/action-id";
import type { ChaseView } from "../../app/views/view-models";
import { ACCEPT_TITLE, chaseTitle, DECLINE_TITLE } from "../chase.card";
import { SLACK_LIMITS, truncateMrkdwn, truncatePlain } from "./block-kit-limits";
import { escapeMrkdwn, mentionUser } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";
import { slackActionId } from "./slack-action-id";

/** The Accept button's words in Slack (a colon reads oddly on a Slack button), everywhere a row is answered. */
/** The same words as the Teams and playground button, so a person (or a test client) finds it by one title everywhere. */
export const SLACK_ACCEPT_TITLE = ACCEPT_TITLE;

/**
 * A reminder (the invitee mentioned, with the row's answer buttons) or the escalation (the
 * convenor and team manager mentioned, with what to do next), as a Slack message.
 */
export function chaseBlocks(view: ChaseView): SlackMessage {
  const mentions = view.mentions.map((m) => mentionUser(m.platformUserId)).join(" ");
  const lines = [
    `*${escapeMrkdwn(chaseTitle(view))}*`,
    `${escapeMrkdwn(view.kindTitle)}, ${escapeMrkdwn(view.whenLabel)}. ${escapeMrkdwn(view.roleLabel)}: ${escapeMrkdwn(view.inviteeLabel)}.`,
    `${view.escalated ? ":warning: " : ""}${escapeMrkdwn(view.prompt)}`,
    ...(mentions ? [`For ${mentions}`] : []),
  ];
  const value = view.invitationId;
  const buttons = view.escalated
    ? [{ type: "button" as const, action_id: slackActionId(ActionId.ShowDeadlines, view.caseReference), text: { type: "plain_text" as const, text: "Show deadlines" }, value: view.caseReference }]
    : [
        { type: "button" as const, action_id: slackActionId(ActionId.Accept, view.invitationId), text: { type: "plain_text" as const, text: SLACK_ACCEPT_TITLE }, style: "primary" as const, value },
        { type: "button" as const, action_id: slackActionId(ActionId.Decline, view.invitationId), text: { type: "plain_text" as const, text: DECLINE_TITLE }, style: "danger" as const, value },
      ];
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(lines.join("\n"), SLACK_LIMITS.sectionText) } },
    { type: "actions", block_id: `chase_actions:${view.invitationId}:${view.count}`, elements: buttons },
  ];
  // The preview names the case and who is asked, never the concern or a child.
  return { text: truncatePlain(`${chaseTitle(view)}${mentions ? ` ${mentions}` : ""}`, SLACK_LIMITS.messageText), blocks };
}
