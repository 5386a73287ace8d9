import type { HelpView } from "../../app/conversation/help";
import { SLACK_LIMITS, truncateMrkdwn } from "./block-kit-limits";
import { escapeMrkdwn } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";

/** The conversation's help as a Slack message: every command, and the word not understood if there was one. */
export function helpBlocks(view: HelpView): SlackMessage {
  const lines = [
    view.notUnderstood ? `Convene did not understand "${escapeMrkdwn(view.notUnderstood)}". Here is what it can do.` : "*Convene* convenes multi-agency meetings for a case and keeps its deadlines.",
    ...view.commands.map((c) => `• \`${escapeMrkdwn(view.prefix + c.usage)}\`: ${escapeMrkdwn(c.what)}`),
    "Messages carry the case reference only, never a child's name.",
  ];
  return { text: view.notUnderstood ? "Convene did not understand that" : "Convene help", blocks: [{ type: "section", text: { type: "mrkdwn", text: truncateMrkdwn(lines.join("\n"), SLACK_LIMITS.sectionText) } }] };
}
