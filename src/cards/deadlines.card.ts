import type { DeadlineLineView, DeadlinesView } from "../app/views/view-models";
import type { NoticeView } from "../app/views/view-models";
import { adaptiveCard, execute, heading, text, userText, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { CardVerb } from "./card-verbs";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** Per-send extras for the deadlines card. */
export interface DeadlinesCardOptions {
  /** A confirmation shown at the top, e.g. after a waiver. */
  notice?: NoticeView;
}

/** The id of the reason box in a deadline's "Waive…" form (unique per deadline: hosts merge every input into the data). */
export function waiveReasonInputId(deadlineId: string): string {
  return `waiveReason_${deadlineId}`;
}

/** Most a waiver reason may say (the Slack modal uses the same). */
export const WAIVE_REASON_MAX_LENGTH = 500;

/** The "Waive…" form for one statutory deadline. The app refuses anyone but a team manager. */
function waiveCard(line: DeadlineLineView): CardElement {
  return {
    type: "AdaptiveCard",
    body: [
      text("Only a team manager can waive a statutory deadline. The reason stays on the case record, and the nudges stop."),
      {
        type: "Input.Text",
        id: waiveReasonInputId(line.id),
        label: "Why is this deadline waived?",
        isMultiline: true,
        isRequired: true,
        errorMessage: "Say in a sentence why this deadline is waived.",
        maxLength: WAIVE_REASON_MAX_LENGTH,
      },
    ],
    actions: [execute("Waive this deadline", CardVerb.waiveDeadline, { deadlineId: line.id }, { style: "destructive" })],
  };
}

/** The answer to `deadlines <case-ref>`: one line per open deadline or action, soonest first as given. */
export function renderDeadlinesCard(view: DeadlinesView, options: DeadlinesCardOptions = {}): AdaptiveCardJson {
  const body: CardElement[] = [];
  if (options.notice) {
    body.push(userText(options.notice.title, { weight: "Bolder", color: "Good" }));
    body.push(userText(options.notice.text, { spacing: "None", size: "Small" }));
  }
  body.push(heading(`Deadlines · ${escapeAdaptiveText(view.caseReference)}`));
  if (!view.lines.length) body.push(text("Nothing is due for this case."));
  for (const line of view.lines) {
    const overdue = line.workingDaysRemaining < 0;
    const items: CardElement[] = [
      userText(`${line.kind === "action" ? "Action" : "Deadline"}: ${line.title}`, { weight: "Bolder" }),
      userText(
        `Due ${line.dueDateLabel} · ${overdue ? `${-line.workingDaysRemaining} working days overdue` : `${line.workingDaysRemaining} working days left`} · ${line.status}${line.ownerLabel ? ` · ${line.ownerLabel}` : ""}`,
        { spacing: "None", ...(overdue ? { color: "Attention" } : {}) },
      ),
    ];
    // Agreed actions are closed by their owners, not waived; only statutory deadlines get the form.
    if (line.kind === "deadline") {
      items.push({ type: "ActionSet", actions: [{ type: "Action.ShowCard", title: "Waive…", card: waiveCard(line) }] });
    }
    body.push({ type: "Container", separator: true, items });
  }
  // The fallback becomes the notification preview: counts only, because an action's title
  // is free text that may name the child.
  const soonest = view.lines[0];
  const summary = `Deadlines for ${view.caseReference}: ${view.lines.length} open${soonest ? `, the next due ${soonest.dueDateLabel}` : ""}.`;
  return adaptiveCard({
    fallbackText: options.notice ? `${options.notice.title}. ${summary}` : summary,
    body,
  });
}
