import type { KnownBlock } from "@slack/types";
import type { DeadlinesView, NoticeView } from "../../app/views/view-models";
import { SLACK_LIMITS, truncateMrkdwn } from "./block-kit-limits";
import { boldLabel, escapeMrkdwn } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";
import { ActionId } from "../../app/conversation/action-id";
import { slackActionId } from "./slack-action-id";
import { workingDays } from "../../domain/language/plural";

/** The block id of a deadline's own section (the one that carries its Waive button). */
export function deadlineBlockId(deadlineId: string): string {
  return `deadline:${deadlineId}`;
}

/**
 * The ephemeral answer to `/convene deadlines <ref>`: open deadlines and actions, soonest
 * first. Each statutory deadline has its own section with a "Waive" button (the app lets
 * only a team manager waive) and the button that records its closing event; each open action
 * has "Mark done" and "Cancel action"; closed clocks (met, missed, waived) follow.
 */
export function deadlinesBlocks(view: DeadlinesView, notice?: NoticeView): SlackMessage {
  const head = `*Deadlines and actions for ${escapeMrkdwn(view.caseReference)}*`;
  const lineText = (l: DeadlinesView["lines"][number]) => {
    const days = l.workingDaysRemaining < 0 ? `overdue by ${workingDays(-l.workingDaysRemaining)}` : `${workingDays(l.workingDaysRemaining)} left`;
    const owner = l.ownerLabel ? ` · ${escapeMrkdwn(l.ownerLabel)}` : "";
    return truncateMrkdwn(`• ${escapeMrkdwn(l.title)}: ${escapeMrkdwn(l.dueDateLabel)} (${days}, ${escapeMrkdwn(l.status)})${owner}`, SLACK_LIMITS.sectionText);
  };
  const blocks: KnownBlock[] = [];
  // After a waiver, what was done comes first, then what is still open.
  if (notice) blocks.push({ type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(`${boldLabel(notice.title)}\n${escapeMrkdwn(notice.text)}`, SLACK_LIMITS.sectionText) } });
  blocks.push({ type: "section", text: { type: "mrkdwn", text: head } });
  const button = (action: ActionId, target: string, label: string) => ({ type: "button" as const, action_id: slackActionId(action, target), text: { type: "plain_text" as const, text: label }, value: target });
  if (view.openEnquiry) {
    const e = view.openEnquiry;
    blocks.push({ type: "section", block_id: `enquiry:${e.id}`, text: { type: "mrkdwn", text: `*Section 47 enquiry* under way since ${escapeMrkdwn(e.startDateLabel)}: its outcome is still to be recorded.` }, accessory: button(ActionId.RecordEnquiryOutcome, e.id, "Record the enquiry outcome") });
  }
  if (view.planInForce) {
    blocks.push({ type: "section", block_id: "plan", text: { type: "mrkdwn", text: `*Child protection plan* in force since ${escapeMrkdwn(view.planInForce.startedOnLabel)}.` }, accessory: button(ActionId.EndPlan, view.caseReference, "End the plan") });
  }
  for (const line of view.lines) {
    const l = lineText(line);
    if (line.kind === "deadline") {
      blocks.push({ type: "section", block_id: deadlineBlockId(line.id), text: { type: "mrkdwn", text: l }, accessory: button(ActionId.WaiveDeadline, line.id, "Waive") });
      if (line.closeWith === "referral-decision") blocks.push({ type: "actions", block_id: `close:${line.id}`, elements: [button(ActionId.RecordReferralDecision, line.id, "Record the referral decision")] });
      if (line.closeWith === "permanence-plan") blocks.push({ type: "actions", block_id: `close:${line.id}`, elements: [button(ActionId.RecordPermanencePlan, line.id, "Record the permanence plan")] });
      if (line.closeWith === "assessment") blocks.push({ type: "actions", block_id: `close:${line.id}`, elements: [button(ActionId.ConcludeAssessment, line.id, "Record the assessment as concluded")] });
    } else {
      // Each open action gets its own buttons: its owner, the convenor or the social worker closes it here.
      blocks.push({ type: "section", text: { type: "mrkdwn", text: l } });
      blocks.push({ type: "actions", block_id: `action:${line.id}`, elements: [button(ActionId.MarkActionDone, line.id, "Mark done"), button(ActionId.CancelAction, line.id, "Cancel action")] });
    }
  }
  const closed = view.closed ?? [];
  if (closed.length) {
    const words = { met: "Met", missed: "Missed", waived: "Waived" } as const;
    const text = closed
      .map((c) => `• ${words[c.status]}: ${escapeMrkdwn(c.title)} (due ${escapeMrkdwn(c.dueDateLabel)}) · ${escapeMrkdwn(c.how)}${c.closedOnLabel ? ` on ${escapeMrkdwn(c.closedOnLabel)}` : ""}${c.workingDaysTaken !== null ? ` · ${workingDays(c.workingDaysTaken)}` : ""}`)
      .join("\n");
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(`*Closed*\n${text}`, SLACK_LIMITS.sectionText) } });
  }
  if (view.lines.length === 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: "Nothing is open for this case." } });
  // 49 sections at most, then a pointer to the CLI export.
  if (blocks.length > SLACK_LIMITS.messageBlocks) {
    blocks.length = SLACK_LIMITS.messageBlocks - 1;
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "More lines than Slack can show; export the case for the full list." }] });
  }
  return { text: notice ? `${escapeMrkdwn(notice.title)}. Deadlines for ${escapeMrkdwn(view.caseReference)}` : `Deadlines for ${escapeMrkdwn(view.caseReference)}`, blocks };
}
