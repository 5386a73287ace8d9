import { ActionId, actionData } from "../app/conversation/action-id";
import type { ChaseView } from "../app/views/view-models";
import { adaptiveCard, execute, heading, text, userText, type AdaptiveCardJson } from "./adaptive-card";
import { escapeAdaptiveText } from "./escape-adaptive-text";
import { mentionEntities, mentionText } from "./nudge.card";

/** The Accept button's words everywhere a row is answered: pressing it is the seniority confirmation Working Together asks for. */
export const ACCEPT_TITLE = "Accept: I can make decisions for my agency";
/** The Decline button's words (the reason is asked for next). */
export const DECLINE_TITLE = "Decline";

/** The chase's heading and preview, the same words in every channel. Case reference only. */
export function chaseTitle(view: ChaseView): string {
  // Count 0 is the invitation itself, sent to the invitee personally when the meeting is convened.
  if (view.count === 0) return `You are invited to a ${view.kindTitle.toLowerCase()} · ${view.caseReference}`;
  return view.escalated ? `Still no answer from ${view.roleLabel} · ${view.caseReference}` : `Reminder ${view.count}: please answer · ${view.caseReference}`;
}

/**
 * A reminder to a required invitee (mentioned) with the row's answer buttons, or the
 * escalation to the convenor and team manager (mentioned) with what to do next.
 */
export function renderChaseCard(view: ChaseView): AdaptiveCardJson {
  const body = [
    heading(escapeAdaptiveText(chaseTitle(view))),
    userText(`${view.kindTitle}, ${view.whenLabel}. ${view.roleLabel}: ${view.inviteeLabel}.`),
    userText(view.prompt, view.escalated ? { color: "Attention" } : {}),
    ...(view.mentions.length ? [text(`For: ${view.mentions.map(mentionText).join(", ")}`)] : []),
  ];
  const data = (action: ActionId) => actionData(action, view.invitationId);
  return adaptiveCard({
    fallbackText: chaseTitle(view),
    body,
    actions: view.escalated
      ? [execute("Show deadlines", ActionId.ShowDeadlines, actionData(ActionId.ShowDeadlines, view.caseReference))]
      : [execute(ACCEPT_TITLE, ActionId.Accept, data(ActionId.Accept), { style: "positive" }), execute(DECLINE_TITLE, ActionId.Decline, data(ActionId.Decline), { style: "destructive" })],
    msteams: view.mentions.length ? { entities: mentionEntities(view.mentions) } : {},
  });
}
