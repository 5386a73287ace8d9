import type { NoticeView } from "../app/views/view-models";
import { adaptiveCard, heading, userText, type AdaptiveCardJson } from "./adaptive-card";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** A short notice: a title and a line of text, both escaped. */
export function renderNoticeCard(view: NoticeView, tone: "default" | "error" = "default"): AdaptiveCardJson {
  return adaptiveCard({
    fallbackText: `${view.title}: ${view.text}`,
    body: [heading(escapeAdaptiveText(view.title)), userText(view.text, tone === "error" ? { color: "Attention" } : {})],
  });
}
