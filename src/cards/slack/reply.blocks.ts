import { ACTION_TARGET } from "../../app/conversation/action-id";
import type { FormView } from "../../app/conversation/form-descriptor";
import { SLACK_LIMITS, truncateMrkdwn } from "./block-kit-limits";
import { escapeMrkdwn } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";
import { slackActionId } from "./slack-action-id";

/** A private line of text (a refusal, a confirmation), escaped. */
export function textBlocks(text: string): SlackMessage {
  const escaped = truncateMrkdwn(escapeMrkdwn(text), SLACK_LIMITS.sectionText);
  return { text: escaped, blocks: [{ type: "section", text: { type: "mrkdwn", text: escaped } }] };
}

/**
 * A form that cannot open here (Slack opens modals only from a slash command or a click, not
 * from a mention): a button that opens it. Null when the form has no way to be reopened.
 */
export function openFormBlocks(form: FormView): SlackMessage | null {
  const reopen = form.descriptor.reopen;
  if (!reopen) return null;
  const target = form.descriptor.data[ACTION_TARGET[reopen]] ?? "";
  const title = escapeMrkdwn(form.descriptor.title);
  return {
    text: title,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(`*${title}*\nPress the button to open the form.`, SLACK_LIMITS.sectionText) } },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: slackActionId(reopen, target),
            text: { type: "plain_text", text: "Open the form" },
            style: "primary",
            value: JSON.stringify(form.descriptor.data).slice(0, SLACK_LIMITS.buttonValue),
          },
        ],
      },
    ],
  };
}
