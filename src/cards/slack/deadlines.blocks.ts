import type { KnownBlock } from "@slack/types";
import type { DeadlinesView } from "../../app/views/view-models";
import { SLACK_LIMITS, truncateMrkdwn } from "./block-kit-limits";
import { escapeMrkdwn } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";
import { SlackActionId, rowActionId } from "./slack-action-ids";

/** The block id of a deadline's own section (the one that carries its Waive button). */
export function deadlineBlockId(deadlineId: string): string {
  return `deadline:${deadlineId}`;
}

/**
 * The ephemeral answer to `/convene deadlines <ref>`: open deadlines and actions, soonest
 * first. Each statutory deadline has its own section with a "Waive" button (the app lets
 * only a team manager waive); actions are packed into shared sections.
 */
export function deadlinesBlocks(view: DeadlinesView): SlackMessage {
  const head = `*Deadlines and actions for ${escapeMrkdwn(view.caseReference)}*`;
  const lineText = (l: DeadlinesView["lines"][number]) => {
    const days = l.workingDaysRemaining < 0 ? `overdue by ${-l.workingDaysRemaining} working days` : `${l.workingDaysRemaining} working days left`;
    const owner = l.ownerLabel ? ` · ${escapeMrkdwn(l.ownerLabel)}` : "";
    return truncateMrkdwn(`• ${escapeMrkdwn(l.title)}: ${escapeMrkdwn(l.dueDateLabel)} (${days}, ${escapeMrkdwn(l.status)})${owner}`, SLACK_LIMITS.sectionText);
  };
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: head } }];
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
        accessory: { type: "button", action_id: rowActionId(SlackActionId.WaiveDeadline, line.id), text: { type: "plain_text", text: "Waive" }, value: line.id },
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
  return { text: `Deadlines for ${escapeMrkdwn(view.caseReference)}`, blocks };
}

/** The ephemeral answer to `/convene help`. */
export function helpBlocks(): SlackMessage {
  const text = [
    "*Convene* convenes multi-agency meetings for a case and keeps its deadlines.",
    "• `/convene link CS-2026-0142`: link this channel to a case (nudges and cards come here)",
    "• `/convene strategy CS-2026-0142`: convene a strategy discussion (social worker, health and police)",
    "• `/convene core-group CS-2026-0142`, `/convene icpc …`, `/convene review …`: convene those meetings",
    "• `/convene deadlines CS-2026-0142`: the case's deadlines and actions (only you see the answer); a team manager can *Waive* a deadline there, with a reason",
    "• `/convene referral CS-2026-0142 2026-11-20`: record the day a referral arrived (decision in 1 working day, assessment in 45)",
    "• `/convene transfer-in CS-2026-0142 2026-11-20`: record the day you were told the family moved in (conference in 15 working days); without a date it convenes the transfer-in conference",
    "• `/convene dob CS-2026-0142 2010-05-14`: record the child's date of birth (a review before the 18th birthday)",
    "• `/convene help`: this message",
    "Messages carry the case reference only, never a child's name.",
  ].join("\n");
  return { text: "Convene help", blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}
