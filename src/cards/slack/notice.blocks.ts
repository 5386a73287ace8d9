import type { NoticeView } from "../../app/views/view-models";
import { SLACK_LIMITS, truncateMrkdwn } from "./block-kit-limits";
import { boldLabel, escapeMrkdwn, mentionUser } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";

/** A short notice: link confirmed, an error the channel must see. */
export function noticeBlocks(view: NoticeView): SlackMessage {
  const mentions = (view.mentions ?? []).filter((m) => m.platform !== "teams").map((m) => mentionUser(m.platformUserId)).join(" ");
  const text = truncateMrkdwn(`${boldLabel(view.title)}\n${escapeMrkdwn(view.text)}${mentions ? `\nFor ${mentions}` : ""}`, SLACK_LIMITS.sectionText);
  return {
    text: truncateMrkdwn(`${escapeMrkdwn(view.title)}: ${escapeMrkdwn(view.text)}`, SLACK_LIMITS.messageText),
    blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
  };
}
