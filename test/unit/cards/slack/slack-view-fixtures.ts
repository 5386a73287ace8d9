import { MEETING_STATUS_LABELS } from "../../../../src/domain/meeting/meeting";
import type { DecisionRecordSummaryView, DecisionRecordView, NudgeView, RosterRowView, RosterView } from "../../../../src/app/views/view-models";

/** Text that tries every mrkdwn injection Slack would honour if unescaped. */
export const HOSTILE = "<!channel> <!here> <@U0BOSS> <#C0SECRET> <http://evil.example|Click me> & done";

/** A roster row. */
export function rosterRow(i: number, over: Partial<RosterRowView> = {}): RosterRowView {
  return {
    invitationId: `inv-${i}`,
    role: "police",
    roleLabel: "Police",
    required: i < 3,
    inviteeLabel: `Person ${i}`,
    response: "invited",
    responseLabel: "Invited",
    attendance: "unknown",
    attendanceLabel: null,
    ...over,
  };
}

/** A roster with `rows` rows. */
export function rosterView(rows = 3, over: Partial<RosterView> = {}): RosterView {
  return {
    meetingId: "m-1",
    caseReference: "CS-2026-0142",
    kind: "strategy-discussion",
    kindTitle: "Strategy discussion",
    status: over.status ?? "scheduled",
    statusLabel: MEETING_STATUS_LABELS[over.status ?? "scheduled"],
    urgencyLabel: "Today",
    whenLabel: "Tue 24 Nov 2026, 10:00 (UK time)",
    modeLabel: "Meeting",
    concern: "Bruising reported by school",
    convenorLabel: "Sam Okafor",
    rows: Array.from({ length: rows }, (_, i) => rosterRow(i)),
    missingRequiredRoles: [],
    quorumOverrideReason: null,
    revision: 1,
    ...over,
  };
}

/** A full decision record view with `sections` sections of `fields` fields of `size` characters, and one table each. */
export function recordView(sections = 3, fields = 4, size = 40): DecisionRecordView {
  return {
    meetingId: "m-1",
    caseReference: "CS-2026-0142",
    kindTitle: "Strategy discussion",
    marking: "OFFICIAL-SENSITIVE",
    version: 1,
    amendmentReason: null,
    header: [
      { label: "Meeting", value: "Strategy discussion" },
      { label: "Date", value: "Tuesday 24 November 2026" },
      { label: "Chair", value: "Sam Okafor" },
    ],
    sections: Array.from({ length: sections }, (_, s) => ({
      title: `Section ${s + 1}`,
      blocks: [
        { kind: "fields" as const, fields: Array.from({ length: fields }, (_, f) => ({ label: `Field ${s}.${f}`, value: "x".repeat(size) })) },
        { kind: "table" as const, columns: ["Who", "What"], rows: [["Police", "y".repeat(Math.min(size, 100))]] },
      ],
    })),
  };
}

/** A decision record's channel summary. */
export function summaryView(over: Partial<DecisionRecordSummaryView> = {}): DecisionRecordSummaryView {
  return {
    meetingId: "m-1",
    caseReference: "CS-2026-0142",
    kindTitle: "Strategy discussion",
    dateLabel: "Tuesday 24 November 2026",
    version: 1,
    attendance: [{ agency: "Police", names: ["DC Priya Shah"] }],
    decisions: [{ label: "Section 47 enquiries", value: "Yes" }],
    actions: [{ who: "Sam Okafor", what: "Arrange the medical", byWhenLabel: "Tuesday 24 November 2026" }],
    clocks: [{ title: "Initial child protection conference", dueDateLabel: "Tuesday 15 December 2026" }],
    ...over,
  };
}

/** A nudge. */
export function nudgeView(over: Partial<NudgeView> = {}): NudgeView {
  return {
    deadlineId: "d-1",
    caseReference: "CS-2026-0142",
    title: "Initial child protection conference",
    ruleSummary: "within 15 working days of the strategy discussion",
    dueDate: "2026-12-14",
    dueDateLabel: "Mon 14 Dec 2026",
    workingDaysRemaining: 2,
    stage: "before-2",
    late: false,
    overdue: false,
    escalated: false,
    mentions: [{ platformUserId: "U0SW", displayName: "Sam Okafor" }],
    actionCommand: "deadlines CS-2026-0142",
    ...over,
  };
}

/** Every action_id in a list of blocks. */
export function actionIds(blocks: unknown[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.action_id === "string") out.push(o.action_id);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out;
}
