import type { KnownBlock } from "@slack/types";
import { ActionId, FROM_MY_WORK, MY_WORK_TARGET } from "../../app/conversation/action-id";
import type { MyWorkView, NoticeView } from "../../app/views/view-models";
import { DECLINE_TITLE } from "../chase.card";
import { MARK_DONE_TITLE, moreLine, MY_WORK_TITLE, myWorkSummary } from "../my-work.card";
import { SLACK_LIMITS, truncateMrkdwn, truncatePlain } from "./block-kit-limits";
import { SLACK_ACCEPT_TITLE } from "./chase.blocks";
import { boldLabel, escapeMrkdwn } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";
import { slackActionId } from "./slack-action-id";

/** What the person's last press did (or why it was refused), at the top of their list. */
export interface MyWorkBlocksOptions {
  notice?: NoticeView;
  tone?: "info" | "error";
}

/** A Slack App Home view, as `views.publish` takes it. */
export interface SlackHomeView {
  type: "home";
  /** Set on our own home views, so a press can tell the Home tab from a message. */
  callback_id: string;
  blocks: KnownBlock[];
}

/** The home view's callback id: the listener republishes the Home tab after a press on a view carrying it. */
export const MY_WORK_HOME_CALLBACK_ID = "my-work-home";

const plain = (value: string, max: number = SLACK_LIMITS.buttonText) => ({ type: "plain_text" as const, text: truncatePlain(value, max) });
const mrkdwn = (value: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(value, SLACK_LIMITS.sectionText) } });
const context = (value: string): KnownBlock => ({ type: "context", elements: [{ type: "mrkdwn", text: truncateMrkdwn(value, SLACK_LIMITS.sectionText) }] });
const header = (value: string): KnownBlock => ({ type: "header", text: plain(value, SLACK_LIMITS.headerText) });
// Buttons carry the marker (and the row's role, for the decline form's words) as JSON in their value.
const valueOf = (extra: Record<string, string> = {}) => JSON.stringify({ ...extra, ...FROM_MY_WORK });

/**
 * "My meetings and actions" as Block Kit: meetings to answer (the roster's Accept and Decline),
 * meetings convened with their gaps, and open actions (Mark done). User text is escaped; an
 * action's words appear in its block only, never in a notification's text.
 */
export function myWorkBlocks(view: MyWorkView, options: MyWorkBlocksOptions = {}): KnownBlock[] {
  const blocks: KnownBlock[] = [header(MY_WORK_TITLE)];
  if (options.notice) {
    const icon = options.tone === "error" ? ":warning: " : ":white_check_mark: ";
    blocks.push(mrkdwn(`${icon}${boldLabel(options.notice.title)}\n${escapeMrkdwn(options.notice.text)}`));
  }
  blocks.push(context(`For ${escapeMrkdwn(view.personLabel)}, as of ${escapeMrkdwn(view.asOfLabel)}. Only you see this list.`));
  const more = (n: number, where: string) => {
    const line = moreLine(n, where);
    if (line) blocks.push(context(escapeMrkdwn(line)));
  };

  blocks.push(header(`Meetings to answer (${view.toAnswer.length + view.more.toAnswer})`));
  if (!view.toAnswer.length) blocks.push(mrkdwn("Nothing is waiting for your answer."));
  for (const inv of view.toAnswer) {
    blocks.push(mrkdwn(`${boldLabel(`${inv.kindTitle} · ${inv.caseReference}`)}\n${escapeMrkdwn(`${inv.whenLabel}. ${inv.roleLabel}: ${inv.inviteeLabel} (${inv.reasonLabel}).`)}`));
    blocks.push({
      type: "actions",
      block_id: `my_invitation:${inv.invitationId}`.slice(0, SLACK_LIMITS.blockId),
      elements: [
        { type: "button", action_id: slackActionId(ActionId.Accept, inv.invitationId), text: plain(SLACK_ACCEPT_TITLE), style: "primary", value: valueOf({ role: inv.role }) },
        { type: "button", action_id: slackActionId(ActionId.Decline, inv.invitationId), text: plain(DECLINE_TITLE), style: "danger", value: valueOf({ role: inv.role }) },
      ],
    });
  }
  more(view.more.toAnswer, "to answer");

  blocks.push(header(`Meetings you convene (${view.convening.length + view.more.convening})`));
  if (!view.convening.length) blocks.push(mrkdwn("You have no open meetings that you convened."));
  for (const m of view.convening) {
    const lines = [
      boldLabel(`${m.kindTitle} · ${m.caseReference}`),
      escapeMrkdwn(`${m.whenLabel} · ${m.statusLabel} · ${m.answersLabel}`),
      ...m.gaps.map((g) => `:warning: Gap: ${escapeMrkdwn(g)}`),
      ...(m.gaps.length === 0 && !m.nextStep ? ["No gaps: every required role is filled."] : []),
      ...(m.nextStep ? [`Next: ${escapeMrkdwn(m.nextStep)}`] : []),
    ];
    blocks.push(mrkdwn(lines.join("\n")));
  }
  more(view.more.convening, "that you convene");

  blocks.push(header(`Your open actions (${view.actions.length + view.more.actions})`));
  if (!view.actions.length) blocks.push(mrkdwn("You have no open actions."));
  for (const a of view.actions) {
    const due = `${boldLabel(a.caseReference)} · due ${escapeMrkdwn(a.dueDateLabel)} · ${escapeMrkdwn(a.dueInLabel)}`;
    blocks.push(mrkdwn(`${a.overdue ? ":warning: " : ""}${due}\n${escapeMrkdwn(a.description)}`));
    blocks.push({
      type: "actions",
      block_id: `my_action:${a.actionId}`.slice(0, SLACK_LIMITS.blockId),
      elements: [{ type: "button", action_id: slackActionId(ActionId.MarkActionDone, a.actionId), text: plain(MARK_DONE_TITLE), value: valueOf() }],
    });
  }
  more(view.more.actions, "open actions");

  blocks.push({ type: "actions", block_id: "my_refresh", elements: [{ type: "button", action_id: slackActionId(ActionId.ShowMyWork, MY_WORK_TARGET), text: plain("Refresh"), value: valueOf() }] });
  return blocks;
}

/** The list for the Slack App Home's Home tab (`views.publish`), up to 100 blocks. */
export function myWorkHomeView(view: MyWorkView, options: MyWorkBlocksOptions = {}): SlackHomeView {
  return { type: "home", callback_id: MY_WORK_HOME_CALLBACK_ID, blocks: myWorkBlocks(view, options).slice(0, SLACK_LIMITS.modalBlocks) };
}

/**
 * The list as an ephemeral message (`/convene my`, a mention). A message holds 50 blocks,
 * fewer than a long list needs: past that it points at the Home tab, which holds them all.
 */
export function myWorkMessage(view: MyWorkView, options: MyWorkBlocksOptions = {}): SlackMessage {
  const all = myWorkBlocks(view, options);
  const blocks = all.length <= SLACK_LIMITS.messageBlocks ? all : [...all.slice(0, SLACK_LIMITS.messageBlocks - 1), context("The list goes on in the Home tab of the Convene app.")];
  // The notification names counts only: no case, no action's words.
  return { text: truncatePlain(myWorkSummary(view), SLACK_LIMITS.messageText), blocks };
}
