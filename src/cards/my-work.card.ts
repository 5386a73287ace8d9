import { ActionId, actionData, FROM_MY_WORK, MY_WORK_TARGET } from "../app/conversation/action-id";
import type { MyActionView, MyConvenedMeetingView, MyInvitationView, MyWorkView, NoticeView } from "../app/views/view-models";
import { countOf } from "../domain/language/plural";
import { adaptiveCard, execute, heading, text, userText, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { ACCEPT_TITLE, DECLINE_TITLE } from "./chase.card";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** The list's title, the same in every channel. */
export const MY_WORK_TITLE = "My meetings and actions";
/** The button that reads the list again (and offers it privately in a Teams channel). */
export const SHOW_MY_WORK_TITLE = "Show my meetings and actions";
/** The button that closes an action, as on the deadlines card and the nudge. */
export const MARK_DONE_TITLE = "Mark done";

/**
 * What a preview or a notification says: counts only. An action's words and a meeting's
 * case are free to read on the list itself, for its one reader, but never in a preview.
 */
export function myWorkSummary(view: MyWorkView): string {
  const n = (list: unknown[], extra: number) => list.length + extra;
  return `${MY_WORK_TITLE}: ${countOf(n(view.toAnswer, view.more.toAnswer), "meeting")} to answer, ${countOf(n(view.convening, view.more.convening), "meeting")} you convene, ${countOf(n(view.actions, view.more.actions), "open action")}.`;
}

/** The words of "and 3 more", where a list was cut to what a card holds. */
export function moreLine(more: number, where: string): string | null {
  return more > 0 ? `And ${more} more ${where}, not shown here.` : null;
}

/** A section heading with its count. */
function sectionHeading(title: string, count: number): CardElement {
  return text(`${title} (${count})`, { size: "Medium", weight: "Bolder", style: "heading", spacing: "Large", separator: true });
}

function invitationElement(inv: MyInvitationView): CardElement {
  const data = (action: ActionId) => actionData(action, inv.invitationId, { role: inv.role, ...FROM_MY_WORK });
  return {
    type: "Container",
    spacing: "Medium",
    items: [
      text(`**${escapeAdaptiveText(inv.kindTitle)} · ${escapeAdaptiveText(inv.caseReference)}**`),
      userText(`${inv.whenLabel}. ${inv.roleLabel}: ${inv.inviteeLabel} (${inv.reasonLabel}).`, { spacing: "None" }),
      {
        type: "ActionSet",
        actions: [
          execute(ACCEPT_TITLE, ActionId.Accept, data(ActionId.Accept), { style: "positive" }),
          execute(DECLINE_TITLE, ActionId.Decline, data(ActionId.Decline), { style: "destructive" }),
        ],
      },
    ],
  };
}

function convenedElement(m: MyConvenedMeetingView): CardElement {
  return {
    type: "Container",
    spacing: "Medium",
    items: [
      text(`**${escapeAdaptiveText(m.kindTitle)} · ${escapeAdaptiveText(m.caseReference)}**`),
      userText(`${m.whenLabel} · ${m.statusLabel} · ${m.answersLabel}`, { spacing: "None" }),
      ...m.gaps.map((g) => userText(`Gap: ${g}`, { color: "Attention", spacing: "None" })),
      ...(m.gaps.length === 0 && !m.nextStep ? [text("No gaps: every required role is filled.", { spacing: "None", isSubtle: true })] : []),
      ...(m.nextStep ? [userText(`Next: ${m.nextStep}`, { spacing: "None" })] : []),
    ],
  };
}

function actionElement(a: MyActionView): CardElement {
  return {
    type: "Container",
    spacing: "Medium",
    items: [
      text(`**${escapeAdaptiveText(a.caseReference)}** · due ${escapeAdaptiveText(a.dueDateLabel)} · ${escapeAdaptiveText(a.dueInLabel)}`, a.overdue ? { color: "Attention" } : {}),
      userText(a.description, { spacing: "None" }),
      { type: "ActionSet", actions: [execute(MARK_DONE_TITLE, ActionId.MarkActionDone, actionData(ActionId.MarkActionDone, a.actionId, { ...FROM_MY_WORK }))] },
    ],
  };
}

/** What the person's last press did (or why it was refused), at the top of their list. */
export interface MyWorkCardOptions {
  notice?: NoticeView;
  tone?: "info" | "error";
}

/**
 * "My meetings and actions" as an Adaptive Card, for its one reader (a personal chat, or a
 * Teams card view only they see): meetings to answer with the roster's Accept and Decline,
 * meetings they convene with their gaps, and their open actions with Mark done. Every
 * button carries {@link FROM_MY_WORK}, so its answer is this list again.
 */
export function renderMyWorkCard(view: MyWorkView, options: MyWorkCardOptions = {}): AdaptiveCardJson {
  const { notice, tone = "info" } = options;
  const more = (n: number, where: string) => {
    const line = moreLine(n, where);
    return line ? [text(line, { isSubtle: true })] : [];
  };
  const body: CardElement[] = [
    heading(MY_WORK_TITLE, "Large"),
    ...(notice
      ? [{ type: "Container", style: tone === "error" ? "attention" : "good", items: [text(`**${escapeAdaptiveText(notice.title)}**`), userText(notice.text, { spacing: "None" })] }]
      : []),
    userText(`For ${view.personLabel}, as of ${view.asOfLabel}. Only you see this list.`, { isSubtle: true, spacing: "Small" }),
    sectionHeading("Meetings to answer", view.toAnswer.length + view.more.toAnswer),
    ...(view.toAnswer.length ? view.toAnswer.map(invitationElement) : [text("Nothing is waiting for your answer.")]),
    ...more(view.more.toAnswer, "to answer"),
    sectionHeading("Meetings you convene", view.convening.length + view.more.convening),
    ...(view.convening.length ? view.convening.map(convenedElement) : [text("You have no open meetings that you convened.")]),
    ...more(view.more.convening, "that you convene"),
    sectionHeading("Your open actions", view.actions.length + view.more.actions),
    ...(view.actions.length ? view.actions.map(actionElement) : [text("You have no open actions.")]),
    ...more(view.more.actions, "open actions"),
  ];
  return adaptiveCard({
    fallbackText: myWorkSummary(view),
    body,
    actions: [execute("Refresh", ActionId.ShowMyWork, actionData(ActionId.ShowMyWork, MY_WORK_TARGET))],
  });
}

/**
 * Where `my` was typed in a channel everyone reads: the notice, and the list offered as a
 * view for the asker alone (Teams refreshes it automatically for `refreshUserIds`, and the
 * button shows it to whoever presses, each their own).
 */
export function renderMyWorkElsewhereCard(notice: NoticeView, refreshUserIds: string[]): AdaptiveCardJson {
  const show = execute(SHOW_MY_WORK_TITLE, ActionId.ShowMyWork, actionData(ActionId.ShowMyWork, MY_WORK_TARGET));
  return adaptiveCard({
    fallbackText: notice.title,
    body: [heading(escapeAdaptiveText(notice.title)), userText(notice.text)],
    actions: [show],
    ...(refreshUserIds.length ? { refresh: { action: show, userIds: refreshUserIds.slice(0, 60) } } : {}),
  });
}
