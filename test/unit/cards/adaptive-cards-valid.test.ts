import { MEETING_STATUS_LABELS } from "../../../src/domain/meeting/meeting";
import * as AC from "adaptivecards";
import type { AdaptiveCardJson } from "../../../src/cards/adaptive-card";
import { renderFormCard } from "../../../src/cards/form.card";
import { renderDecisionRecordCard, renderDecisionRecordSummaryCard } from "../../../src/cards/decision-record.card";
import { renderDeadlinesCard } from "../../../src/cards/deadlines.card";
import { renderHelpCard } from "../../../src/cards/help.card";
import { renderNoticeCard } from "../../../src/cards/notice.card";
import { renderNudgeCard } from "../../../src/cards/nudge.card";
import type { RosterView } from "../../../src/app/views/view-models";
import { renderRosterCard } from "../../../src/cards/roster.card";
import { MEETING_KINDS } from "../../../src/domain/meeting/meeting-kind";
import { conveneForm } from "../../../src/app/conversation/forms/convene.form";
import { recordForm } from "../../../src/app/conversation/forms/record.form";
import { heldForm } from "../../../src/app/conversation/forms/held.form";
import { answerTimesForm, pickTimeForm, proposeTimesForm } from "../../../src/app/conversation/forms/time-poll.forms";
import { helpView } from "../../../src/app/conversation/help";
import { renderMyWorkCard, renderMyWorkElsewhereCard } from "../../../src/cards/my-work.card";
import { myWorkView } from "../../fixtures/my-work-view.fixture";

const EVIL = "[x](http://e.example) *b* <at>All</at> `c` # h";
const members = [{ id: "aad-1", name: "Sam [Okafor]" }, { id: "aad-2", name: "DC Priya Shah" }];

const roster = (status: RosterView["status"]): RosterView => ({
  meetingId: "m1",
  caseReference: "CS-2026-0142",
  kind: "strategy-discussion",
  kindTitle: "Strategy discussion",
  status,
  statusLabel: MEETING_STATUS_LABELS[status],
  urgencyLabel: "Today",
  whenLabel: "Tue 24 Nov 2026, 10:00 (UK time)",
  modeLabel: "Meeting",
  concern: EVIL,
  convenorLabel: "Sam Okafor",
  rows: [
    { invitationId: "i1", role: "social-worker", roleLabel: "Social worker", required: true, inviteeLabel: "Sam Okafor", response: "accepted", responseLabel: "Accepted", attendance: "unknown", attendanceLabel: null },
    { invitationId: "i2", role: "health", roleLabel: "Health", required: true, inviteeLabel: EVIL, response: "declined", responseLabel: "Declined: on leave", attendance: "unknown", attendanceLabel: null },
  ],
  missingRequiredRoles: ["health", "police"],
  quorumOverrideReason: null,
  revision: 3,
});

/** Every card the bot can send. */
function everyCard(): Array<[string, AdaptiveCardJson]> {
  const cards: Array<[string, AdaptiveCardJson]> = [];
  for (const status of ["proposed", "held", "recorded"] as const) cards.push([`roster ${status}`, renderRosterCard(roster(status), { members, refreshUserIds: ["29:a"] })]);
  const timePoll: RosterView["timePoll"] = {
    options: [
      { slotId: "s1", label: "Tue 1 Dec 2026, 09:00 (UK time)", canMake: ["Social worker"], cannotMake: ["Health"], notYet: ["Police"], allRequired: false, best: false, outlookBusy: [] },
      { slotId: "s2", label: "Tue 1 Dec 2026, 14:00 (UK time)", canMake: ["Social worker", "Health", "Police"], cannotMake: [], notYet: [], allRequired: true, best: true, outlookBusy: ["Health"] },
    ],
    bestLabel: "Tue 1 Dec 2026, 14:00 (UK time)", bestIntro: "Earliest time social worker, health and police can all make", asked: 3, answered: 2, outlookChecked: true, outlookNotChecked: ["Police"],
  };
  cards.push(["roster with a time poll", renderRosterCard({ ...roster("proposed"), timePoll }, { members })]);
  cards.push(["roster with a time poll, answering inline", renderRosterCard({ ...roster("proposed"), timePoll }, { members, inlineForm: { descriptor: answerTimesForm({ ...roster("proposed"), timePoll }), values: {}, errors: {} } })]);
  cards.push(["find a time form", renderFormCard({ descriptor: proposeTimesForm(roster("proposed")), values: {}, errors: {} })]);
  cards.push(["pick a time form", renderFormCard({ descriptor: pickTimeForm({ ...roster("proposed"), timePoll }), values: {}, errors: {} })]);
  cards.push(["roster with Add to calendar", renderRosterCard({ ...roster("scheduled"), calendarUrl: "https://convene.example/calendar/m1.1790000000.abc.ics" })]);
  cards.push(["roster with Join Teams meeting", renderRosterCard({ ...roster("scheduled"), joinUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0" })]);
  cards.push(["roster with the Teams meeting still retrying", renderRosterCard({ ...roster("scheduled"), onlineMeetingNote: "Teams meeting: could not be created yet; retrying" })]);
  cards.push(["roster cancelled, Remove from calendar", renderRosterCard({ ...roster("cancelled"), calendarUrl: "https://convene.example/calendar/m1.1790000000.abc.ics" })]);
  cards.push(["roster override", renderRosterCard(roster("scheduled"), { errorMessage: "Not held yet", inlineForm: { descriptor: heldForm(roster("scheduled")), values: {}, errors: { reason: "Not held yet: nobody from Police has accepted." } } })]);
  cards.push([
    "decision record",
    renderDecisionRecordCard({
      meetingId: "m1", caseReference: "CS-1", kindTitle: "Strategy discussion", marking: "OFFICIAL-SENSITIVE", version: 2, amendmentReason: EVIL,
      header: [{ label: "Reason for amendment", value: EVIL }],
      sections: [{ title: "Decision", blocks: [{ kind: "fields", fields: [{ label: "s47", value: EVIL }] }, { kind: "table", caption: EVIL, columns: ["Who", EVIL], rows: [[EVIL, "x"]] }, { kind: "text", text: EVIL }] }],
    }),
  ]);
  cards.push([
    "decision record summary",
    renderDecisionRecordSummaryCard(
      { meetingId: "m1", caseReference: "CS-1", kindTitle: "Strategy discussion", dateLabel: "Tuesday 24 November 2026", version: 1, attendance: [{ agency: EVIL, names: [EVIL] }], decisions: [{ label: "Section 47 enquiries", value: "Yes" }], actions: [{ who: EVIL, what: EVIL, byWhenLabel: "Tuesday 24 November 2026" }], clocks: [{ title: "ICPC", dueDateLabel: "Tuesday 15 December 2026" }] },
      { refreshUserIds: ["29:a"] },
    ),
  ]);
  cards.push([
    "nudge",
    renderNudgeCard({ deadlineId: "d1", caseReference: "CS-1", title: "ICPC", ruleSummary: "within 15 working days", dueDate: "2026-12-14", dueDateLabel: "Mon 14 Dec 2026", workingDaysRemaining: 2, stage: "t-2", late: true, overdue: false, escalated: true, mentions: [{ platformUserId: "aad-1", displayName: "Sam <b>" }], actionCommand: "deadlines CS-1" }),
  ]);
  cards.push(["notice", renderNoticeCard({ title: "Linked", text: EVIL })]);
  cards.push(["notice error", renderNoticeCard({ title: "No", text: "x" }, "error")]);
  cards.push(["deadlines", renderDeadlinesCard({ caseReference: "CS-1", lines: [{ id: "1", kind: "deadline", title: EVIL, dueDate: "2026-12-14", dueDateLabel: "Mon 14 Dec", workingDaysRemaining: -1, status: "open", ownerLabel: "Sam" }] })]);
  cards.push(["deadlines empty", renderDeadlinesCard({ caseReference: "CS-1", lines: [] })]);
  cards.push([
    "deadlines with waive forms, an action and a waiver notice",
    renderDeadlinesCard(
      {
        caseReference: "CS-1",
        lines: [
          { id: "d1", kind: "deadline", title: "Decision on a referral", dueDate: "2026-11-23", dueDateLabel: "Mon 23 Nov", workingDaysRemaining: 0, status: "open", ownerLabel: null },
          { id: "a1", kind: "action", title: EVIL, dueDate: "2026-11-24", dueDateLabel: "Tue 24 Nov", workingDaysRemaining: 1, status: "open", ownerLabel: EVIL },
          { id: "d2", kind: "deadline", title: "Assessment concluded", dueDate: "2027-01-26", dueDateLabel: "Tue 26 Jan", workingDaysRemaining: 40, status: "open", ownerLabel: null },
        ],
      },
      { notice: { title: "Deadline waived for CS-1", text: `Waived by Tom: ${EVIL}` } },
    ),
  ]);
  cards.push(["my meetings and actions", renderMyWorkCard(myWorkView({ more: { toAnswer: 2, convening: 0, actions: 1 } }), { notice: { title: "Your answer is recorded.", text: EVIL }, tone: "info" })]);
  cards.push(["my meetings and actions, empty", renderMyWorkCard(myWorkView({ toAnswer: [], convening: [], actions: [] }))]);
  cards.push(["my meetings and actions, asked in a channel", renderMyWorkElsewhereCard({ title: "Shown to you alone", text: EVIL }, ["29:a"])]);
  cards.push(["help", renderHelpCard(helpView(""))]);
  cards.push(["help, not understood", renderHelpCard(helpView("", EVIL))]);
  cards.push(["convene form", renderFormCard({ descriptor: conveneForm("CS-1", "strategy-discussion"), values: { concern: EVIL }, errors: { concern: "Say more", form: "x" } }, { members, peoplePicker: false })]);
  for (const kind of MEETING_KINDS) {
    const descriptor = recordForm({ meetingId: "m1", caseReference: "CS-1", kind, amend: true });
    cards.push([`decision form ${kind}`, renderFormCard({ descriptor, values: {}, errors: { "decision.s47": "Choose" } })]);
  }
  return cards;
}

describe("every Adaptive Card Convene sends", () => {
  it.each(everyCard())("%s parses and validates as Adaptive Card 1.5 with no errors", (_name, json) => {
    expect(json.version).toBe("1.5");
    expect(json.fallbackText).toBeTruthy();
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    const card = new AC.AdaptiveCard();
    card.parse(json, context);
    const parseErrors: string[] = [];
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      if (e.phase !== undefined && e.event !== undefined) parseErrors.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
    }
    expect(parseErrors).toEqual([]);
    const results = card.validateProperties();
    expect(results.validationEvents.map((e) => `${AC.ValidationEvent[e.event]}: ${e.message}`)).toEqual([]);
  });

  it("renders forms without members (agency contacts only) validly", () => {
    const json = renderFormCard({ descriptor: conveneForm("CS-1", "core-group"), values: {}, errors: {} }, { members: [], peoplePicker: false });
    const card = new AC.AdaptiveCard();
    card.parse(json, new AC.SerializationContext(AC.Versions.v1_5));
    expect(card.validateProperties().validationEvents).toEqual([]);
  });

  it("uses Action.Execute only (no Action.Submit)", () => {
    for (const [, json] of everyCard()) expect(JSON.stringify(json)).not.toContain("Action.Submit");
  });

  it("never lets user text inject links or mentions", () => {
    for (const [, json] of everyCard()) {
      // Input values are plain text in an input box, not Markdown; everything rendered is checked.
      const text = JSON.stringify(json, function (this: Record<string, unknown>, key, value: unknown) {
        // Choice titles are plain text too (hosts render them without Markdown).
        if (key === "choices") return undefined;
        return key === "value" && typeof this.type === "string" && this.type.startsWith("Input.") ? undefined : value;
      });
      expect(text).not.toContain("](http");
      expect(text).not.toContain("<at>All</at>");
    }
  });
});
