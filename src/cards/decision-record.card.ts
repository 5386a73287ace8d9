import type { DecisionRecordView } from "../app/views/view-models";
import { adaptiveCard, execute, heading, text, userText, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { ActionId, actionData } from "../app/conversation/action-id";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** A decision record version: sections of label/value pairs, all user text escaped. */
export function renderDecisionRecordCard(view: DecisionRecordView): AdaptiveCardJson {
  const body: CardElement[] = [
    heading(`Decision record · ${escapeAdaptiveText(view.kindTitle)} · ${escapeAdaptiveText(view.caseReference)}`),
    userText(`Version ${view.version}, recorded by ${view.authorLabel}, ${view.recordedAtLabel}`, { isSubtle: true, spacing: "None" }),
  ];
  if (view.amendmentReason) body.push(userText(`Amended because: ${view.amendmentReason}`, { color: "Warning" }));
  for (const section of view.sections) {
    body.push(text(`**${escapeAdaptiveText(section.title)}**`, { spacing: "Medium", separator: true }));
    for (const field of section.fields) {
      body.push(userText(field.label, { weight: "Bolder", size: "Small", spacing: "Small" }));
      body.push(userText(field.value || "—", { spacing: "None" }));
    }
  }
  return adaptiveCard({
    fallbackText: `Decision record (version ${view.version}) for the ${view.kindTitle}, ${view.caseReference}.`,
    body,
    actions: [
      execute("Amend record", ActionId.OpenRecord, actionData(ActionId.OpenRecord, view.meetingId)),
      execute("Deadlines", ActionId.ShowDeadlines, actionData(ActionId.ShowDeadlines, view.caseReference)),
    ],
  });
}
