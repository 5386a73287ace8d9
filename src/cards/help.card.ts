import type { HelpView } from "../app/conversation/help";
import { adaptiveCard, heading, text, type AdaptiveCardJson } from "./adaptive-card";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** The conversation's help as a card: every command, and the word not understood if there was one. */
export function renderHelpCard(view: HelpView): AdaptiveCardJson {
  const intro = view.notUnderstood
    ? `Convene did not understand "${escapeAdaptiveText(view.notUnderstood)}". Here is what it can do.`
    : "Mention Convene, then type a command. Invitees answer on the roster card; the convenor marks the meeting held and records the decision there.";
  return adaptiveCard({
    fallbackText: `Convene commands: ${view.commands.map((c) => view.prefix + c.usage).join(", ")}.`,
    body: [
      heading(view.notUnderstood ? "Convene did not understand that" : "Convene: what you can ask"),
      text(intro, view.notUnderstood ? { color: "Attention" } : {}),
      ...view.commands.flatMap((c) => [text(`\`${escapeAdaptiveText(view.prefix + c.usage)}\``, { weight: "Bolder", spacing: "Medium" }), text(escapeAdaptiveText(c.what), { spacing: "None" })]),
    ],
  });
}
