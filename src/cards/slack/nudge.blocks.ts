import type { KnownBlock } from "@slack/types";
import type { NudgeView } from "../../app/views/view-models";
import { SLACK_LIMITS, truncateMrkdwn } from "./block-kit-limits";
import { escapeMrkdwn, mentionUser } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";
import { ActionId } from "../../app/conversation/action-id";
import { slackActionId } from "./slack-action-id";
import { NO_TEAM_MANAGER_ADVICE, NUDGE_ACT } from "../nudge.card";
import { workingDays } from "../../domain/language/plural";

function remaining(view: NudgeView): string {
  const n = view.workingDaysRemaining;
  if (view.overdue || n < 0) {
    const late = Math.abs(n);
    return late === 0 ? "overdue" : `overdue by ${workingDays(late)}`;
  }
  if (n === 0) return "due today";
  return `${workingDays(n)} left`;
}

/**
 * A deadline nudge for the case channel: case reference (never a child's name), what is due
 * and by when, working days left, the people it is for as real mentions, and a way to act.
 */
export function nudgeBlocks(view: NudgeView): SlackMessage {
  const icon = view.overdue ? ":rotating_light:" : ":alarm_clock:";
  const mentions = view.mentions.map((m) => mentionUser(m.platformUserId)).join(" ");
  const headline = `${icon} *${escapeMrkdwn(view.title)}* for *${escapeMrkdwn(view.caseReference)}* is due *${escapeMrkdwn(view.dueDateLabel)}* (${remaining(view)}).`;
  const lines = [headline, escapeMrkdwn(view.ruleSummary)];
  // The action's own words go in the body only, never in the notification text below.
  if (view.actionDescription) lines.push(`Action: ${escapeMrkdwn(view.actionDescription)}`);
  if (mentions) lines.push(`${view.escalated ? "Escalated to" : "For"} ${mentions}`);
  if (view.noTeamManager) lines.push(escapeMrkdwn(NO_TEAM_MANAGER_ADVICE));
  const blocks: KnownBlock[] = [
    {
      type: "section",
      block_id: `nudge:${view.deadlineId}`,
      text: { type: "mrkdwn", text: truncateMrkdwn(lines.join("\n"), SLACK_LIMITS.sectionText) },
    },
    {
      type: "actions",
      block_id: `nudge_actions:${view.deadlineId}`,
      elements: [
        ...(view.act
          ? [
              {
                type: "button" as const,
                action_id: slackActionId(NUDGE_ACT[view.act.kind].action, view.act.target),
                text: { type: "plain_text" as const, text: NUDGE_ACT[view.act.kind].label },
                value: JSON.stringify({ ...(NUDGE_ACT[view.act.kind].extra ?? {}) }).slice(0, SLACK_LIMITS.buttonValue),
              },
            ]
          : []),
        {
          type: "button",
          action_id: slackActionId(ActionId.ShowDeadlines, view.caseReference),
          text: { type: "plain_text", text: "Show the case's deadlines" },
          value: view.caseReference.slice(0, SLACK_LIMITS.buttonValue),
        },
      ],
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: truncateMrkdwn(
            `Or type \`/convene ${escapeMrkdwn(view.actionCommand)}\`${view.late ? ` · sent late: it was planned for ${escapeMrkdwn(view.plannedLabel ?? "earlier")}` : ""}`,
            SLACK_LIMITS.sectionText,
          ),
        },
      ],
    },
  ];
  // The fallback text carries the mentions too, so the notification reaches the people named.
  const text = truncateMrkdwn(`${escapeMrkdwn(view.title)} for ${escapeMrkdwn(view.caseReference)}: due ${escapeMrkdwn(view.dueDateLabel)}, ${remaining(view)}${mentions ? ` ${mentions}` : ""}`, SLACK_LIMITS.messageText);
  return { text, blocks };
}
