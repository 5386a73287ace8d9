import type { KnownBlock } from "@slack/types";
import type { DeadlinesView, NoticeView } from "../../app/views/view-models";
import { SLACK_LIMITS, truncateMrkdwn } from "./block-kit-limits";
import { boldLabel, escapeMrkdwn } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";
import { ActionId } from "../../app/conversation/action-id";
import { slackActionId } from "./slack-action-id";

/** The block id of a deadline's own section (the one that carries its Waive button). */
export function deadlineBlockId(deadlineId: string): string {
  return `deadline:${deadlineId}`;
}

/**
 * The ephemeral answer to `/convene deadlines <ref>`: open deadlines and actions, soonest
 * first. Each statutory deadline has its own section with a "Waive" button (the app lets
 * only a team manager waive); actions are packed into shared sections.
 */
export function deadlinesBlocks(view: DeadlinesView, notice?: NoticeView): SlackMessage {
  const head = `*Deadlines and actions for ${escapeMrkdwn(view.caseReference)}*`;
  const lineText = (l: DeadlinesView["lines"][number]) => {
    const days = l.workingDaysRemaining < 0 ? `overdue by ${-l.workingDaysRemaining} working days` : `${l.workingDaysRemaining} working days left`;
    const owner = l.ownerLabel ? ` · ${escapeMrkdwn(l.ownerLabel)}` : "";
    return truncateMrkdwn(`• ${escapeMrkdwn(l.title)}: ${escapeMrkdwn(l.dueDateLabel)} (${days}, ${escapeMrkdwn(l.status)})${owner}`, SLACK_LIMITS.sectionText);
  };
  const blocks: KnownBlock[] = [];
  // After a waiver, what was done comes first, then what is still open.
  if (notice) blocks.push({ type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(`${boldLabel(notice.title)}\n${escapeMrkdwn(notice.text)}`, SLACK_LIMITS.sectionText) } });
  blocks.push({ type: "section", text: { type: "mrkdwn", text: head } });
  // Actions share sections of up to 3,000 characters; a deadline ends the current one.
  let current = "";
  const flush = () => {
    if (current) blocks.push({ type: "section", text: { type: "mrkdwn", text: current } });
    current = "";
  };
  for (const line of view.lines) {
    const l = lineText(line);
    if (line.kind === "deadline") {
      flush();
      blocks.push({
        type: "section",
        block_id: deadlineBlockId(line.id),
        text: { type: "mrkdwn", text: l },
        accessory: { type: "button", action_id: slackActionId(ActionId.WaiveDeadline, line.id), text: { type: "plain_text", text: "Waive" }, value: line.id },
      });
    } else if (current && current.length + 1 + l.length > SLACK_LIMITS.sectionText) {
      flush();
      current = l;
    } else current = current ? `${current}\n${l}` : l;
  }
  flush();
  if (view.lines.length === 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: "Nothing is open for this case." } });
  // 49 sections at most, then a pointer to the CLI export.
  if (blocks.length > SLACK_LIMITS.messageBlocks) {
    blocks.length = SLACK_LIMITS.messageBlocks - 1;
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "More lines than Slack can show; export the case for the full list." }] });
  }
  return { text: notice ? `${escapeMrkdwn(notice.title)}. Deadlines for ${escapeMrkdwn(view.caseReference)}` : `Deadlines for ${escapeMrkdwn(view.caseReference)}`, blocks };
}
