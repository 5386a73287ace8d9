import { roleLabelOf, rosterGaps } from "../app/views/roster-gaps";
import { outlookBusyLine, outlookNotCheckedLine } from "../app/views/time-poll-view";
import type { RosterRowView, RosterView } from "../app/views/view-models";
import { adaptiveCard, errorText, execute, heading, text, userText, type AdaptiveCardJson, type CardElement } from "./adaptive-card";
import { ActionId, actionData } from "../app/conversation/action-id";
import type { FormView } from "../app/conversation/form-descriptor";
import { declineForm } from "../app/conversation/forms/reason.forms";
import { delegateForm } from "../app/conversation/forms/delegate.form";
import { formInputs, formSubmit, type FormCardOptions } from "./form.card";
import { escapeAdaptiveText } from "./escape-adaptive-text";
import { mentionEntities, mentionText } from "./nudge.card";

/** Per-send extras for the roster card. */
export interface RosterCardOptions extends FormCardOptions {
  /** Users whose card refreshes automatically (Teams MRIs); the refresh keeps everyone's view current. */
  refreshUserIds?: string[];
  /** A refusal or failure shown at the top, e.g. "Only Sam can answer for the Police row." */
  errorMessage?: string;
  /** A confirmation shown at the top, e.g. "Your answer was recorded." */
  notice?: string;
  /** A question the conversation asks on this card (why it was held without quorum, a decline reason). */
  inlineForm?: FormView;
}

const RESPONSE_ICON: Record<RosterRowView["response"], string> = {
  invited: "⏳",
  accepted: "✅",
  tentative: "❔",
  declined: "❌",
  delegated: "↪️",
};



/**
 * The proposed times ("find a time"): each with the roles that can, cannot and have not said,
 * the earliest time the required roles can all make marked, and the poll's own buttons.
 */
function timePollElements(view: RosterView, manages: boolean, inlineAction: ActionId | undefined): CardElement[] {
  const poll = view.timePoll!;
  const out: CardElement[] = [text("**Possible times**", { spacing: "Medium" })];
  out.push(text(poll.bestLabel ? `${escapeAdaptiveText(poll.bestIntro)}: **${escapeAdaptiveText(poll.bestLabel)}**` : "No time suits every required role yet.", { color: poll.bestLabel ? "Good" : "Attention", size: "Small" }));
  for (const o of poll.options) {
    const parts = [o.canMake.length ? `can make it: ${o.canMake.join(", ")}` : "", o.cannotMake.length ? `cannot: ${o.cannotMake.join(", ")}` : "", o.notYet.length ? `not yet answered: ${o.notYet.join(", ")}` : ""].filter(Boolean);
    out.push({
      type: "Container",
      separator: true,
      style: o.best ? "good" : "default",
      items: [
        text(`${o.best ? "★ " : ""}**${escapeAdaptiveText(o.label)}**${o.allRequired ? " · required roles can all make it" : ""}`),
        text(escapeAdaptiveText(parts.join(" · ") || "no answers yet"), { isSubtle: true, size: "Small", spacing: "None" }),
        // Advisory only: a calendar can be wrong or private, so people's own ticks decide (and the star).
        ...(o.outlookBusy.length ? [text(escapeAdaptiveText(outlookBusyLine(o.outlookBusy)), { isSubtle: true, size: "Small", spacing: "None", color: "Warning" })] : []),
      ],
    });
  }
  out.push(text(`${poll.answered} of ${poll.asked} rows have marked their times.`, { isSubtle: true, size: "Small" }));
  if (poll.outlookNotChecked.length) out.push(text(escapeAdaptiveText(outlookNotCheckedLine(poll.outlookNotChecked)), { isSubtle: true, size: "Small", spacing: "None" }));
  const buttons: Array<[ActionId, string]> = [[ActionId.AnswerTimes, "Times I can make…"]];
  if (manages) buttons.push([ActionId.PickTime, "Pick a time…"]);
  out.push({ type: "ActionSet", actions: buttons.filter(([a]) => a !== inlineAction).map(([a, title]) => execute(title, a, actionData(a, view.meetingId))) });
  return out;
}

/** Row needs attention: a required role nobody fills. */
function rowNeedsAttention(view: RosterView, row: RosterRowView): boolean {
  return row.required && (row.response === "declined" || view.missingRequiredRoles.includes(row.role));
}

/**
 * A row's answers, behind "Respond (…)": the reason and delegate boxes come from the
 * conversation's decline and delegate forms, scoped to the row so rows never mix.
 */
function respondCard(view: RosterView, row: RosterRowView, options: RosterCardOptions): CardElement {
  const data = (action: ActionId) => actionData(action, row.invitationId, { role: row.role });
  const members = (options.members ?? []).length > 0;
  const decline: FormView = { descriptor: declineForm(row.invitationId, row.roleLabel), values: {}, errors: {}, scope: row.invitationId };
  const delegate: FormView = { descriptor: delegateForm(row.invitationId, row.roleLabel), values: {}, errors: {}, scope: row.invitationId };
  return {
    type: "AdaptiveCard",
    body: [
      text(`Answer for the **${escapeAdaptiveText(row.roleLabel)}** row. Accept only if you can make decisions for your agency.`),
      ...formInputs(decline, options).map((el) => (el.type === "Input.Text" ? { ...el, isRequired: false } : el)),
      // With no members from the connector there is nobody to delegate to (names are never typed).
      ...(members ? formInputs(delegate, options).map((el) => (el.type === "Input.ChoiceSet" ? { ...el, isRequired: false } : el)) : []),
    ],
    actions: [
      execute("Accept: I can make decisions for my agency", ActionId.Accept, data(ActionId.Accept), { style: "positive" }),
      execute("Tentative", ActionId.Tentative, data(ActionId.Tentative)),
      execute("Decline", ActionId.Decline, data(ActionId.Decline), { style: "destructive" }),
      ...(members ? [execute("Delegate", ActionId.Delegate, data(ActionId.Delegate))] : []),
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
        { type: "Column", width: "stretch", items: [row.mention?.platform === "teams" ? text(mentionText(row.mention)) : userText(row.inviteeLabel)] },
        {
          type: "Column",
          width: "stretch",
          items: [
            userText(`${RESPONSE_ICON[row.response]} ${row.responseLabel}`, attention ? { color: "Attention" } : {}),
            ...(row.attendanceLabel ? [userText(row.attendanceLabel, { isSubtle: true, spacing: "None" })] : []),
          ],
        },
      ],
    },
  ];
  // A copy for one person (view.viewer) offers Respond only on the rows they may answer.
  if (open && row.answeredInChat !== false && (!view.viewer || view.viewer.answerableInvitationIds.includes(row.invitationId))) {
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
  const teamsMentions = view.rows.flatMap((r) => (r.mention?.platform === "teams" ? [r.mention] : []));
  const open = view.status === "proposed" || view.status === "scheduled";
  const body: CardElement[] = [];
  if (options.errorMessage) body.push(errorText(options.errorMessage));
  if (options.notice) body.push(userText(options.notice, { color: "Good", size: "Small" }));
  body.push(heading(`${escapeAdaptiveText(view.kindTitle)} · ${escapeAdaptiveText(view.caseReference)}`));
  body.push({
    type: "FactSet",
    facts: [
      { title: "Status", value: view.statusLabel },
      { title: "Urgency", value: escapeAdaptiveText(view.urgencyLabel) },
      { title: "When", value: escapeAdaptiveText(view.whenLabel) },
      { title: "How", value: escapeAdaptiveText(view.modeLabel) },
      { title: "Convenor", value: escapeAdaptiveText(view.convenorLabel) },
    ],
  });
  if (view.onlineMeetingNote) body.push(text(escapeAdaptiveText(view.onlineMeetingNote), { color: "Warning", size: "Small" }));
  body.push(text("**Concern in brief**", { spacing: "Medium" }));
  body.push(userText(view.concern));
  body.push(text("**Who is coming**", { spacing: "Medium" }));
  for (const row of view.rows) body.push(rowElement(view, row, open, options));
  // Rows answered by someone (even tentatively) speak for themselves; a gap is a role nobody fills.
  for (const gap of rosterGaps(view).filter((g) => !view.rows.some((r) => r.role === g.role && r.response !== "declined"))) {
    // Every gap's words start with the role's label, which is bolded; the rest is our own text.
    const rest = gap.text.slice(gap.roleLabel.length);
    body.push({ type: "Container", style: "attention", separator: true, items: [text(`**${escapeAdaptiveText(gap.roleLabel)}**${rest}`, { color: "Attention" })] });
  }
  if (view.missingRequiredRoles.length) {
    body.push(
      text(`Missing required roles: ${view.missingRequiredRoles.map((r) => escapeAdaptiveText(roleLabelOf(r))).join(", ")}`, {
        color: "Attention",
        weight: "Bolder",
      }),
    );
  }
  if (view.quorumOverrideReason) body.push(userText(`Held without the statutory minimum because: ${view.quorumOverrideReason}`, { isSubtle: true }));

  const actions: CardElement[] = [];
  // Joining is for everyone invited, so it comes first and on every copy.
  if (view.joinUrl) actions.push({ type: "Action.OpenUrl", title: "Join Teams meeting", url: view.joinUrl });
  const inline = open ? options.inlineForm : undefined;
  const manages = !view.viewer || view.viewer.canManageMeeting;
  if (view.timePoll && view.status === "proposed") body.push(...timePollElements(view, manages, inline?.descriptor.action));
  if (inline) {
    // The question sits on the card itself; its submit replaces the plain "Mark held".
    if (inline.descriptor.intro) body.push(userText(inline.descriptor.intro, { weight: "Bolder", spacing: "Medium" }));
    body.push(...formInputs(inline, options));
    actions.push(formSubmit(inline));
  }
  // The convenor's buttons, less the one whose form is open on the card now; on a copy for one
  // person, only if they are the convenor or manage the case.
  // They sit in a row of their own in the body: a card's own actions hold at most five.
  if (manages && open) {
    const own: Array<[ActionId, string]> = [[ActionId.MarkHeld, "Mark held"], [ActionId.RescheduleMeeting, "Reschedule…"], [ActionId.ChangeInvitees, "Change invitees…"], [ActionId.CancelMeeting, "Cancel meeting…"]];
    // A meeting still to be timed can have times proposed instead ("find a time").
    if (view.status === "proposed") own.splice(2, 0, [ActionId.ProposeTimes, "Find a time…"]);
    const buttons = own.filter(([action]) => inline?.descriptor.action !== action).map(([action, title]) => execute(title, action, actionData(action, view.meetingId)));
    body.push({ type: "ActionSet", spacing: "Medium", actions: buttons });
  }
  if (manages && view.status === "held") actions.push(execute("Record decision", ActionId.OpenRecord, actionData(ActionId.OpenRecord, view.meetingId), { style: "positive" }));
  if (manages && view.status === "recorded") actions.push(execute("Amend record", ActionId.OpenRecord, actionData(ActionId.OpenRecord, view.meetingId)));
  actions.push(execute("Deadlines", ActionId.ShowDeadlines, actionData(ActionId.ShowDeadlines, view.caseReference)));
  // A download, not a verb: the signed link serves the .ics (the cancellation, once cancelled).
  if (view.calendarUrl) actions.push({ type: "Action.OpenUrl", title: view.status === "cancelled" ? "Remove from calendar" : "Add to calendar", url: view.calendarUrl });

  const summary = view.rows.map((r) => `${r.roleLabel}: ${r.responseLabel}`).join("; ");
  return adaptiveCard({
    fallbackText: `${view.kindTitle} for ${view.caseReference} (${view.statusLabel}). ${summary}`,
    body,
    actions,
    refresh: {
      action: { type: "Action.Execute", title: "Refresh", verb: ActionId.RefreshRoster, data: { ...actionData(ActionId.RefreshRoster, view.meetingId), revision: String(view.revision) } },
      ...(options.refreshUserIds && options.refreshUserIds.length ? { userIds: options.refreshUserIds.slice(0, 60) } : {}),
    },
    // Each named invitee (or whoever now answers for the row) is @mentioned, so Teams tells them.
    msteams: teamsMentions.length ? { entities: mentionEntities(teamsMentions) } : {},
  });
}
