import { MEETING_STATUS_LABELS } from "../../../src/domain/meeting/meeting";
import { renderRosterCard } from "../../../src/cards/roster.card";
import type { RosterView } from "../../../src/app/views/view-models";
import { ActionId } from "../../../src/app/conversation/action-id";
import { heldForm } from "../../../src/app/conversation/forms/held.form";

const view = (over: Partial<RosterView> = {}): RosterView => ({
  meetingId: "m1",
  caseReference: "CS-2026-0142",
  kind: "strategy-discussion",
  kindTitle: "Strategy discussion",
  status: over.status ?? "proposed",
  statusLabel: MEETING_STATUS_LABELS[over.status ?? "proposed"],
  urgencyLabel: "Today",
  whenLabel: "Tue 24 Nov 2026, 10:00",
  modeLabel: "Meeting",
  concern: "Bruising *reported*",
  convenorLabel: "Sam Okafor",
  rows: [
    { invitationId: "i1", role: "social-worker", roleLabel: "Social worker", required: true, inviteeLabel: "Sam Okafor", response: "accepted", responseLabel: "Accepted", attendance: "unknown", attendanceLabel: null },
    { invitationId: "i2", role: "health", roleLabel: "Health", required: true, inviteeLabel: "Hana Lewis", response: "declined", responseLabel: "Declined: on leave", attendance: "unknown", attendanceLabel: null },
  ],
  missingRequiredRoles: ["health", "police"],
  quorumOverrideReason: null,
  revision: 4,
  ...over,
});
const json = (c: unknown) => JSON.stringify(c);

describe("renderRosterCard", () => {
  it("on one person's copy, offers Respond only on their rows and the convenor's buttons only to the convenor", () => {
    const mine = json(renderRosterCard(view({ viewer: { answerableInvitationIds: ["i2"], canManageMeeting: false } })));
    expect(mine).toContain('"title":"Respond (Health)"');
    expect(mine).not.toContain('"title":"Respond (Social worker)"');
    expect(mine).not.toContain('"title":"Mark held"');
    expect(json(renderRosterCard(view({ status: "held", viewer: { answerableInvitationIds: [], canManageMeeting: false } })))).not.toContain('"title":"Record decision"');
    expect(json(renderRosterCard(view({ status: "held", viewer: { answerableInvitationIds: [], canManageMeeting: true } })))).toContain('"title":"Record decision"');
    // The shared copy (no viewer) keeps every button; the wrong person is refused privately.
    const shared = json(renderRosterCard(view()));
    expect(shared).toContain('"title":"Respond (Health)"');
    expect(shared).toContain('"title":"Respond (Social worker)"');
    expect(shared).toContain('"title":"Mark held"');
  });

  it("shows one row per role and highlights required roles nobody fills", () => {
    const card = renderRosterCard(view());
    const text = json(card);
    expect(text).toContain("Sam Okafor");
    expect(text).toContain("Declined: on leave");
    expect(text).toContain('"style":"attention"');
    expect(text).toContain("**Police** (required): nobody invited yet");
    // A required role that declined is a gap too, worded for what the convenor can do.
    expect(text).toContain("**Health** declined: invite someone else or record why the meeting goes ahead without them");
    expect(text).toContain("Missing required roles: Health, Police");
    expect(text).toContain("Bruising ＊reported＊");
  });

  it("offers answers per row while open, with Accept stating seniority, and Mark held", () => {
    const text = json(renderRosterCard(view(), { members: [{ id: "aad-2", name: "DC Priya Shah" }] }));
    expect(text).toContain("Accept: I can make decisions for my agency");
    expect(text).toContain(`"verb":"${ActionId.Decline}","data":{"role":"health","invitationId":"i2"}`);
    expect(text).toContain(`"verb":"${ActionId.Delegate}","data":{"role":"health","invitationId":"i2"}`);
    expect(text).toContain("delegate_i2");
    expect(text).toContain(ActionId.MarkHeld);
    expect(text).not.toContain(ActionId.OpenRecord);
  });

  it("leaves Delegate out when the connector gave no members (names are never typed)", () => {
    expect(json(renderRosterCard(view()))).not.toContain(ActionId.Delegate);
  });

  it("asks for an override reason after QUORUM_NOT_MET", () => {
    const text = json(renderRosterCard(view(), { errorMessage: "Not held yet", inlineForm: { descriptor: heldForm(view()), values: {}, errors: { reason: "Not held yet" } } }));
    expect(text).toContain('"id":"reason"');
    expect(text).toContain('"id":"attendance_i2"');
    expect(text).toContain("Save attendance and mark held");
    expect(text).not.toContain('"title":"Mark held"');
  });

  it("offers Record decision once held and Amend once recorded", () => {
    expect(json(renderRosterCard(view({ status: "held" })))).toContain("Record decision");
    expect(json(renderRosterCard(view({ status: "recorded" })))).toContain("Amend record");
    expect(json(renderRosterCard(view({ status: "held" })))).not.toContain("Respond (");
  });

  it("offers the case's deadlines in every state", () => {
    for (const status of ["proposed", "held", "recorded"] as const) {
      expect(renderRosterCard(view({ status })).actions).toContainEqual(expect.objectContaining({ title: "Deadlines", verb: ActionId.ShowDeadlines, data: { caseRef: "CS-2026-0142" } }));
    }
  });

  it("refreshes for the listed users, at most 60", () => {
    const ids = Array.from({ length: 70 }, (_, i) => `29:${i}`);
    const card = renderRosterCard(view(), { refreshUserIds: ids });
    const refresh = card.refresh as { action: { verb: string; data: { meetingId: string } }; userIds: string[] };
    expect(refresh.action.verb).toBe(ActionId.RefreshRoster);
    expect(refresh.action.data.meetingId).toBe("m1");
    expect(refresh.userIds).toHaveLength(60);
  });
});

describe("renderRosterCard: the Teams meeting", () => {
  const joinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0";

  it("offers Join Teams meeting as a link on every copy, first among the actions", () => {
    const card = renderRosterCard(view({ status: "scheduled", joinUrl, viewer: { answerableInvitationIds: [], canManageMeeting: false } })) as unknown as { actions: Array<{ type: string; title: string; url?: string }> };
    expect(card.actions[0]).toEqual({ type: "Action.OpenUrl", title: "Join Teams meeting", url: joinUrl });
  });

  it("says when the meeting could not be created yet, and shows no link", () => {
    const s = json(renderRosterCard(view({ status: "scheduled", onlineMeetingNote: "Teams meeting: could not be created yet; retrying" })));
    expect(s).toContain("Teams meeting: could not be created yet; retrying");
    expect(s).not.toContain("Join Teams meeting");
  });
});
