import { agencyOfRole, requireRowAgency } from "../../../../src/domain/agency/agency";
import { answerInvitation, countsAsAttending, type Invitation } from "../../../../src/domain/invitation/invitation";
import { markHeld, missingQuorumRoles, type Meeting } from "../../../../src/domain/meeting/meeting";
import { DomainError } from "../../../../src/domain/shared/domain-error";

const now = new Date("2026-11-23T10:00:00Z");
const row = (over: Partial<Invitation>): Invitation => ({
  id: "i1", meetingId: "m1", role: "police", agency: "Police", required: true, inviteeKind: "agency", inviteePractitionerId: null,
  inviteeLabel: "CAIT duty desk", claimedById: null, delegateId: null, response: "invited", responseReason: null,
  seniorityConfirmed: false, attendance: "unknown", respondedAt: null, ...over,
});
const code = (f: () => unknown) => {
  try {
    f();
    return "ok";
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe("invitations", () => {
  it("lets only the named invitee answer a person row, and accepting confirms seniority", () => {
    const inv = row({ inviteeKind: "person", inviteePractitionerId: "p-health", role: "health", inviteeLabel: "Hana" });
    expect(code(() => answerInvitation(inv, "someone-else", "X", { kind: "accept" }, now))).toBe("NOT_INVITEE");
    expect(answerInvitation(inv, "p-health", "Hana", { kind: "accept" }, now)).toMatchObject({ response: "accepted", seniorityConfirmed: true });
  });

  it("lets the first answerer claim an agency row, then only them", () => {
    const claimed = answerInvitation(row({}), "p-pat", "Pat", { kind: "accept" }, now);
    expect(claimed).toMatchObject({ claimedById: "p-pat", inviteeLabel: "Pat (for CAIT duty desk)" });
    expect(code(() => answerInvitation(claimed, "p-other", "O", { kind: "accept" }, now))).toBe("NOT_INVITEE");
  });

  it("lets only the row's own agency claim it: an allow-list, not a deny-list of conflicting roles", () => {
    expect(code(() => requireRowAgency(row({ role: "police" }), agencyOfRole("social-worker")))).toBe("WRONG_AGENCY");
    expect(code(() => requireRowAgency(row({ role: "police" }), agencyOfRole("school")))).toBe("WRONG_AGENCY");
    expect(code(() => requireRowAgency(row({ role: "health" }), agencyOfRole("police")))).toBe("WRONG_AGENCY");
    expect(code(() => requireRowAgency(row({ role: "police" }), agencyOfRole("police")))).toBe("ok");
    // Someone Convene cannot place may not fill a required row, but may answer an optional one.
    expect(code(() => requireRowAgency(row({ role: "police" }), agencyOfRole("member")))).toBe("AGENCY_UNKNOWN");
    expect(code(() => requireRowAgency(row({ role: "school", required: false }), null))).toBe("ok");
    expect(code(() => requireRowAgency(row({ role: "school", required: false }), "police"))).toBe("WRONG_AGENCY");
    expect(code(() => requireRowAgency(row({ role: "referrer", required: false }), "police"))).toBe("ok");
  });

  it("needs a reason to decline and hands the row to a delegate", () => {
    const inv = row({ inviteeKind: "person", inviteePractitionerId: "p1" });
    expect(code(() => answerInvitation(inv, "p1", "P", { kind: "decline", reason: " " }, now))).toBe("DECLINE_REASON_REQUIRED");
    const delegated = answerInvitation(inv, "p1", "P", { kind: "delegate", delegateId: "p2", delegateLabel: "Q" }, now);
    expect(code(() => answerInvitation(delegated, "p1", "P", { kind: "accept" }, now))).toBe("NOT_INVITEE");
    expect(answerInvitation(delegated, "p2", "Q", { kind: "accept" }, now)).toMatchObject({ response: "accepted", inviteeLabel: "Q (delegate)" });
  });
});

describe("the quorum rule", () => {
  const meeting: Meeting = {
    id: "m1", caseId: "c1", kind: "strategy-discussion", status: "scheduled", concern: "x", urgency: "today",
    scheduledAt: now, mode: "call", convenorId: "p-sw", heldAt: null, quorumOverrideReason: null,
  };
  const sw = row({ id: "a", role: "social-worker", response: "accepted" });
  const health = row({ id: "b", role: "health", response: "accepted" });
  const police = row({ id: "c", role: "police", response: "accepted" });

  it("holds a strategy discussion with a social worker, health and police attending", () => {
    expect(missingQuorumRoles("strategy-discussion", [sw, health, police])).toEqual([]);
    expect(markHeld(meeting, [sw, health, police], now)).toMatchObject({ status: "held", quorumOverrideReason: null });
  });

  it("does not count apologies or tentative answers", () => {
    expect(countsAsAttending({ ...police, attendance: "apologies" })).toBe(false);
    expect(missingQuorumRoles("strategy-discussion", [sw, health, { ...police, response: "tentative" }])).toEqual(["police"]);
  });

  it("refuses without police unless the convenor records why, and keeps the reason", () => {
    expect(code(() => markHeld(meeting, [sw, health], now))).toBe("QUORUM_NOT_MET");
    expect(code(() => markHeld(meeting, [sw, health], now, "phone"))).toBe("OVERRIDE_REASON_TOO_SHORT");
    const held = markHeld(meeting, [sw, health], now, "Police shared information by phone beforehand");
    expect(held.quorumOverrideReason).toBe("Police shared information by phone beforehand");
  });

  it("needs only the social worker for other meetings, and cannot be held twice", () => {
    expect(missingQuorumRoles("core-group", [sw])).toEqual([]);
    const held = markHeld({ ...meeting, kind: "core-group" }, [sw], now);
    expect(code(() => markHeld(held, [sw], now))).toBe("MEETING_NOT_OPEN");
  });
});
