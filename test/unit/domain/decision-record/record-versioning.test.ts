import {
  extractActions,
  extractNextStep,
  latestVersion,
  nextVersion,
  type RecordVersion,
} from "../../../../src/domain/decision-record/record-versioning";
import type { DecisionRecordPayload } from "../../../../src/domain/decision-record/decision-record.schema";
import { DomainError } from "../../../../src/domain/shared/domain-error";
import { strategyRecordFixture } from "../../../fixtures/strategy-record.fixture";

const T1 = new Date("2025-03-10T16:00:00Z");
const T2 = new Date("2025-03-11T09:00:00Z");

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : "not-a-domain-error";
  }
  return undefined;
}

describe("nextVersion", () => {
  it("creates version 1 without a reason", () => {
    const v1 = nextVersion([], strategyRecordFixture, "pr-1", undefined, T1);
    expect(v1).toMatchObject({ version: 1, authorId: "pr-1", createdAt: T1 });
    expect(v1.reason).toBeUndefined();
    expect(v1.payload).toEqual(strategyRecordFixture);
  });

  it("requires a reason to amend", () => {
    const v1 = nextVersion([], strategyRecordFixture, "pr-1", undefined, T1);
    const changed = { ...strategyRecordFixture, recorder: "Someone else" };
    expect(codeOf(() => nextVersion([v1], changed, "pr-2", undefined, T2))).toBe("AMENDMENT_REASON_REQUIRED");
    expect(codeOf(() => nextVersion([v1], changed, "pr-2", "   ", T2))).toBe("AMENDMENT_REASON_REQUIRED");
    const v2 = nextVersion([v1], changed, "pr-2", " Wrong recorder named ", T2);
    expect(v2).toMatchObject({ version: 2, reason: "Wrong recorder named", authorId: "pr-2" });
    expect(v1.payload).toEqual(strategyRecordFixture);
  });

  it("refuses an amendment that changes nothing, whatever the key order", () => {
    const v1 = nextVersion([], strategyRecordFixture, "pr-1", undefined, T1);
    const reordered = Object.fromEntries(Object.entries(strategyRecordFixture).reverse()) as DecisionRecordPayload;
    expect(codeOf(() => nextVersion([v1], reordered, "pr-1", "Typo", T2))).toBe("AMENDMENT_UNCHANGED");
  });

  it("refuses to continue a broken version sequence", () => {
    const v1 = nextVersion([], strategyRecordFixture, "pr-1", undefined, T1);
    const v3 = { ...v1, version: 3 } as RecordVersion;
    expect(codeOf(() => nextVersion([v1, v3], strategyRecordFixture, "pr-1", "x", T2))).toBe("VERSION_SEQUENCE_BROKEN");
  });

  it("returns deep-frozen versions detached from the caller's object", () => {
    const payload = structuredClone(strategyRecordFixture);
    const v1 = nextVersion([], payload, "pr-1", undefined, T1);
    expect(Object.isFrozen(v1)).toBe(true);
    expect(Object.isFrozen(v1.payload)).toBe(true);
    expect(Object.isFrozen((v1.payload as typeof strategyRecordFixture).actions[0])).toBe(true);
    expect(() => {
      (v1.payload as { chair: string }).chair = "changed";
    }).toThrow(TypeError);
    payload.chair = "Changed by the caller later";
    expect((v1.payload as typeof strategyRecordFixture).chair).toBe("Amira Khan");
    expect(Object.isFrozen(payload)).toBe(false);
  });

  it("never mutates earlier versions", () => {
    const v1 = nextVersion([], strategyRecordFixture, "pr-1", undefined, T1);
    const snapshot = JSON.stringify(v1);
    nextVersion([v1], { ...strategyRecordFixture, chair: "B" }, "pr-2", "Chair changed", T2);
    expect(JSON.stringify(v1)).toBe(snapshot);
  });

  it("finds the latest version", () => {
    const v1 = nextVersion([], strategyRecordFixture, "pr-1", undefined, T1);
    const v2 = nextVersion([v1], { ...strategyRecordFixture, chair: "B" }, "pr-2", "Chair changed", T2);
    expect(latestVersion([v2, v1])?.version).toBe(2);
    expect(latestVersion([])).toBeUndefined();
  });
});

describe("extractActions and extractNextStep", () => {
  it("takes the strategy discussion's actions and next step, with the date the ICPC clock counts from", () => {
    expect(extractActions("strategy-discussion", strategyRecordFixture)).toEqual([
      { owner: "Amira Khan", description: "Joint visit with police to see the child alone", dueDate: "2025-03-11" },
      { owner: "Health", description: "Arrange the child protection medical", dueDate: "2025-03-11" },
    ]);
    expect(extractNextStep("strategy-discussion", strategyRecordFixture)).toEqual({
      kind: "initial-conference",
      reason: strategyRecordFixture.nextStep.reason,
      countsFrom: "2025-03-10",
    });
  });

  it("reads ICPC, core group, review and transfer-in records", () => {
    const icpc = {
      plan: true,
      category: "neglect" as const,
      decisionReason: "Agreed",
      leadSocialWorker: "A",
      coreGroupMembers: ["A"],
      actions: [{ who: "HV", what: "Visit", byWhen: "2025-04-01" }],
      reviewDate: "2025-06-01",
      chair: "C",
      chairIndependent: true as const,
      leadStatutoryBody: "Children's services",
      firstCoreGroupDate: "2025-03-20",
    };
    expect(extractActions("icpc", icpc)).toHaveLength(1);
    expect(extractNextStep("icpc", icpc)).toEqual({ kind: "review-conference", reason: "Agreed", dueDate: "2025-06-01" });
    expect(extractNextStep("icpc", { ...icpc, plan: false })).toMatchObject({ kind: "no-child-protection-plan" });

    const core = { changes: [{ what: "Safe sleep", howMuch: "Every night", byWhen: "2025-05-01" }], inDepthAssessmentBy: "SW", progress: [], newActions: [{ who: "School", what: "Check-in", byWhen: "2025-05-01" }], absentViews: [] };
    expect(extractActions("core-group", core)).toEqual([{ owner: "School", description: "Check-in", dueDate: "2025-05-01" }]);
    expect(extractNextStep("core-group", core)).toBeNull();

    expect(extractNextStep("review-conference", { outcome: "continues", reason: "r", nextReviewDate: "2025-12-01", chair: "c", childrenConsidered: ["A (7)"], allChildrenConsidered: true as const })).toEqual({
      kind: "review-conference",
      reason: "r",
      dueDate: "2025-12-01",
    });
    expect(extractNextStep("review-conference", { outcome: "ends", reason: "Safe", chair: "c", childrenConsidered: ["A (7)"], allChildrenConsidered: true as const })).toEqual({ kind: "plan-ends", reason: "Safe" });
    expect(extractActions("review-conference", { outcome: "ends", reason: "Safe", chair: "c", childrenConsidered: ["A (7)"], allChildrenConsidered: true as const })).toEqual([]);
    expect(
      extractNextStep("transfer-in-conference", { plan: true, category: "neglect", decisionReason: "d", leadSocialWorker: "l", nextReviewDate: "2025-09-01", chair: "c" }),
    ).toEqual({ kind: "review-conference", reason: "d", dueDate: "2025-09-01" });
  });
});
