import {
  FORM_ERROR_KEY,
  formFor,
  parseRecordForm,
  recordToFormValues,
  type FormValues,
} from "../../../../src/domain/decision-record/record-form";
import { recordSchemaFor } from "../../../../src/domain/decision-record/decision-record.schema";
import { MEETING_KINDS } from "../../../../src/domain/meeting/meeting-kind";
import { strategyFormValuesFixture, strategyRecordFixture } from "../../../fixtures/strategy-record.fixture";

function parseOk<K extends Parameters<typeof parseRecordForm>[0]>(kind: K, values: FormValues, prefill?: Parameters<typeof parseRecordForm>[2]) {
  const r = parseRecordForm(kind, values, prefill);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.record;
}

describe("formFor", () => {
  it("keeps the strategy form within a Slack modal (at most 70 inputs, so with section headings it stays under 100 blocks)", () => {
    const fields = formFor("strategy-discussion");
    // Each agency row now also asks whether consent was sought, and why not (the sharing log needs it).
    expect(fields.length).toBeLessThanOrEqual(70);
    expect(fields.length + new Set(fields.map((f) => f.section)).size).toBeLessThan(100);
  });

  it("gives every field a unique flat id, a label, a section and a sensible max length", () => {
    for (const kind of MEETING_KINDS) {
      const fields = formFor(kind);
      expect(new Set(fields.map((f) => f.id)).size).toBe(fields.length);
      for (const f of fields) {
        expect(f.id).toMatch(/^[A-Za-z]+(\.[A-Za-z0-9]+)*$/);
        expect(f.label.length).toBeGreaterThan(0);
        expect(f.section.length).toBeGreaterThan(0);
        expect(f.maxLength).toBeGreaterThan(0);
        expect(f.maxLength).toBeLessThanOrEqual(3000);
        if (f.type === "choice") expect(f.choices?.length).toBeGreaterThan(1);
      }
    }
  });

  it("expands list rows with row ids and labels", () => {
    const fields = formFor("strategy-discussion");
    const who = fields.filter((f) => f.repeat?.group === "actions" && f.id.endsWith(".who"));
    expect(who.map((f) => f.id)).toEqual(["actions.0.who", "actions.1.who", "actions.2.who"]);
    expect(who[1]).toMatchObject({ label: "Action 2: who", repeat: { index: 1, count: 3, rowLabel: "Action 2", fieldLabel: "Who" } });
    const scale = fields.filter((f) => f.id.startsWith("signsOfSafety.safetyScale.") && f.id.endsWith(".agency"));
    expect(scale.map((f) => f.defaultValue)).toEqual(["Children's social care", "Health", "Police", undefined]);
  });

  it("shows every existing row when amending a longer list", () => {
    const fields = formFor("strategy-discussion", { "actions.4.who": "Police" });
    expect(fields.some((f) => f.id === "actions.4.who")).toBe(true);
  });
});

describe("parseRecordForm and recordToFormValues", () => {
  it("parses the fixture's flat values into the fixture record", () => {
    expect(parseOk("strategy-discussion", strategyFormValuesFixture)).toEqual(strategyRecordFixture);
  });

  it("round-trips: values → record → values → record", () => {
    const record = parseOk("strategy-discussion", strategyFormValuesFixture);
    const values = recordToFormValues("strategy-discussion", record);
    expect(values).toEqual(strategyFormValuesFixture);
    expect(parseOk("strategy-discussion", values)).toEqual(record);
  });

  it("only uses ids that the form declares", () => {
    const ids = new Set(formFor("strategy-discussion").map((f) => f.id));
    for (const key of Object.keys(recordToFormValues("strategy-discussion", strategyRecordFixture))) expect(ids).toContain(key);
  });

  it("drops blank list rows, including rows left at their defaults, and keeps row order", () => {
    const values: FormValues = {
      ...strategyFormValuesFixture,
      "actions.0.who": "",
      "actions.0.what": "  ",
      "actions.0.byWhen": undefined,
      "actions.1.who": "Health",
      "actions.2.who": "Police",
      "actions.2.what": "Check records",
      "actions.2.byWhen": "2025-03-12",
      "signsOfSafety.safetyScale.2.score": "",
      "signsOfSafety.safetyScale.3.agency": "",
    };
    const record = parseOk("strategy-discussion", values);
    expect(record.actions.map((a) => a.who)).toEqual(["Health", "Police"]);
    expect(record.signsOfSafety.safetyScale.map((s) => s.agency)).toEqual(["Children's social care", "Health"]);
  });

  it("maps errors back to the box in the form row the user typed in", () => {
    const values: FormValues = {
      ...strategyFormValuesFixture,
      "actions.0.who": "",
      "actions.0.what": "",
      "actions.0.byWhen": "",
      "actions.1.who": "",
      "actions.2.who": "Police",
      "actions.2.byWhen": "12/03/2025",
      "signsOfSafety.safetyScale.1.score": "eleven",
    };
    const r = parseRecordForm("strategy-discussion", values);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      "actions.1.who": "Say who will do this.",
      "actions.2.what": "Say what will be done.",
      "actions.2.byWhen": "Enter the date it will be done by as YYYY-MM-DD, for example 2025-03-14.",
      "signsOfSafety.safetyScale.1.score": "Give a whole number from 0 to 10.",
    });
  });

  it("reports required fields of an empty form against their own boxes", () => {
    const r = parseRecordForm("strategy-discussion", {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const ids = new Set(formFor("strategy-discussion").map((f) => f.id));
    for (const id of Object.keys(r.errors)) expect(ids.has(id) || id === FORM_ERROR_KEY).toBe(true);
    expect(r.errors["meeting.date"]).toMatch(/YYYY-MM-DD/);
    expect(r.errors["informationForFamily.decision"]).toMatch(/shared with the child and family, or withheld/);
    expect(r.errors["decision.medical.needed"]).toBe("Say whether a medical assessment is needed.");
    expect(r.errors["signsOfSafety.safetyScale.0.agency"]).toMatch(/at least one agency/);
    expect(r.errors[FORM_ERROR_KEY]).toBeUndefined();
  });

  it("points a bad attendee line at the attendees box with its line number", () => {
    const r = parseRecordForm("strategy-discussion", {
      ...strategyFormValuesFixture,
      attendees: "Amira Khan, Team manager, Children's social care\n\nJo Bloggs",
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors["attendees"]).toBe("Line 3: Give each person's role.");
  });

  it("ignores the shared-information boxes when information is withheld", () => {
    const record = parseOk("strategy-discussion", {
      ...strategyFormValuesFixture,
      "informationForFamily.what": "left over from an earlier choice",
    });
    expect(record.informationForFamily).toEqual(strategyRecordFixture.informationForFamily);
  });

  describe("attendees", () => {
    const roster = [
      { name: "Amira Khan", role: "Team manager", agency: "Children's social care", seniorityConfirmed: true },
      { name: "DS Tom Reed", role: "Detective sergeant", agency: "Police", seniorityConfirmed: false },
    ];

    it("takes attendees from the roster when the app passes them", () => {
      const record = parseOk("strategy-discussion", { ...strategyFormValuesFixture, attendees: "" }, { attendees: roster });
      expect(record.attendees).toEqual(roster);
    });

    it("adds typed attendees the roster does not know, without duplicating roster names", () => {
      const record = parseOk(
        "strategy-discussion",
        { ...strategyFormValuesFixture, attendees: "amira khan, x, y\nDr Helen Ode, Named doctor, Health", attendeesSenior: "true" },
        { attendees: roster },
      );
      expect(record.attendees.map((a) => a.name)).toEqual(["Amira Khan", "DS Tom Reed", "Dr Helen Ode"]);
      expect(record.attendees[1]!.seniorityConfirmed).toBe(false);
    });

    it("keeps per-person seniority through a round trip when it is mixed", () => {
      const mixed = { ...strategyRecordFixture, attendees: roster };
      const values = recordToFormValues("strategy-discussion", mixed);
      expect(values["attendeesSenior"]).toBe("false");
      expect(values["attendees"]).toBe("Amira Khan, Team manager, Children's social care, senior\nDS Tom Reed, Detective sergeant, Police");
      expect(parseOk("strategy-discussion", values).attendees).toEqual(roster);
    });

    it("lets a line say someone was not senior enough", () => {
      const record = parseOk("strategy-discussion", {
        ...strategyFormValuesFixture,
        attendees: "Sam Lee, Student social worker, Children's social care, not senior",
        attendeesSenior: "true",
      });
      expect(record.attendees).toEqual([
        { name: "Sam Lee", role: "Student social worker", agency: "Children's social care", seniorityConfirmed: false },
      ]);
    });
  });

  describe("other kinds", () => {
    it("round-trips an ICPC record with core group lines and plan actions", () => {
      const values: FormValues = {
        plan: "yes",
        category: "neglect",
        decisionReason: "All agencies agreed.",
        leadSocialWorker: "Amira Khan",
        coreGroupMembers: "Amira Khan, social worker\nMother",
        "actions.0.who": "Health visitor",
        "actions.0.what": "Weekly visits",
        "actions.0.byWhen": "2025-04-30",
        reviewDate: "2025-06-20",
        chair: "Pat Lowe",
        chairIndependent: "true",
        leadStatutoryBody: "Northshire children's services",
        firstCoreGroupDate: "2025-03-20",
      };
      const record = parseOk("icpc", values);
      expect(record).toMatchObject({ plan: true, coreGroupMembers: ["Amira Khan, social worker", "Mother"] });
      expect(recordToFormValues("icpc", record)).toEqual(values);
    });

    it("points an ICPC with a plan but no actions at the first action row", () => {
      const r = parseRecordForm("icpc", { plan: "yes", category: "neglect", decisionReason: "x", leadSocialWorker: "y", coreGroupMembers: "z", reviewDate: "2025-06-20", chair: "c", chairIndependent: "true", leadStatutoryBody: "LA", firstCoreGroupDate: "2025-03-20" });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors).toEqual({ "actions.0.who": expect.stringMatching(/at least one outline plan action/) });
    });

    it("round-trips core group, review and transfer-in records", () => {
      const cases: [Parameters<typeof parseRecordForm>[0], FormValues][] = [
        [
          "core-group",
          {
            "changes.0.what": "No smoking near the baby",
            "changes.0.howMuch": "Never, at any time",
            "changes.0.byWhen": "2025-05-01",
            inDepthAssessmentBy: "Amira Khan",
            "progress.0.action": "Weekly visits",
            "progress.0.progress": "All done",
            "progress.0.status": "on-track",
            "newActions.0.who": "School",
            "newActions.0.what": "Daily check-in",
            "newActions.0.byWhen": "2025-05-01",
            "absentViews.0.name": "GP",
            "absentViews.0.view": "No new concerns",
          },
        ],
        ["review-conference", { childrenConsidered: "A.B. (7): plan continues\nC.B. (3): no plan needed", allChildrenConsidered: "true", outcome: "continues", reason: "Still worried.", nextReviewDate: "2025-12-01", chair: "Pat Lowe", reviewBeforeEighteen: "false", dissent: "Father disagreed.", escalation: "To the service manager; outcome stands." }],
        ["transfer-in-conference", { plan: "no", decisionReason: "Safe with support.", childsVoice: "I like my new school.", chair: "Pat Lowe" }],
      ];
      for (const [kind, values] of cases) {
        const record = parseOk(kind, values);
        expect(recordSchemaFor(kind).parse(record)).toEqual(record);
        expect(recordToFormValues(kind, record as never)).toEqual(values);
      }
    });

    it("asks a core group for what must change, on its first row, and who completes the assessment", () => {
      const r = parseRecordForm("core-group", {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["changes.0.what", "inDepthAssessmentBy"]);
    });
  });
});
