import type { KnownBlock } from "@slack/types";
import type { DeadlinesView } from "../../app/app-types";
import { SLACK_LIMITS, truncateMrkdwn } from "./block-kit-limits";
import { escapeMrkdwn } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";

/** The ephemeral answer to `/convene deadlines <ref>`: open deadlines and actions, soonest first. */
export function deadlinesBlocks(view: DeadlinesView): SlackMessage {
  const head = `*Deadlines and actions for ${escapeMrkdwn(view.caseReference)}*`;
  const lines = view.lines.map((l) => {
    const days = l.workingDaysRemaining < 0 ? `overdue by ${-l.workingDaysRemaining} working days` : `${l.workingDaysRemaining} working days left`;
    const owner = l.ownerLabel ? ` · ${escapeMrkdwn(l.ownerLabel)}` : "";
    return `• ${escapeMrkdwn(l.title)}: ${escapeMrkdwn(l.dueDateLabel)} (${days}, ${escapeMrkdwn(l.status)})${owner}`;
  });
  if (lines.length === 0) lines.push("Nothing is open for this case.");
  // One section per 3,000 characters of lines; 49 sections at most, then a pointer to the CLI export.
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: head } }];
  let current = "";
  for (const line of lines) {
    const l = truncateMrkdwn(line, SLACK_LIMITS.sectionText);
    if (current && current.length + 1 + l.length > SLACK_LIMITS.sectionText) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: current } });
      current = l;
    } else current = current ? `${current}\n${l}` : l;
  }
  if (current) blocks.push({ type: "section", text: { type: "mrkdwn", text: current } });
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
    "• `/convene deadlines CS-2026-0142`: the case's deadlines and actions (only you see the answer)",
    "• `/convene help`: this message",
    "Messages carry the case reference only, never a child's name.",
  ].join("\n");
  return { text: "Convene help", blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}
