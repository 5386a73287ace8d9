import type { MentionView, NudgeView } from "../app/views/view-models";
import { adaptiveCard, execute, heading, text, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { ActionId, actionData } from "../app/conversation/action-id";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** The `<at>` text for a mention; the name is escaped so it cannot open another tag. */
export function mentionText(m: MentionView): string {
  return `<at>${escapeAdaptiveText(m.displayName)}</at>`;
}

/** Teams mention entities matching {@link mentionText}. */
export function mentionEntities(mentions: MentionView[]): Record<string, unknown>[] {
  return mentions.map((m) => ({
    type: "mention",
    text: mentionText(m),
    mentioned: { id: m.platformUserId, name: m.displayName },
  }));
}

/**
 * A deadline nudge: what is due, by when, and who is asked to act (mentioned). Carries the
 * case reference only. The button (and the typed command) shows the case's deadlines.
 */
export function renderNudgeCard(view: NudgeView): AdaptiveCardJson {
  const state = view.overdue ? "Overdue" : view.workingDaysRemaining === 0 ? "Due today" : `${view.workingDaysRemaining} working day${view.workingDaysRemaining === 1 ? "" : "s"} left`;
  const body: CardElement[] = [
    heading(`${view.overdue ? "⚠️ " : "⏰ "}${escapeAdaptiveText(view.title)} · ${escapeAdaptiveText(view.caseReference)}`),
    text(`Due ${escapeAdaptiveText(view.dueDateLabel)} (${state}), ${escapeAdaptiveText(view.ruleSummary)}.`, view.overdue ? { color: "Attention" } : {}),
  ];
  if (view.late) body.push(text("This reminder is late: Convene was unavailable when it was due.", { isSubtle: true, size: "Small" }));
  if (view.escalated) body.push(text("Escalated to the team manager because the timescale is at risk.", { color: "Warning" }));
  if (view.mentions.length) body.push(text(`For: ${view.mentions.map(mentionText).join(", ")}`));
  body.push(text(`Type \`${escapeAdaptiveText(view.actionCommand)}\` or use the button to see every deadline for this case.`, { isSubtle: true, size: "Small" }));
  return adaptiveCard({
    fallbackText: `${view.title} for ${view.caseReference}: due ${view.dueDateLabel} (${state}).`,
    body,
    actions: [execute("Show deadlines", ActionId.ShowDeadlines, actionData(ActionId.ShowDeadlines, view.caseReference))],
    msteams: view.mentions.length ? { entities: mentionEntities(view.mentions) } : {},
  });
}
