import { requireRowAgency, ROW_AGENCY } from "../../../../src/domain/agency/agency";
import { answeredInChat, answerInvitation, answerRight, FAMILY_AND_SUPPORT_ROLES, INVITEE_ROLE_LABELS, ROLE_AGENCIES, type Invitation } from "../../../../src/domain/invitation/invitation";
import { inviteeRolesFor, markHeld, missingQuorumRoles, requireRoleForKind, type Meeting } from "../../../../src/domain/meeting/meeting";
import { MEETING_KINDS } from "../../../../src/domain/meeting/meeting-kind";
import { codeOf } from "../../../helpers/domain-error-code";

// Working Together ch. 1: parents and family members, the child, an advocate and an
// interpreter can be invited to conferences. They are not agency representatives.
const now = new Date("2027-01-05T15:00:00Z");
const row = (over: Partial<Invitation>): Invitation => ({
  id: "i1", meetingId: "m1", role: "parent", agency: "Family", required: false, inviteeKind: "agency", inviteePractitionerId: null,
  inviteeLabel: "Mother", claimedById: null, delegateId: null, response: "invited", responseReason: null,
  seniorityConfirmed: false, attendance: "unknown", respondedAt: null, ...over,
});
const meeting = (kind: Meeting["kind"]): Meeting => ({ id: "m1", caseId: "c1", kind, status: "scheduled", concern: "x", urgency: "routine", scheduledAt: null, mode: "meeting", convenorId: "p-sw", heldAt: null, quorumOverrideReason: null });

describe("family and support roles", () => {
  it("are rows of every conference, and never of a strategy discussion", () => {
    expect(inviteeRolesFor("strategy-discussion")).toEqual(["social-worker", "health", "police", "referrer", "school", "other"]);
    for (const kind of MEETING_KINDS.filter((k) => k !== "strategy-discussion")) {
      expect(inviteeRolesFor(kind)).toEqual(expect.arrayContaining([...FAMILY_AND_SUPPORT_ROLES]));
      for (const role of FAMILY_AND_SUPPORT_ROLES) expect(codeOf(() => requireRoleForKind(kind, role))).toBe("no error");
    }
    for (const role of FAMILY_AND_SUPPORT_ROLES) expect(codeOf(() => requireRoleForKind("strategy-discussion", role))).toBe("ROLE_NOT_FOR_MEETING");
    expect(codeOf(() => requireRoleForKind("strategy-discussion", "police"))).toBe("no error");
  });

  it("have plain labels, and speak for no agency, so identity never decides who fills them", () => {
    expect(FAMILY_AND_SUPPORT_ROLES.map((r) => INVITEE_ROLE_LABELS[r])).toEqual(["Parent or carer", "Family member", "The child", "Advocate", "Interpreter"]);
    for (const role of FAMILY_AND_SUPPORT_ROLES) {
      expect(ROW_AGENCY[role]).toBeNull();
      expect(ROLE_AGENCIES[role]).not.toMatch(/agency/i);
      // A police officer named as interpreter is not refused for being police: the row is no agency's.
      expect(codeOf(() => requireRowAgency({ role, required: false, inviteeLabel: "x" }, "police"))).toBe("no error");
    }
  });

  it("never count toward the agency quorum", () => {
    const family = FAMILY_AND_SUPPORT_ROLES.map((role, n) => row({ id: `f${n}`, role, attendance: "attended" }));
    for (const kind of ["icpc", "review-conference", "core-group", "transfer-in-conference"] as const) {
      expect(missingQuorumRoles(kind, family)).toEqual(["social-worker"]);
      expect(codeOf(() => markHeld(meeting(kind), family, now))).toBe("QUORUM_NOT_MET");
      expect(missingQuorumRoles(kind, [...family, row({ id: "sw", role: "social-worker", agency: "Children's social care", attendance: "attended" })])).toEqual([]);
    }
  });

  it("a parent, family member or the child described on the roster is answered by nobody in chat; a named advocate answers as usual", () => {
    for (const role of ["parent", "family-member", "child"] as const) {
      const inv = row({ role });
      expect(answeredInChat(inv)).toBe(false);
      expect(answerRight(inv, "p-anyone")).toBeNull();
      // Claiming "Mother" and being marked as taking part would make a stranger entitled to the full record.
      expect(codeOf(() => answerInvitation(inv, "p-anyone", "Anyone", { kind: "accept" }, now))).toBe("NOT_ANSWERED_IN_CHAT");
    }
    const advocate = row({ role: "advocate", agency: "Advocacy", inviteeKind: "person", inviteePractitionerId: "p-adv", inviteeLabel: "Ada Advocate" });
    expect(answeredInChat(advocate)).toBe(true);
    expect(answerInvitation(advocate, "p-adv", "Ada Advocate", { kind: "accept" }, now)).toMatchObject({ response: "accepted" });
    expect(codeOf(() => answerInvitation(advocate, "p-other", "Other", { kind: "accept" }, now))).toBe("NOT_INVITEE");
  });
});
