import type { DeadlineLineView, DeadlinesView, NoticeView } from "../app/views/view-models";
import { adaptiveCard, execute, heading, text, userText, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import type { FormView } from "../app/conversation/form-descriptor";
import { scopedFieldId } from "../app/conversation/form-descriptor";
import { REASON_FIELD, waiveForm } from "../app/conversation/forms/reason.forms";
import { cancelActionForm, concludeAssessmentForm, permanencePlanForm, referralDecisionForm } from "../app/conversation/forms/closing.forms";
import { planEndForm } from "../app/conversation/forms/plan-end.form";
import { enquiryOutcomeForm } from "../app/conversation/forms/enquiry-outcome.form";
import type { FormDescriptor } from "../app/conversation/form-descriptor";
import { ActionId, actionData } from "../app/conversation/action-id";
import { formInputs, formSubmit } from "./form.card";
import { escapeAdaptiveText } from "./escape-adaptive-text";
import { workingDays } from "../domain/language/plural";

/** Per-send extras for the deadlines card. */
export interface DeadlinesCardOptions {
  /** A confirmation shown at the top, e.g. after a waiver. */
  notice?: NoticeView;
}

/** How a closed clock ended, in words. */
const STATUS_WORDS: Readonly<Record<"met" | "missed" | "waived", string>> = { met: "Met", missed: "Missed", waived: "Waived" };

/** The id of the reason box in a deadline's "Waive…" form: scoped per deadline, because hosts merge every input of a card into the data. */
export function waiveReasonInputId(deadlineId: string): string {
  return scopedFieldId(REASON_FIELD, deadlineId);
}

/** A conversation form shown under a button on this card, its ids scoped to the line (Teams merges a card's inputs). */
function formCard(descriptor: FormDescriptor, scope: string): CardElement {
  const form: FormView = { descriptor, values: {}, errors: {}, scope };
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
  if (view.openEnquiry) {
    const e = view.openEnquiry;
    body.push({
      type: "Container",
      separator: true,
      items: [
        text(`**Section 47 enquiry** under way since ${escapeAdaptiveText(e.startDateLabel)}: its outcome is still to be recorded.`),
        { type: "ActionSet", actions: [{ type: "Action.ShowCard", title: "Record the enquiry outcome…", card: formCard(enquiryOutcomeForm(e.id, view.caseReference, e.startDateLabel), e.id) }] },
      ],
    });
  }
  if (view.planInForce) {
    body.push({
      type: "Container",
      separator: true,
      items: [
        text(`**Child protection plan** in force since ${escapeAdaptiveText(view.planInForce.startedOnLabel)}.`),
        { type: "ActionSet", actions: [{ type: "Action.ShowCard", title: "End the plan…", card: formCard(planEndForm(view.caseReference), view.caseReference) }] },
      ],
    });
  }
  if (!view.lines.length) body.push(text("Nothing is due for this case."));
  for (const line of view.lines) {
    const overdue = line.workingDaysRemaining < 0;
    const items: CardElement[] = [
      userText(`${line.kind === "action" ? "Action" : "Deadline"}: ${line.title}`, { weight: "Bolder" }),
      userText(
        `Due ${line.dueDateLabel} · ${overdue ? `${workingDays(-line.workingDaysRemaining)} overdue` : `${workingDays(line.workingDaysRemaining)} left`} · ${line.status}${line.ownerLabel ? ` · ${line.ownerLabel}` : ""}`,
        { spacing: "None", ...(overdue ? { color: "Attention" } : {}) },
      ),
    ];
    // Agreed actions are closed by their owners (done, or cancelled with a reason), not waived;
    // statutory deadlines are closed by their event where chat records it, or waived by a manager.
    if (line.kind === "deadline") {
      const actions: CardElement[] = [];
      if (line.closeWith === "referral-decision") actions.push({ type: "Action.ShowCard", title: "Record the referral decision…", card: formCard(referralDecisionForm(line.id, view.caseReference), line.id) });
      if (line.closeWith === "permanence-plan") actions.push({ type: "Action.ShowCard", title: "Record the permanence plan…", card: formCard(permanencePlanForm(line.id, view.caseReference, line.dueDateLabel), line.id) });
      if (line.closeWith === "assessment") actions.push({ type: "Action.ShowCard", title: "Record the assessment as concluded…", card: formCard(concludeAssessmentForm(line.id, view.caseReference, line.dueDateLabel), line.id) });
      actions.push({ type: "Action.ShowCard", title: "Waive…", card: formCard(waiveForm(line.id, line.title, view.caseReference), line.id) });
      items.push({ type: "ActionSet", actions });
    } else if (line.status === "open") {
      items.push({
        type: "ActionSet",
        actions: [
          execute("Mark done", ActionId.MarkActionDone, actionData(ActionId.MarkActionDone, line.id)),
          { type: "Action.ShowCard", title: "Cancel action…", card: formCard(cancelActionForm(line.id, view.caseReference), line.id) },
        ],
      });
    }
    body.push({ type: "Container", separator: true, items });
  }
  const closed = view.closed ?? [];
  if (closed.length) {
    body.push(text("**Closed**", { separator: true, spacing: "Large" }));
    for (const c of closed) {
      const when = c.closedOnLabel ? ` on ${c.closedOnLabel}` : "";
      const days = c.workingDaysTaken !== null ? ` · ${workingDays(c.workingDaysTaken)}` : "";
      body.push(userText(`${STATUS_WORDS[c.status]}: ${c.title} (due ${c.dueDateLabel}) · ${c.how}${when}${days}`, { spacing: "Small", size: "Small", ...(c.status === "missed" ? { color: "Attention" } : {}) }));
    }
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
