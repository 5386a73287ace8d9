import { renderConveneFormCard } from "../../../src/cards/convene-form.card";
import { CardVerb } from "../../../src/cards/card-verbs";

describe("renderConveneFormCard", () => {
  const members = [{ id: "aad-1", name: "Sam Okafor" }, { id: "aad-2", name: "DC Priya Shah" }];

  it("asks for concern, urgency, date, time, mode and one invitee per role", () => {
    const text = JSON.stringify(renderConveneFormCard({ caseReference: "CS-1", kind: "strategy-discussion", members, peoplePicker: false }));
    for (const id of ["concern", "urgency", "date", "time", "mode", "person_social-worker", "person_health", "person_police", "contact_police", "person_school", "agency_other"]) expect(text).toContain(`"id":"${id}"`);
    expect(text).toContain("Police (required)");
    expect(text).toContain("School or nursery (optional)");
    expect(text).toContain('"title":"DC Priya Shah","value":"aad-2"');
    expect(text).toContain(CardVerb.conveneSubmit);
    expect(text).not.toContain("choices.data");
  });

  it("requires only the social worker outside strategy discussions", () => {
    const text = JSON.stringify(renderConveneFormCard({ caseReference: "CS-1", kind: "core-group", members, peoplePicker: false }));
    expect(text).toContain("Social worker (required)");
    expect(text).toContain("Police (optional)");
  });

  it("can offer Teams' people search (Adaptive Cards 1.6 hosts)", () => {
    expect(JSON.stringify(renderConveneFormCard({ caseReference: "CS-1", kind: "strategy-discussion", members, peoplePicker: true }))).toContain('"choices.data":{"type":"Data.Query","dataset":"graph.microsoft.com/users"}');
  });

  it("shows errors beside fields and keeps values", () => {
    const card = renderConveneFormCard({ caseReference: "CS-1", kind: "strategy-discussion", members, peoplePicker: false, values: { concern: "x" }, errors: { concern: "Say more." } });
    const i = card.body.findIndex((e) => e.id === "concern");
    expect(card.body[i]!.value).toBe("x");
    expect(card.body[i + 1]!.text).toBe("Say more.");
  });
});
