import type { DeadlinesView } from "../app/app-types";
import { adaptiveCard, heading, text, userText, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** The answer to `deadlines <case-ref>`: one line per open deadline or action, soonest first as given. */
export function renderDeadlinesCard(view: DeadlinesView): AdaptiveCardJson {
  const body: CardElement[] = [heading(`Deadlines · ${escapeAdaptiveText(view.caseReference)}`)];
  if (!view.lines.length) body.push(text("Nothing is due for this case."));
  for (const line of view.lines) {
    const overdue = line.workingDaysRemaining < 0;
    body.push({
      type: "Container",
      separator: true,
      items: [
        userText(`${line.kind === "action" ? "Action" : "Deadline"}: ${line.title}`, { weight: "Bolder" }),
        userText(
          `Due ${line.dueDateLabel} · ${overdue ? `${-line.workingDaysRemaining} working days overdue` : `${line.workingDaysRemaining} working days left`} · ${line.status}${line.ownerLabel ? ` · ${line.ownerLabel}` : ""}`,
          { spacing: "None", ...(overdue ? { color: "Attention" } : {}) },
        ),
      ],
    });
  }
  return adaptiveCard({
    fallbackText: `Deadlines for ${view.caseReference}: ${view.lines.map((l) => `${l.title} due ${l.dueDateLabel}`).join("; ") || "none"}.`,
    body,
  });
}
