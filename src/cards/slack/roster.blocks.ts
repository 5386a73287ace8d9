import type { KnownBlock } from "@slack/types";
import type { RosterRowView, RosterView } from "../../app/views/view-models";
import { ActionId } from "../../app/conversation/action-id";
import { rosterGaps } from "../../app/views/roster-gaps";
import { outlookBusyLine, outlookNotCheckedLine } from "../../app/views/time-poll-view";
import { SLACK_LIMITS, truncateMrkdwn, truncatePlain } from "./block-kit-limits";
import { boldLabel, escapeMrkdwn, mentionUser } from "./escape-mrkdwn";
import { slackActionId } from "./slack-action-id";
import { ACCEPT_TITLE } from "../chase.card";

/** A Slack message: fallback text (notifications, screen readers) and blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const RESPONSE_ICON: Record<RosterRowView["response"], string> = {
  invited: ":hourglass_flowing_sand:",
  accepted: ":white_check_mark:",
  tentative: ":grey_question:",
  declined: ":x:",
  delegated: ":arrow_right:",
};

function rowBlocks(row: RosterRowView, open: boolean): KnownBlock[] {
  const required = row.required ? " _(required)_" : "";
  const attendance = row.attendanceLabel ? ` · ${escapeMrkdwn(row.attendanceLabel)}` : "";
  const text = truncateMrkdwn(
    `${boldLabel(row.roleLabel)}${required}: ${row.mention?.platform === "slack" ? `${mentionUser(row.mention.platformUserId)} ` : ""}${escapeMrkdwn(row.inviteeLabel)}\n${RESPONSE_ICON[row.response]} ${escapeMrkdwn(row.responseLabel)}${attendance}`,
    SLACK_LIMITS.sectionText,
  );
  const blocks: KnownBlock[] = [{ type: "section", block_id: `row:${row.invitationId}`, text: { type: "mrkdwn", text } }];
  if (open && row.answeredInChat !== false) {
    // The value carries the row's role for the decline and delegate forms' wording only.
    const value = JSON.stringify({ role: row.role });
    const id = (action: ActionId) => slackActionId(action, row.invitationId);
    blocks.push({
      type: "actions",
      block_id: `row_actions:${row.invitationId}`,
      elements: [
        {
          type: "button",
          action_id: id(ActionId.Accept),
          text: { type: "plain_text", text: ACCEPT_TITLE },
          style: "primary",
          value,
        },
        { type: "button", action_id: id(ActionId.Tentative), text: { type: "plain_text", text: "Tentative" }, value },
        { type: "button", action_id: id(ActionId.Decline), text: { type: "plain_text", text: "Decline" }, style: "danger", value },
        {
          type: "users_select",
          action_id: id(ActionId.Delegate),
          placeholder: { type: "plain_text", text: "Delegate to…" },
        },
      ],
    });
  }
  return blocks;
}

/**
 * The proposed times ("find a time"): each with the roles that can, cannot and have not said,
 * the earliest the required roles can all make starred, and the poll's buttons. None without a poll.
 */
function timePollBlocks(view: RosterView): KnownBlock[] {
  const poll = view.timePoll;
  if (!poll) return [];
  const lines = poll.options.map((o) => {
    const parts = [o.canMake.length ? `can make it: ${o.canMake.join(", ")}` : "", o.cannotMake.length ? `cannot: ${o.cannotMake.join(", ")}` : "", o.notYet.length ? `not yet answered: ${o.notYet.join(", ")}` : ""].filter(Boolean);
    // Advisory only: people's own ticks decide, and the star.
    const outlook = o.outlookBusy.length ? `\n    _${escapeMrkdwn(outlookBusyLine(o.outlookBusy))}_` : "";
    return `${o.best ? ":star: " : "• "}*${escapeMrkdwn(o.label)}*${o.allRequired ? " · required roles can all make it" : ""}\n    ${escapeMrkdwn(parts.join(" · ") || "no answers yet")}${outlook}`;
  });
  const notChecked = poll.outlookNotChecked.length ? `\n_${escapeMrkdwn(outlookNotCheckedLine(poll.outlookNotChecked))}_` : "";
  const best = poll.bestLabel ? `${escapeMrkdwn(poll.bestIntro)}: *${escapeMrkdwn(poll.bestLabel)}*` : "No time suits every required role yet.";
  return [
    { type: "section", block_id: `times:${view.meetingId}`.slice(0, 255), text: { type: "mrkdwn", text: truncateMrkdwn(`*Possible times*\n${best}\n${lines.join("\n")}\n_${poll.answered} of ${poll.asked} rows have marked their times._${notChecked}`, SLACK_LIMITS.sectionText) } },
    {
      type: "actions",
      block_id: `time_actions:${view.meetingId}`.slice(0, 255),
      elements: [
        { type: "button", action_id: slackActionId(ActionId.AnswerTimes, view.meetingId), text: { type: "plain_text", text: "Times I can make…" }, value: view.meetingId, style: "primary" },
        { type: "button", action_id: slackActionId(ActionId.PickTime, view.meetingId), text: { type: "plain_text", text: "Pick a time…" }, value: view.meetingId },
      ],
    },
    { type: "divider" },
  ];
}

/**
 * The convening message: what, when, the concern, and one row per invitee with Accept
 * (which is the seniority confirmation), Tentative, Decline and Delegate; then the
 * convenor's Mark held / Record decision. Updated in place (chat.update) on every change.
 */
export function rosterBlocks(view: RosterView): SlackMessage {
  const open = view.status === "proposed" || view.status === "scheduled";
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncatePlain(`${view.kindTitle} · ${view.caseReference}`, SLACK_LIMITS.headerText) } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: truncateMrkdwn(`*When*\n${escapeMrkdwn(view.whenLabel)}`, SLACK_LIMITS.sectionFieldText) },
        { type: "mrkdwn", text: truncateMrkdwn(`*How*\n${escapeMrkdwn(view.modeLabel)}`, SLACK_LIMITS.sectionFieldText) },
        { type: "mrkdwn", text: truncateMrkdwn(`*Urgency*\n${escapeMrkdwn(view.urgencyLabel)}`, SLACK_LIMITS.sectionFieldText) },
        { type: "mrkdwn", text: truncateMrkdwn(`*Convened by*\n${escapeMrkdwn(view.convenorLabel)}`, SLACK_LIMITS.sectionFieldText) },
        { type: "mrkdwn", text: `*Status*\n${escapeMrkdwn(view.statusLabel)}` },
      ],
    },
    { type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(`*Concern*\n${escapeMrkdwn(view.concern)}`, SLACK_LIMITS.sectionText) } },
  ];
  if (view.onlineMeetingNote) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `:warning: ${escapeMrkdwn(view.onlineMeetingNote)}` }] });
  const gaps = rosterGaps(view);
  if (gaps.length > 0) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: truncateMrkdwn(`:warning: *Still needed:*\n${gaps.map((g) => `• ${escapeMrkdwn(g.text)}`).join("\n")}`, SLACK_LIMITS.sectionText) },
    });
  }
  if (view.quorumOverrideReason) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: truncateMrkdwn(`Held without the statutory minimum: ${escapeMrkdwn(view.quorumOverrideReason)}`, SLACK_LIMITS.sectionText) }],
    });
  }
  blocks.push({ type: "divider" });
  // Rows first, convenor actions last; if a huge roster would pass 50 blocks, row buttons go
  // (the rows still show) rather than Slack refusing the whole message.
  const poll = view.status === "proposed" ? timePollBlocks(view) : [];
  const footer = 3 + poll.length;
  const withButtons = blocks.length + view.rows.length * 2 + footer <= SLACK_LIMITS.messageBlocks;
  for (const row of view.rows) blocks.push(...rowBlocks(row, open && withButtons));
  blocks.push({ type: "divider" }, ...poll);
  const convenorActions = [];
  if (view.joinUrl) {
    // A URL button, like the calendar one: Slack opens Teams and sends an action we ack and ignore.
    convenorActions.push({
      type: "button" as const,
      action_id: `teams.join:${view.meetingId}`.slice(0, SLACK_LIMITS.actionId),
      text: { type: "plain_text" as const, text: "Join Teams meeting" },
      url: view.joinUrl,
    });
  }
  if (open) {
    convenorActions.push({
      type: "button" as const,
      action_id: slackActionId(ActionId.MarkHeld, view.meetingId),
      text: { type: "plain_text" as const, text: "Mark held" },
      value: view.meetingId,
    });
    convenorActions.push(
      { type: "button" as const, action_id: slackActionId(ActionId.RescheduleMeeting, view.meetingId), text: { type: "plain_text" as const, text: "Reschedule…" }, value: view.meetingId },
      { type: "button" as const, action_id: slackActionId(ActionId.ChangeInvitees, view.meetingId), text: { type: "plain_text" as const, text: "Change invitees…" }, value: view.meetingId },
      ...(view.status === "proposed"
        ? [{ type: "button" as const, action_id: slackActionId(ActionId.ProposeTimes, view.meetingId), text: { type: "plain_text" as const, text: "Find a time…" }, value: view.meetingId }]
        : []),
      { type: "button" as const, action_id: slackActionId(ActionId.CancelMeeting, view.meetingId), text: { type: "plain_text" as const, text: "Cancel meeting…" }, value: view.meetingId },
    );
  }
  // As on the Teams card: recording is offered once the meeting is held, amending once recorded.
  if (view.status === "held" || view.status === "recorded") {
    convenorActions.push({
      type: "button" as const,
      action_id: slackActionId(ActionId.OpenRecord, view.meetingId),
      text: { type: "plain_text" as const, text: view.status === "recorded" ? "Amend decision record" : "Record decision" },
      value: view.meetingId,
    });
  }
  if (view.status !== "cancelled") {
    convenorActions.push({
      type: "button" as const,
      action_id: slackActionId(ActionId.ShowDeadlines, view.caseReference),
      text: { type: "plain_text" as const, text: "Deadlines" },
      value: view.caseReference,
    });
  }
  if (view.calendarUrl) {
    // A URL button: Slack opens the signed link (the .ics) and still sends an action, which the
    // listener acks and ignores (its id is no ActionId).
    convenorActions.push({
      type: "button" as const,
      action_id: `calendar.download:${view.meetingId}`.slice(0, SLACK_LIMITS.actionId),
      text: { type: "plain_text" as const, text: view.status === "cancelled" ? "Remove from calendar" : "Add to calendar" },
      url: view.calendarUrl,
    });
  }
  if (convenorActions.length) blocks.push({ type: "actions", block_id: `meeting_actions:${view.meetingId}`, elements: convenorActions });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `Convene · revision ${view.revision}` }] });
  const text = truncateMrkdwn(`${escapeMrkdwn(view.kindTitle)} for ${escapeMrkdwn(view.caseReference)}: ${escapeMrkdwn(view.whenLabel)}`, SLACK_LIMITS.messageText);
  return { text, blocks };
}
