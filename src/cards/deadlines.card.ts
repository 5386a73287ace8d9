import type { DeadlineLineView, DeadlinesView, NoticeView } from "../app/views/view-models";
import { adaptiveCard, heading, text, userText, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import type { FormView } from "../app/conversation/form-descriptor";
import { scopedFieldId } from "../app/conversation/form-descriptor";
import { REASON_FIELD, waiveForm } from "../app/conversation/forms/reason.forms";
import { formInputs, formSubmit } from "./form.card";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** Per-send extras for the deadlines card. */
export interface DeadlinesCardOptions {
  /** A confirmation shown at the top, e.g. after a waiver. */
  notice?: NoticeView;
}

/** The id of the reason box in a deadline's "Waive…" form: scoped per deadline, because hosts merge every input of a card into the data. */
export function waiveReasonInputId(deadlineId: string): string {
  return scopedFieldId(REASON_FIELD, deadlineId);
}

/** The "Waive…" form for one statutory deadline, from the conversation's waive form. The app refuses anyone but a team manager. */
function waiveCard(line: DeadlineLineView, caseReference: string): CardElement {
  const form: FormView = { descriptor: waiveForm(line.id, line.title, caseReference), values: {}, errors: {}, scope: line.id };
  return {
    type: "AdaptiveCard",
    body: [text(escapeAdaptiveText(form.descriptor.intro ?? "")), ...formInputs(form)],
    actions: [formSubmit(form)],
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
      items.push({ type: "ActionSet", actions: [{ type: "Action.ShowCard", title: "Waive…", card: waiveCard(line, view.caseReference) }] });
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
