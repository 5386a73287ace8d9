import type { MentionView, NudgeView } from "../app/views/view-models";
import { adaptiveCard, execute, heading, text, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { ActionId, actionData } from "../app/conversation/action-id";
import { escapeAdaptiveText } from "./escape-adaptive-text";
import { workingDays } from "../domain/language/plural";

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

/** What a nudge says when it should have escalated but the case has no team manager. */
export const NO_TEAM_MANAGER_ADVICE =
  "This is overdue and would go to the team manager, but this case has no team manager in Convene, so nobody else was told. Ask an administrator to name one: convene practitioners add … --role team-manager --manager-of <case reference>.";

/** The button that acts on a nudge, and its words, the same in every channel. */
export const NUDGE_ACT: Readonly<Record<NonNullable<NudgeView["act"]>["kind"], { action: ActionId; label: string; extra?: Record<string, string> }>> = {
  "action-done": { action: ActionId.MarkActionDone, label: "Mark done" },
  "referral-decision": { action: ActionId.RecordReferralDecision, label: "Record the referral decision" },
  assessment: { action: ActionId.ConcludeAssessment, label: "Record the assessment as concluded" },
  "convene-icpc": { action: ActionId.OpenConveneForm, label: "Convene the initial conference", extra: { kind: "icpc" } },
};

function actButton(act: NonNullable<NudgeView["act"]>): CardElement {
  const a = NUDGE_ACT[act.kind];
  return execute(a.label, a.action, actionData(a.action, act.target, a.extra ?? {}));
}

/**
 * A deadline nudge: what is due, by when, and who is asked to act (mentioned). Carries the
 * case reference only. The button (and the typed command) shows the case's deadlines.
 */
export function renderNudgeCard(view: NudgeView): AdaptiveCardJson {
  const state = view.overdue ? "Overdue" : view.workingDaysRemaining === 0 ? "Due today" : `${workingDays(view.workingDaysRemaining)} left`;
  const body: CardElement[] = [
    heading(`${view.overdue ? "⚠️ " : "⏰ "}${escapeAdaptiveText(view.title)} · ${escapeAdaptiveText(view.caseReference)}`),
    text(`Due ${escapeAdaptiveText(view.dueDateLabel)} (${state}), ${escapeAdaptiveText(view.ruleSummary)}.`, view.overdue ? { color: "Attention" } : {}),
  ];
  // The action's own words go in the body only: the fallback text below is the lock-screen preview.
  if (view.actionDescription) body.push(text(`Action: ${escapeAdaptiveText(view.actionDescription)}`, { wrap: true }));
  if (view.late) body.push(text(`This reminder is late: it was planned for ${escapeAdaptiveText(view.plannedLabel ?? "earlier")}.`, { isSubtle: true, size: "Small" }));
  if (view.escalated) body.push(text("Escalated to the team manager because the timescale is at risk.", { color: "Warning" }));
  if (view.noTeamManager) body.push(text(NO_TEAM_MANAGER_ADVICE, { color: "Warning" }));
  if (view.mentions.length) body.push(text(`For: ${view.mentions.map(mentionText).join(", ")}`));
  body.push(text(`Type \`${escapeAdaptiveText(view.actionCommand)}\` or use the button to see every deadline for this case.`, { isSubtle: true, size: "Small" }));
  return adaptiveCard({
    fallbackText: `${view.title} for ${view.caseReference}: due ${view.dueDateLabel} (${state}).`,
    body,
    actions: [...(view.act ? [actButton(view.act)] : []), execute("Show deadlines", ActionId.ShowDeadlines, actionData(ActionId.ShowDeadlines, view.caseReference))],
    msteams: view.mentions.length ? { entities: mentionEntities(view.mentions) } : {},
  });
}
