import { recordSchemaFor, parseDecisionRecord } from "../../../../src/domain/decision-record/decision-record.schema";
import { MEETING_KINDS } from "../../../../src/domain/meeting/meeting-kind";
import { strategyRecordFixture } from "../../../fixtures/strategy-record.fixture";

/** Issue messages keyed by dotted path, the way a form would show them. */
function issues(kind: Parameters<typeof recordSchemaFor>[0], input: unknown): Record<string, string> {
  const r = recordSchemaFor(kind).safeParse(input);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
}

const clone = <T>(v: T): T => structuredClone(v);

describe("strategy discussion record", () => {
  it("accepts the complete fixture", () => {
    expect(parseDecisionRecord("strategy-discussion", strategyRecordFixture)).toEqual(strategyRecordFixture);
  });

  it("explains every missing required field in plain English", () => {
    const e = issues("strategy-discussion", {});
    expect(e["meeting"]).toBeDefined();
    expect(e["attendees"]).toBe("List who took part.");
    expect(e["decision"]).toBeDefined();
    expect(e["informationForFamily"]).toBe(
      "Say whether information will be shared with the child and family, or withheld.",
    );
    expect(e["chair"]).toBe("Give the name of the chair.");
    for (const message of Object.values(e)) expect(message).not.toMatch(/expected|invalid|undefined|received/i);
  });

  it("checks dates, times and the 0–10 safety scale with field-level messages", () => {
    const r = clone(strategyRecordFixture) as any;
    r.meeting.date = "2025-02-30";
    r.meeting.time = "25:00";
    r.signsOfSafety.safetyScale[1].score = 11;
    r.signsOfSafety.safetyScale[2].score = 2.5;
    const e = issues("strategy-discussion", r);
    expect(e["meeting.date"]).toMatch(/YYYY-MM-DD/);
    expect(e["meeting.time"]).toMatch(/HH:mm/);
    expect(e["signsOfSafety.safetyScale.1.score"]).toBe("Give a whole number from 0 to 10.");
    expect(e["signsOfSafety.safetyScale.2.score"]).toBe("Give a whole number from 0 to 10.");
  });

  it("requires a reason when information is withheld, and who was told when it is shared", () => {
    const withheld = clone(strategyRecordFixture) as any;
    withheld.informationForFamily = { decision: "withheld" };
    expect(issues("strategy-discussion", withheld)["informationForFamily.reason"]).toMatch(/why information is being withheld/);

    const shared = clone(strategyRecordFixture) as any;
    shared.informationForFamily = { decision: "shared", what: "The worries", sharedBy: "Amira Khan", when: "2025-03-12" };
    expect(issues("strategy-discussion", shared)["informationForFamily.sharedWith"]).toBe("Say who was given the information.");
  });

  it("asks for medical detail when a medical is needed", () => {
    const r = clone(strategyRecordFixture) as any;
    r.decision.medical = { needed: true };
    expect(issues("strategy-discussion", r)["decision.medical.detail"]).toMatch(/what medical assessment/);
    r.decision.medical = { needed: false };
    expect(issues("strategy-discussion", r)).toEqual({});
  });

  it("flags next steps that contradict the section 47 decision", () => {
    const nfa = clone(strategyRecordFixture) as any;
    nfa.nextStep.kind = "no-further-action";
    expect(issues("strategy-discussion", nfa)["nextStep.kind"]).toMatch(/cannot be no further action/);

    const icpcWithoutS47 = clone(strategyRecordFixture) as any;
    icpcWithoutS47.decision.s47 = "no";
    delete icpcWithoutS47.decision.investigation;
    expect(issues("strategy-discussion", icpcWithoutS47)["nextStep.kind"]).toMatch(/follows section 47 enquiries/);

    const childInNeed = clone(icpcWithoutS47);
    childInNeed.nextStep.kind = "child-in-need";
    expect(issues("strategy-discussion", childInNeed)).toEqual({});
  });

  it("asks who leads enquiries when they start, and what is needed when the decision waits", () => {
    const r = clone(strategyRecordFixture) as any;
    delete r.decision.investigation;
    expect(issues("strategy-discussion", r)["decision.investigation"]).toMatch(/single agency or joint/);

    const notYet = clone(strategyRecordFixture) as any;
    notYet.decision.s47 = "not-yet-more-information-needed";
    notYet.nextStep.kind = "another-strategy-discussion";
    expect(issues("strategy-discussion", notYet)["decision.furtherInformation"]).toMatch(/more information is needed/);
  });

  it("shows cross-field messages together with ordinary ones, so the user sees everything at once", () => {
    const r = clone(strategyRecordFixture) as any;
    r.chair = "";
    r.informationForFamily = { decision: "withheld" };
    r.nextStep.kind = "no-further-action";
    const e = issues("strategy-discussion", r);
    expect(Object.keys(e).sort()).toEqual(["chair", "informationForFamily.reason", "nextStep.kind"]);
  });

  it("asks how absent agencies contributed, and catches action dates before the meeting", () => {
    const r = clone(strategyRecordFixture) as any;
    delete r.absentContributions;
    r.actions[1].byWhen = "2024-03-11";
    const e = issues("strategy-discussion", r);
    expect(e["absentContributions"]).toMatch(/sent apologies/);
    expect(e["actions.1.byWhen"]).toMatch(/before the discussion/);
  });

  it("rejects two scores from the same agency", () => {
    const r = clone(strategyRecordFixture) as any;
    r.signsOfSafety.safetyScale.push({ agency: "health", score: 5 });
    expect(issues("strategy-discussion", r)["signsOfSafety.safetyScale.3.agency"]).toMatch(/already has a score/);
  });
});

describe("ICPC record", () => {
  const base = {
    plan: true,
    category: "physical",
    decisionReason: "All agencies agreed the child is likely to suffer significant harm.",
    leadSocialWorker: "Amira Khan",
    coreGroupMembers: ["Amira Khan, social worker", "Mother"],
    actions: [{ who: "Health visitor", what: "Weekly visits", byWhen: "2025-04-30" }],
    reviewDate: "2025-06-20",
    chair: "Pat Lowe",
    chairIndependent: true,
    leadStatutoryBody: "Northshire children's services",
    firstCoreGroupDate: "2025-03-20",
  };

  it("accepts a plan with its details", () => {
    expect(issues("icpc", base)).toEqual({});
  });

  it("requires category, lead social worker and statutory body, core group and its first date, actions and review date with a plan", () => {
    const e = issues("icpc", { plan: true, decisionReason: "Agreed.", chair: "Pat Lowe", chairIndependent: true });
    expect(e).toEqual({
      category: "The child has a plan: choose its category.",
      leadSocialWorker: "The child has a plan: name the lead social worker.",
      leadStatutoryBody: "The child has a plan: name the lead statutory body.",
      firstCoreGroupDate: "The child has a plan: give the date of the first core group (within 10 working days).",
      reviewDate: "The child has a plan: give the date of the review conference.",
      coreGroupMembers: "The child has a plan: list the core group members.",
      actions: "The child has a plan: agree at least one outline plan action, with who and by when.",
    });
  });

  it("asks nothing more without a plan", () => {
    expect(issues("icpc", { plan: false, decisionReason: "Support as a child in need.", chair: "Pat Lowe", chairIndependent: true })).toEqual({});
  });

  it("needs the chair to confirm independence from the case's line management", () => {
    expect(issues("icpc", { ...base, chairIndependent: false }).chairIndependent).toMatch(/team manager or social worker cannot chair/);
    expect(issues("icpc", { ...base, chairIndependent: undefined }).chairIndependent).toMatch(/independent/);
  });

  it("takes each plan category the census counts", () => {
    for (const category of ["neglect", "physical", "sexual", "emotional", "multiple"]) expect(issues("icpc", { ...base, category })).toEqual({});
    expect(issues("icpc", { ...base, category: "other" }).category).toBe("Choose the category of the child protection plan.");
  });

  it("keeps the child's voice and the written views of those absent, and asks where a disagreement went", () => {
    const voiced = { ...base, childsVoice: "I want to stay at my school.", absentViews: "GP (written): no new concerns." };
    expect(issues("icpc", voiced)).toEqual({});
    expect(issues("icpc", { ...voiced, dissent: "Police disagreed with the category." }).escalation).toMatch(/escalated/);
    expect(issues("icpc", { ...voiced, dissent: "Police disagreed.", escalation: "To the service manager on 21 March; category stands." })).toEqual({});
  });

  it("does not read a missing plan answer as no", () => {
    expect(issues("icpc", { decisionReason: "x", chair: "y" })["plan"]).toBe("Say whether the child will have a child protection plan.");
  });
});

describe("core group record", () => {
  it("records progress, new actions and absent views", () => {
    const e = issues("core-group", {
      changes: [{ what: "No smoking near the baby", howMuch: "Never, at any time", byWhen: "2025-05-01" }],
      inDepthAssessmentBy: "Amira Khan, social worker",
      childsVoice: "I like it when Dad picks me up.",
      progress: [{ action: "Weekly visits", progress: "Four of four done", status: "on-track" }],
      newActions: [{ who: "School", what: "Daily check-in", byWhen: "2025-05-01" }],
      absentViews: [{ name: "GP", view: "No new concerns" }],
    });
    expect(e).toEqual({});
  });

  it("asks what must change, by how much and by when, and who completes the in-depth assessment", () => {
    const e = issues("core-group", {});
    expect(e.changes).toMatch(/at least one thing that must change/);
    expect(e.inDepthAssessmentBy).toBe("Say who completes the in-depth assessment.");
    const part = issues("core-group", { changes: [{ what: "Safe sleep" }], inDepthAssessmentBy: "SW" });
    expect(part["changes.0.howMuch"]).toMatch(/by how much/);
    expect(part["changes.0.byWhen"]).toMatch(/date it must change by/);
  });

  it("asks where a disagreement went", () => {
    const ok = { changes: [{ what: "a", howMuch: "b", byWhen: "2025-05-01" }], inDepthAssessmentBy: "SW", dissent: "Mother disagreed." };
    expect(issues("core-group", ok).escalation).toMatch(/escalated/);
  });

  it("names the row and field of a bad status", () => {
    expect(issues("core-group", { changes: [{ what: "a", howMuch: "b", byWhen: "2025-05-01" }], inDepthAssessmentBy: "SW", progress: [{ action: "a", progress: "b", status: "fine" }] })["progress.0.status"]).toBe(
      "Choose where this action stands.",
    );
  });
});

describe("review conference record", () => {
  it("requires the next review date while the plan continues", () => {
    const children = { childrenConsidered: ["A.B. (7): plan continues"], allChildrenConsidered: true };
    expect(issues("review-conference", { outcome: "continues", reason: "Still worried.", chair: "Pat Lowe", ...children })).toEqual({
      nextReviewDate: "The plan continues: give the date of the next review.",
    });
    expect(issues("review-conference", { outcome: "ends", reason: "Safe now.", chair: "Pat Lowe", ...children })).toEqual({});
  });

  it("considers every child in the household", () => {
    const e = issues("review-conference", { outcome: "ends", reason: "Safe now.", chair: "Pat Lowe" });
    expect(e.childrenConsidered).toBe("List every child in the household and what was decided for each.");
    expect(e.allChildrenConsidered).toBe("Confirm that every child in the household was considered.");
    expect(issues("review-conference", { outcome: "ends", reason: "Safe.", chair: "P", childrenConsidered: ["A (7)", "B (3)"], allChildrenConsidered: false }).allChildrenConsidered).toMatch(/every child/);
  });
});

describe("transfer-in conference record", () => {
  it("reuses the plan rules", () => {
    expect(issues("transfer-in-conference", { plan: true, decisionReason: "Continue.", chair: "Pat Lowe" })).toEqual({
      category: "The child has a plan: choose its category.",
      leadSocialWorker: "The child has a plan: name the lead social worker.",
      nextReviewDate: "The child has a plan: give the date of the review conference.",
    });
  });
});

it("has a schema for every meeting kind", () => {
  for (const kind of MEETING_KINDS) expect(recordSchemaFor(kind)).toBeDefined();
});
