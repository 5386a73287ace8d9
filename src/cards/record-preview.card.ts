import type { RecordPreviewView } from "../app/conversation/record-preview";
import { adaptiveCard, execute, heading, text, userText, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { decisionRecordBody } from "./decision-record.card";

/**
 * The "check" step as a card for the recorder alone (Teams and the playground): what will be
 * saved, laid out as the document the entitled will read, with the plain-language advice on
 * top, then Save or Edit. Nothing is saved until Save.
 */
export function renderRecordPreviewCard(preview: RecordPreviewView): AdaptiveCardJson {
  const body: CardElement[] = [
    heading("Check the record before saving"),
    text("This is the record as it will be saved. Nothing is saved or shared until you press Save.", { isSubtle: true, size: "Small", spacing: "None" }),
    text("**Plain-language check** (advice only)", { separator: true }),
    ...(preview.advice.length ? preview.advice.map((line) => userText(`• ${line}`, { spacing: "Small" })) : [text("No jargon or judgemental words found.", { spacing: "Small" })]),
    { type: "Container", separator: true, spacing: "Large", items: decisionRecordBody(preview.record) },
  ];
  return adaptiveCard({
    fallbackText: `Check the decision record (version ${preview.record.version}) for ${preview.record.caseReference} before saving.`,
    body,
    actions: preview.buttons.map((b) => execute(b.title, b.action, b.data, b.tone === "positive" ? { style: "positive" } : {})),
  });
}
