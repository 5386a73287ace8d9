import { readField, scopedFieldId } from "../../../../src/app/conversation/form-descriptor";
import { fieldValues, keptValues, overLongFields, toSubmittedValues } from "../../../../src/app/conversation/form-values";
import { CONCERN_MAX_LENGTH, ConveneField, conveneForm } from "../../../../src/app/conversation/forms/convene.form";
import { DECLINE_REASON_MAX_LENGTH, declineForm, REASON_FIELD } from "../../../../src/app/conversation/forms/reason.forms";

describe("overLongFields", () => {
  const decline = declineForm("inv-1", "Police");
  const convene = conveneForm("CS-1", "strategy-discussion");

  it("refuses text over a field's limit beside that field, giving the limit and the length", () => {
    const errors = overLongFields(decline, { [REASON_FIELD]: "x".repeat(DECLINE_REASON_MAX_LENGTH + 1) });
    expect(Object.keys(errors)).toEqual([REASON_FIELD]);
    expect(errors[REASON_FIELD]).toContain(String(DECLINE_REASON_MAX_LENGTH));
    expect(errors[REASON_FIELD]).toBe("Keep this to 500 characters: it has 501.");
  });

  it("writes large limits the way people read them", () => {
    const errors = overLongFields(convene, { [ConveneField.concern]: "c".repeat(CONCERN_MAX_LENGTH + 234) });
    expect(errors).toEqual({ [ConveneField.concern]: "Keep this to 1,000 characters: it has 1,234." });
  });

  it("accepts text up to the limit, and empty or missing fields", () => {
    expect(overLongFields(decline, { [REASON_FIELD]: "x".repeat(DECLINE_REASON_MAX_LENGTH) })).toEqual({});
    expect(overLongFields(decline, { [REASON_FIELD]: "" })).toEqual({});
    expect(overLongFields(decline, {})).toEqual({});
  });

  it("reports every over-long field of a form, and ignores pickers and choices", () => {
    const errors = overLongFields(convene, {
      [ConveneField.concern]: "c".repeat(1001),
      [ConveneField.contact("police")]: "p".repeat(121),
      [ConveneField.contact("health")]: "fine",
      [ConveneField.person("police")]: "U".repeat(500),
      [ConveneField.urgency]: "u".repeat(500),
    });
    expect(Object.keys(errors).sort()).toEqual([ConveneField.concern, ConveneField.contact("police")].sort());
    expect(errors[ConveneField.contact("police")]).toContain("120 characters");
  });

  it("reads the scoped box of an inline form, and still keys the error by the field id", () => {
    const long = "x".repeat(DECLINE_REASON_MAX_LENGTH + 1);
    expect(overLongFields(decline, { [scopedFieldId(REASON_FIELD, "inv-1")]: long }, "inv-1")).toEqual({ [REASON_FIELD]: expect.stringContaining("500") });
    // Another row's box on the same card is not this form's.
    expect(overLongFields(decline, { [scopedFieldId(REASON_FIELD, "inv-2")]: long }, "inv-1")).toEqual({});
    // Without the scoped box, the plain one (a modal) is read.
    expect(overLongFields(decline, { [REASON_FIELD]: long }, "inv-1")).toEqual({ [REASON_FIELD]: expect.stringContaining("500") });
  });
});

describe("readField", () => {
  it("reads the plain box without a scope", () => {
    expect(readField({ reason: "plain" }, "reason")).toBe("plain");
    expect(readField({ reason_m1: "scoped" }, "reason")).toBeUndefined();
  });

  it("prefers the scoped box, falling back to the plain one", () => {
    expect(readField({ reason_m1: "scoped", reason: "plain" }, "reason", "m1")).toBe("scoped");
    expect(readField({ reason: "plain" }, "reason", "m1")).toBe("plain");
    expect(readField({ reason_m2: "other row" }, "reason", "m1")).toBeUndefined();
  });

  it("tells a box left empty (\"\") from a form that did not carry it (undefined)", () => {
    expect(readField({ reason_m1: "" }, "reason", "m1")).toBe("");
    expect(readField({ reason_m1: "", reason: "plain" }, "reason", "m1")).toBe("");
    expect(readField({}, "reason", "m1")).toBeUndefined();
  });

  it("scopes ids as the cards do", () => {
    expect(scopedFieldId("reason", "m1")).toBe("reason_m1");
    expect(scopedFieldId("reason", undefined)).toBe("reason");
  });
});

describe("submitted values", () => {
  it("keeps strings, numbers and toggles as strings, and drops anything that is not an input", () => {
    expect(toSubmittedValues({ a: "x", n: 4, nan: Number.NaN, t: true, f: false, o: { x: 1 }, l: ["y"], u: undefined, z: null })).toEqual({ a: "x", n: "4", t: "true", f: "false" });
  });

  it("passes on only the form's own fields, so data riding along never reaches a record", () => {
    const decline = declineForm("inv-1", "Police");
    expect(fieldValues(decline, { [REASON_FIELD]: "On leave", invitationId: "inv-1", role: "police" })).toEqual({ [REASON_FIELD]: "On leave" });
    expect(keptValues(decline, { [REASON_FIELD]: "", invitationId: "inv-1" })).toEqual({});
    expect(keptValues(decline, { [REASON_FIELD]: "On leave" })).toEqual({ [REASON_FIELD]: "On leave" });
  });
});
