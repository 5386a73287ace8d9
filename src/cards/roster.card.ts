import { INVITEE_ROLE_LABELS, type InviteeRole } from "../domain/invitation/invitation";
import type { RosterRowView, RosterView } from "../app/views/view-models";
import { adaptiveCard, errorText, execute, heading, text, userText, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { CardVerb } from "./card-verbs";
import { escapeAdaptiveText } from "./escape-adaptive-text";

/** A conversation member a row can be delegated to (from the connector, never typed). */
export interface MemberChoice {
  /** The platform user id the edge resolves again through the connector. */
  id: string;
  name: string;
}

/** Per-send extras for the roster card. */
export interface RosterCardOptions {
  /** Channel members offered for delegation. Without them only the people picker is offered. */
  members?: MemberChoice[];
  /**
   * Offer Teams' directory search (Data.Query graph.microsoft.com/users) in pickers. The
   * adaptivecards schema puts `choices.data` in 1.6, so 1.5 cards leave it off by default.
   */
  peoplePicker?: boolean;
  /** Users whose card refreshes automatically (Teams MRIs); the refresh keeps everyone's view current. */
  refreshUserIds?: string[];
  /** A refusal or failure shown at the top, e.g. "Only Sam can answer for the Police row." */
  errorMessage?: string;
  /** A confirmation shown at the top, e.g. "Your answer was recorded." */
  notice?: string;
  /** Show the quorum override box (after QUORUM_NOT_MET). */
  overridePrompt?: { missingRoleLabels: string[] };
}

const RESPONSE_ICON: Record<RosterRowView["response"], string> = {
  invited: "⏳",
  accepted: "✅",
  tentative: "❔",
  declined: "❌",
  delegated: "↪️",
};

const STATUS_LABEL: Record<RosterView["status"], string> = {
  proposed: "Proposed",
  scheduled: "Scheduled",
  held: "Held",
  recorded: "Held and recorded",
  cancelled: "Cancelled",
};

function roleLabel(role: string, fallback: string): string {
  return INVITEE_ROLE_LABELS[role as InviteeRole] ?? fallback;
}

/** Row needs attention: a required role nobody fills. */
function rowNeedsAttention(view: RosterView, row: RosterRowView): boolean {
  return row.required && (row.response === "declined" || view.missingRequiredRoles.includes(row.role));
}

function memberChoiceSet(id: string, options: RosterCardOptions, label: string): CardElement {
  const input: CardElement = {
    type: "Input.ChoiceSet",
    id,
    label,
    style: "filtered",
    isRequired: false,
    placeholder: "Choose a colleague",
    // Choice titles are plain text in every host (no Markdown), and must match what people type in filtered pickers.
    choices: (options.members ?? []).map((m) => ({ title: m.name, value: m.id })),
  };
  if (options.peoplePicker) input["choices.data"] = { type: "Data.Query", dataset: "graph.microsoft.com/users" };
  return input;
}

function respondCard(view: RosterView, row: RosterRowView, options: RosterCardOptions): CardElement {
  const data = (answer: string) => ({ meetingId: view.meetingId, invitationId: row.invitationId, answer });
  return {
    type: "AdaptiveCard",
    body: [
      text(`Answer for the **${escapeAdaptiveText(row.roleLabel)}** row. Accept only if you can make decisions for your agency.`),
      { type: "Input.Text", id: `reason_${row.invitationId}`, label: "Reason (needed to decline)", isMultiline: false, maxLength: 500 },
      // With no members from the connector there is nobody to delegate to (names are never typed).
      ...((options.members ?? []).length ? [memberChoiceSet(`delegate_${row.invitationId}`, options, "Delegate to (for Delegate)")] : []),
    ],
    actions: [
      execute("Accept: I can make decisions for my agency", CardVerb.respond, data("accept"), { style: "positive" }),
      execute("Tentative", CardVerb.respond, data("tentative")),
      execute("Decline", CardVerb.respond, data("decline"), { style: "destructive" }),
      ...((options.members ?? []).length ? [execute("Delegate", CardVerb.respond, data("delegate"))] : []),
    ],
  };
}

function rowElement(view: RosterView, row: RosterRowView, open: boolean, options: RosterCardOptions): CardElement {
  const attention = rowNeedsAttention(view, row);
  const items: CardElement[] = [
    {
      type: "ColumnSet",
      columns: [
        {
          type: "Column",
          width: "stretch",
          items: [text(`**${escapeAdaptiveText(row.roleLabel)}**${row.required ? " (required)" : ""}`, attention ? { color: "Attention" } : {})],
        },
        { type: "Column", width: "stretch", items: [userText(row.inviteeLabel)] },
        {
          type: "Column",
          width: "stretch",
          items: [userText(`${RESPONSE_ICON[row.response]} ${row.responseLabel}`, attention ? { color: "Attention" } : {})],
        },
      ],
    },
  ];
  if (open) {
    items.push({
      type: "ActionSet",
      actions: [{ type: "Action.ShowCard", title: `Respond (${escapeAdaptiveText(row.roleLabel)})`, card: respondCard(view, row, options) }],
    });
  }
  return { type: "Container", style: attention ? "attention" : "default", separator: true, items };
}

/**
 * The convening card: meeting facts, one row per role with its answer (required roles
 * nobody fills are highlighted), and the actions that fit the meeting's state.
 */
export function renderRosterCard(view: RosterView, options: RosterCardOptions = {}): AdaptiveCardJson {
  const open = view.status === "proposed" || view.status === "scheduled";
  const body: CardElement[] = [];
  if (options.errorMessage) body.push(errorText(options.errorMessage));
  if (options.notice) body.push(userText(options.notice, { color: "Good", size: "Small" }));
  body.push(heading(`${escapeAdaptiveText(view.kindTitle)} · ${escapeAdaptiveText(view.caseReference)}`));
  body.push({
    type: "FactSet",
    facts: [
      { title: "Status", value: STATUS_LABEL[view.status] },
      { title: "Urgency", value: escapeAdaptiveText(view.urgencyLabel) },
      { title: "When", value: escapeAdaptiveText(view.whenLabel) },
      { title: "How", value: escapeAdaptiveText(view.modeLabel) },
      { title: "Convenor", value: escapeAdaptiveText(view.convenorLabel) },
    ],
  });
  body.push(text("**Concern in brief**", { spacing: "Medium" }));
  body.push(userText(view.concern));
  body.push(text("**Who is coming**", { spacing: "Medium" }));
  for (const row of view.rows) body.push(rowElement(view, row, open, options));
  const unfilled = view.missingRequiredRoles.filter((role) => !view.rows.some((r) => r.role === role && r.response !== "declined"));
  for (const role of unfilled) {
    body.push({
      type: "Container",
      style: "attention",
      separator: true,
      items: [text(`**${escapeAdaptiveText(roleLabel(role, role))}** (required): nobody invited yet`, { color: "Attention" })],
    });
  }
  if (view.missingRequiredRoles.length) {
    body.push(
      text(`Missing required roles: ${view.missingRequiredRoles.map((r) => escapeAdaptiveText(roleLabel(r, r))).join(", ")}`, {
        color: "Attention",
        weight: "Bolder",
      }),
    );
  }
  if (view.quorumOverrideReason) body.push(userText(`Held without the statutory minimum because: ${view.quorumOverrideReason}`, { isSubtle: true }));

  const actions: CardElement[] = [];
  const meeting = { meetingId: view.meetingId };
  if (open) {
    if (options.overridePrompt) {
      body.push(
        errorText(`Nobody from ${options.overridePrompt.missingRoleLabels.join(", ")} has accepted. To mark it held anyway, say why it went ahead.`),
        { type: "Input.Text", id: "overrideReason", label: "Why it went ahead without them", isMultiline: true, maxLength: 1000, isRequired: true, errorMessage: "Give a reason to override." },
      );
      actions.push(execute("Mark held anyway", CardVerb.markHeld, meeting, { style: "destructive" }));
    } else {
      actions.push(execute("Mark held", CardVerb.markHeld, meeting));
    }
  }
  if (view.status === "held") actions.push(execute("Record decision", CardVerb.openRecord, meeting, { style: "positive" }));
  if (view.status === "recorded") actions.push(execute("Amend record", CardVerb.openRecord, meeting));
  actions.push(execute("Deadlines", CardVerb.deadlines, { caseRef: view.caseReference }));

  const summary = view.rows.map((r) => `${r.roleLabel}: ${r.responseLabel}`).join("; ");
  return adaptiveCard({
    fallbackText: `${view.kindTitle} for ${view.caseReference} (${STATUS_LABEL[view.status]}). ${summary}`,
    body,
    actions,
    refresh: {
      action: { type: "Action.Execute", title: "Refresh", verb: CardVerb.refresh, data: { ...meeting, revision: view.revision } },
      ...(options.refreshUserIds && options.refreshUserIds.length ? { userIds: options.refreshUserIds.slice(0, 60) } : {}),
    },
  });
}
