import { ActionId } from "../../../src/app/conversation/action-id";
import type { FormView } from "../../../src/app/conversation/form-descriptor";
import { conveneForm } from "../../../src/app/conversation/forms/convene.form";
import { AMENDMENT_REASON_FIELD, recordForm } from "../../../src/app/conversation/forms/record.form";
import type { CardElement } from "../../../src/cards/adaptive-card";
import { renderFormCard } from "../../../src/cards/form.card";
import { formFor } from "../../../src/domain/decision-record/record-form";
import type { MeetingKind } from "../../../src/domain/meeting/meeting-kind";

const inputs = (body: CardElement[]) => body.filter((e) => typeof e.type === "string" && (e.type as string).startsWith("Input."));

describe("renderFormCard with the convene form", () => {
  const members = [{ id: "aad-1", name: "Sam Okafor" }, { id: "aad-2", name: "DC Priya Shah" }];
  const convene = (kind: MeetingKind, extra: Partial<FormView> = {}): FormView => ({ descriptor: conveneForm("CS-1", kind), values: {}, errors: {}, ...extra });

  it("asks for concern, urgency, date, time, mode and one invitee per role", () => {
    const text = JSON.stringify(renderFormCard(convene("strategy-discussion"), { members, peoplePicker: false }));
    for (const id of ["concern", "urgency", "date", "time", "mode", "person_social-worker", "person_health", "person_police", "contact_police", "person_school", "agency_other"]) expect(text).toContain(`"id":"${id}"`);
    expect(text).toContain("Police (required)");
    expect(text).toContain("School or nursery (optional)");
    expect(text).toContain('"title":"DC Priya Shah","value":"aad-2"');
    expect(text).toContain(ActionId.SubmitConvene);
    expect(text).not.toContain("choices.data");
  });

  it("requires only the social worker outside strategy discussions", () => {
    const text = JSON.stringify(renderFormCard(convene("core-group"), { members, peoplePicker: false }));
    expect(text).toContain("Social worker (required)");
    expect(text).toContain("Police (optional)");
  });

  it("can offer Teams' people search (Adaptive Cards 1.6 hosts)", () => {
    expect(JSON.stringify(renderFormCard(convene("strategy-discussion"), { members, peoplePicker: true }))).toContain('"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users"}');
  });

  it("shows errors beside fields and keeps values", () => {
    const card = renderFormCard(convene("strategy-discussion", { values: { concern: "x" }, errors: { concern: "Say more." } }), { members, peoplePicker: false });
    const i = card.body.findIndex((e) => e.id === "concern");
    expect(card.body[i]!.value).toBe("x");
    expect(card.body[i + 1]!.text).toBe("Say more.");
  });
});

describe("renderFormCard with the decision record form", () => {
  const fields = formFor("strategy-discussion");
  const record = (amend: boolean, extra: Partial<FormView> = {}): FormView => ({ descriptor: recordForm({ meetingId: "m1", caseReference: "CS-1", kind: "strategy-discussion", amend }), values: {}, errors: {}, ...extra });
  const card = renderFormCard(record(false, { errors: { "decision.s47": "Choose one." }, values: { "decision.s47": "yes" } }));

  it("renders one input per descriptor field, with the matching input type", () => {
    const els = inputs(card.body);
    expect(els.map((e) => e.id)).toEqual(fields.map((f) => f.id));
    const typeOf = (id: string) => els.find((e) => e.id === id)!.type;
    expect(typeOf("meeting.date")).toBe("Input.Date");
    expect(typeOf("meeting.time")).toBe("Input.Time");
    expect(typeOf("decision.s47")).toBe("Input.ChoiceSet");
    expect(typeOf("attendeesSenior")).toBe("Input.Toggle");
    expect(typeOf("signsOfSafety.safetyScale.0.score")).toBe("Input.Number");
    expect(els.find((e) => e.id === "child.voice")!.isMultiline).toBe(true);
  });

  it("puts an error right after its field and keeps the value", () => {
    const i = card.body.findIndex((e) => e.id === "decision.s47");
    const after = card.body.slice(i + 1, i + 3).map((e) => e.text);
    expect(after).toContain("Choose one.");
    expect(card.body[i]!.value).toBe("yes");
  });

  it("heads list rows by row", () => {
    expect(JSON.stringify(card.body)).toContain('"text":"Action 1"');
  });

  it("submits the record for its meeting", () => {
    expect(card.actions).toEqual([expect.objectContaining({ type: "Action.Execute", verb: ActionId.SubmitRecord, data: { meetingId: "m1" } })]);
  });

  it("asks why when amending", () => {
    const amend = renderFormCard(record(true));
    expect(inputs(amend.body)[0]!.id).toBe(AMENDMENT_REASON_FIELD);
    expect(JSON.stringify(amend.actions)).toContain("Check the amendment");
  });
});

describe("renderFormCard with a scoped form", () => {
  it("scopes every input id, reads scoped values back and keeps errors by field id", () => {
    const form: FormView = { descriptor: conveneForm("CS-1", "core-group"), values: { concern_s1: "kept" }, errors: { concern: "Say more." }, scope: "s1" };
    const card = renderFormCard(form);
    const i = card.body.findIndex((e) => e.id === "concern_s1");
    expect(card.body[i]!.value).toBe("kept");
    expect(card.body[i + 1]!.text).toBe("Say more.");
    expect(inputs(card.body).every((e) => String(e.id).endsWith("_s1"))).toBe(true);
  });
});
