import type { NoticeView } from "../app/views/view-models";
import { adaptiveCard, heading, text, userText, type AdaptiveCardJson } from "./adaptive-card";
import { mentionEntities, mentionText } from "./nudge.card";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** A short notice: a title and a line of text, both escaped. */
export function renderNoticeCard(view: NoticeView, tone: "default" | "error" = "default"): AdaptiveCardJson {
  const mentions = (view.mentions ?? []).filter((m) => m.platform !== "slack");
  return adaptiveCard({
    fallbackText: `${view.title}: ${view.text}`,
    body: [heading(escapeAdaptiveText(view.title)), userText(view.text, tone === "error" ? { color: "Attention" } : {}), ...(mentions.length ? [text(`For: ${mentions.map(mentionText).join(", ")}`)] : [])],
    ...(mentions.length ? { msteams: { entities: mentionEntities(mentions) } } : {}),
  });
}
