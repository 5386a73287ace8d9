import { AMENDMENT_REASON_ID, renderDecisionFormCard } from "../../../src/cards/decision-form.card";
import { formFor } from "../../../src/domain/decision-record/record-form";
import type { CardElement } from "../../../src/cards/adaptive-card";

const inputs = (body: CardElement[]) => body.filter((e) => typeof e.type === "string" && (e.type as string).startsWith("Input."));

describe("renderDecisionFormCard", () => {
  const fields = formFor("strategy-discussion");
  const card = renderDecisionFormCard({ meetingId: "m1", caseReference: "CS-1", kindTitle: "Strategy discussion", fields, errors: { "decision.s47": "Choose one." }, values: { "decision.s47": "yes" } });

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

  it("asks why when amending", () => {
    const amend = renderDecisionFormCard({ meetingId: "m1", caseReference: "CS-1", kindTitle: "Strategy discussion", fields, amendment: true });
    expect(inputs(amend.body)[0]!.id).toBe(AMENDMENT_REASON_ID);
    expect(JSON.stringify(amend.actions)).toContain("Save amendment");
  });
});
