import type { DecisionRecordSummaryView, DecisionRecordView, LegacyDecisionRecordPost, RecordBlockView } from "../app/views/view-models";
import { adaptiveCard, execute, facts, heading, text, userText, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { ActionId, actionData } from "../app/conversation/action-id";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** Per-send extras for the summary card. */
export interface RecordSummaryCardOptions {
  /** Teams user ids (MRIs) whose copy refreshes to the full record: the entitled members of this conversation, at most 60. */
  refreshUserIds?: string[];
}

/** An Adaptive Card 1.5 Table with a header row; every cell is user text, escaped. */
function table(columns: string[], rows: string[][]): CardElement {
  const cell = (value: string, header = false): CardElement => ({ type: "TableCell", items: [userText(value || "—", header ? { weight: "Bolder" } : {})] });
  return {
    type: "Table",
    firstRowAsHeader: true,
    showGridLines: true,
    columns: columns.map(() => ({ width: 1 })),
    rows: [{ type: "TableRow", cells: columns.map((c) => cell(c, true)) }, ...rows.map((r) => ({ type: "TableRow", cells: r.map((v) => cell(v)) }))],
  };
}

function block(b: RecordBlockView): CardElement[] {
  switch (b.kind) {
    case "fields":
      // One question and its answer per pair of lines: long answers wrap, which a FactSet does badly.
      return b.fields.flatMap((f) => [userText(f.label, { weight: "Bolder", spacing: "Small" }), userText(f.value || "—", { spacing: "None" })]);
    case "table":
      return [...(b.caption ? [userText(b.caption, { weight: "Bolder", spacing: "Small" })] : []), table(b.columns, b.rows)];
    case "text":
      return [userText(b.text)];
  }
}

/**
 * The full decision record as a document: marking, header, then each section with its tables.
 * Shown only to the person entitled who asked (a Teams user-specific view), never posted.
 */
export function renderDecisionRecordCard(view: DecisionRecordView): AdaptiveCardJson {
  const body = decisionRecordBody(view);
  body.push(text("Shown to you alone because you are entitled to it. Opening it was recorded in the case's information-sharing log.", { isSubtle: true, size: "Small", separator: true }));
  return adaptiveCard({
    fallbackText: `Full decision record (version ${view.version}) for the ${view.kindTitle}, ${view.caseReference}. ${view.marking}.`,
    body,
    actions: [
      execute("Amend record", ActionId.OpenRecord, actionData(ActionId.OpenRecord, view.meetingId)),
      execute("Deadlines", ActionId.ShowDeadlines, actionData(ActionId.ShowDeadlines, view.caseReference)),
    ],
  });
}

/** The record document's elements (marking, heading, header facts, sections): the full record and the "check" preview share them. */
export function decisionRecordBody(view: DecisionRecordView): CardElement[] {
  const body: CardElement[] = [
    text(escapeAdaptiveText(view.marking), { weight: "Bolder", color: "Attention", size: "Small" }),
    heading(`Decision record · ${escapeAdaptiveText(view.kindTitle)} · ${escapeAdaptiveText(view.caseReference)}`),
    facts(view.header.map((f) => [f.label, f.value])),
  ];
  for (const section of view.sections) {
    body.push({ ...heading(escapeAdaptiveText(section.title)), separator: true, spacing: "Medium" });
    for (const b of section.blocks) body.push(...block(b));
  }
  return body;
}

/**
 * The decision record's summary for the case channel. Its refresh asks Convene for each
 * listed person's own view (Universal Actions), which is the full record for those entitled;
 * "View full record" does the same for anyone else, who is refused privately if not entitled.
 */
export function renderDecisionRecordSummaryCard(view: DecisionRecordSummaryView, options: RecordSummaryCardOptions = {}): AdaptiveCardJson {
  const body: CardElement[] = [
    heading(`Decision record · ${escapeAdaptiveText(view.kindTitle)} · ${escapeAdaptiveText(view.caseReference)}`),
    userText(`Held ${view.dateLabel} · version ${view.version}`, { isSubtle: true, spacing: "None" }),
  ];
  if (view.attendance.length) {
    body.push(text("**Who attended**", { separator: true }), facts(view.attendance.map((a) => [a.agency, a.names.join(", ")])));
  }
  if (view.decisions.length) body.push(text("**Decisions**", { separator: true }), facts(view.decisions.map((d) => [d.label, d.value])));
  if (view.actions.length) body.push(text("**Actions**", { separator: true }), table(["Who", "What", "By when"], view.actions.map((a) => [a.who, a.what, a.byWhenLabel])));
  if (view.clocks.length) body.push(text("**Clocks started**", { separator: true }), facts(view.clocks.map((c) => [c.title, `due ${c.dueDateLabel}`])));
  body.push(text("What agencies shared, the child's words and the rest of the record are in the full record, for those entitled to it.", { isSubtle: true, size: "Small", separator: true }));
  const data = actionData(ActionId.RefreshRecord, view.meetingId, { version: String(view.version) });
  return adaptiveCard({
    fallbackText: `Decision record summary (version ${view.version}) for the ${view.kindTitle}, ${view.caseReference}.`,
    body,
    actions: [
      execute("View full record", ActionId.ViewFullRecord, actionData(ActionId.ViewFullRecord, view.meetingId)),
      execute("Deadlines", ActionId.ShowDeadlines, actionData(ActionId.ShowDeadlines, view.caseReference)),
    ],
    refresh: {
      action: { type: "Action.Execute", title: "Refresh", verb: ActionId.RefreshRecord, data },
      ...(options.refreshUserIds && options.refreshUserIds.length ? { userIds: options.refreshUserIds.slice(0, 60) } : {}),
    },
  });
}

/** A decision record post queued before summaries existed: its heading and the button, nothing else. */
export function renderLegacyRecordCard(view: LegacyDecisionRecordPost): AdaptiveCardJson {
  return renderDecisionRecordSummaryCard({ meetingId: view.meetingId, caseReference: view.caseReference, kindTitle: view.kindTitle, dateLabel: "(see the full record)", version: view.version, attendance: [], decisions: [], actions: [], clocks: [] });
}
