import type { ModalView } from "@slack/types";
import { ActionId } from "../../../../src/app/conversation/action-id";
import { WHOLE_FORM, type FormDescriptor, type FormView } from "../../../../src/app/conversation/form-descriptor";
import { ConveneField, conveneForm } from "../../../../src/app/conversation/forms/convene.form";
import { DELEGATE_FIELD, delegateForm } from "../../../../src/app/conversation/forms/delegate.form";
import { heldForm } from "../../../../src/app/conversation/forms/held.form";
import { declineForm, REASON_FIELD, waiveForm } from "../../../../src/app/conversation/forms/reason.forms";
import { AMENDMENT_REASON_FIELD, recordForm } from "../../../../src/app/conversation/forms/record.form";
import { formModal, formModalErrors, messageModal, readFormModalMetadata } from "../../../../src/cards/slack/form.blocks";
import { modalProblems } from "../../../../src/cards/slack/block-kit-limits";
import { flattenState, readState } from "../../../../src/cards/slack/view-state";
import { formFor } from "../../../../src/domain/decision-record/record-form";
import { MEETING_KINDS } from "../../../../src/domain/meeting/meeting-kind";
import { HOSTILE, actionIds, rosterRow as rosterRowOf, rosterView } from "./slack-view-fixtures";

const CHANNEL = "C0CASE";
const modal = (descriptor: FormDescriptor, extra: Partial<FormView> = {}): ModalView => formModal({ descriptor, values: {}, errors: {}, ...extra }, CHANNEL);
const inputBlocks = (view: ModalView) => view.blocks.filter((b) => b.type === "input") as Array<{ block_id: string; element: { action_id: string; max_length?: number; initial_value?: string } }>;

describe("formModal with the convene form", () => {
  it.each(MEETING_KINDS)("fits every modal limit for %s", (kind) => {
    const view = modal(conveneForm("CS-2026-0142", kind));
    expect(modalProblems(view)).toEqual([]);
    const ids = actionIds(view.blocks);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("marks the statutory roles required for a strategy discussion, and uses London time", () => {
    const view = modal(conveneForm("CS-2026-0142", "strategy-discussion"));
    const json = JSON.stringify(view.blocks);
    expect(json).toContain("Police (required)");
    expect(json).toContain("Health (required)");
    expect(json).toContain("Referrer (optional)");
    expect(json).toContain('"timezone":"Europe/London"');
    expect(view.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining([ConveneField.person("police"), ConveneField.contact("police")]));
    expect(ConveneField.person("police")).toBe("person_police");
    expect(ConveneField.contact("police")).toBe("contact_police");
    expect(view.callback_id).toBe(ActionId.SubmitConvene);
    expect(JSON.parse(view.private_metadata!)).toEqual({ caseRef: "CS-2026-0142", kind: "strategy-discussion", channelId: CHANNEL });
  });

  it("escapes the case reference it shows", () => {
    expect(JSON.stringify(modal(conveneForm(HOSTILE, "icpc")).blocks)).not.toContain("<!channel>");
  });
});

describe("formModal with the decision record form", () => {
  it.each(MEETING_KINDS)("renders every field of formFor(%s) within modal limits", (kind) => {
    const view = modal(recordForm({ meetingId: "m-1", caseReference: "CS-2026-0142", kind, amend: false }));
    expect(modalProblems(view)).toEqual([]);
    const inputIds = view.blocks.filter((b) => b.type === "input").map((b) => b.block_id);
    expect(inputIds).toEqual(formFor(kind).map((f) => f.id));
    expect(view.callback_id).toBe(ActionId.SubmitRecord);
    expect(JSON.parse(view.private_metadata!)).toEqual({ meetingId: "m-1", channelId: CHANNEL });
  });

  it("asks for an amendment reason when amending, and pre-fills defaults", () => {
    const view = modal(recordForm({ meetingId: "m-1", caseReference: "CS-2026-0142", kind: "strategy-discussion", amend: true }));
    expect(view.blocks.some((b) => b.block_id === AMENDMENT_REASON_FIELD)).toBe(true);
    expect(AMENDMENT_REASON_FIELD).toBe("amendmentReason");
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"Police"');
    expect(modalProblems(view)).toEqual([]);
  });
});

describe("small modals", () => {
  it("decline, override and message modals fit the limits and escape", () => {
    for (const view of [
      modal(declineForm("inv-1", HOSTILE)),
      modal(heldForm(rosterView(12, { caseReference: HOSTILE }))),
      messageModal("Not convened because the channel is not linked", HOSTILE),
    ]) {
      expect(modalProblems(view)).toEqual([]);
      expect(JSON.stringify(view.blocks)).not.toContain("<!channel>");
    }
  });

  it.each([
    ["decline", declineForm("inv-1", "Police"), ActionId.Decline, { invitationId: "inv-1" }, REASON_FIELD],
    ["waive", waiveForm("d-1", "Decision on a referral", "CS-2026-0142"), ActionId.WaiveDeadline, { deadlineId: "d-1" }, REASON_FIELD],
    ["delegate", delegateForm("inv-1", "Police"), ActionId.Delegate, { invitationId: "inv-1" }, DELEGATE_FIELD],
  ] as const)("the %s modal submits its action, reads its one box by field id and carries its target", (_name, descriptor, action, data, field) => {
    const view = modal(descriptor);
    expect(modalProblems(view)).toEqual([]);
    expect(view.callback_id).toBe(action);
    expect(JSON.parse(view.private_metadata!)).toEqual({ ...data, channelId: CHANNEL });
    expect(inputBlocks(view).map((b) => [b.block_id, b.element.action_id])).toEqual([[field, field]]);
    expect(REASON_FIELD).toBe("reason");
  });
});

describe("form modal values, errors and metadata", () => {
  it("keeps values a form is shown again with", () => {
    const view = modal(declineForm("inv-1", "Police"), { values: { [REASON_FIELD]: "On leave" } });
    expect(inputBlocks(view)[0]!.element.initial_value).toBe("On leave");
  });

  it("keys errors by the field's block, putting whole-form and unknown errors on the first box", () => {
    const form: FormView = { descriptor: conveneForm("CS-2026-0142", "strategy-discussion"), values: {}, errors: { [ConveneField.contact("police")]: "Not both.", [WHOLE_FORM]: "The channel is not linked." } };
    expect(formModalErrors(form)).toEqual({ [ConveneField.contact("police")]: "Not both.", [ConveneField.concern]: "The channel is not linked." });
    expect(formModalErrors({ ...form, errors: { "invitees.9.person": "Who?" } })).toEqual({ [ConveneField.concern]: "Who?" });
    expect(formModalErrors({ ...form, errors: { [ConveneField.concern]: "x".repeat(2000) } })[ConveneField.concern]).toHaveLength(1000);
  });

  it("reads its own metadata back, and refuses anything else", () => {
    const view = modal(conveneForm("CS-2026-0142", "core-group"));
    expect(readFormModalMetadata(view.private_metadata)).toEqual({ caseRef: "CS-2026-0142", kind: "core-group", channelId: CHANNEL });
    expect(readFormModalMetadata(undefined)).toBeNull();
    expect(readFormModalMetadata("not json")).toBeNull();
    expect(readFormModalMetadata("[]")).toBeNull();
    expect(readFormModalMetadata(JSON.stringify({ caseRef: "CS-1" }))).toBeNull();
    expect(readFormModalMetadata(JSON.stringify({ channelId: "C1", n: 1 }))).toEqual({ channelId: "C1" });
  });
});

describe("view state", () => {
  it("reads every element type as the flat strings forms take", () => {
    const state = {
      a: { a: { type: "plain_text_input", value: "text" } },
      b: { b: { type: "datepicker", selected_date: "2026-11-24" } },
      c: { c: { type: "timepicker", selected_time: "10:00" } },
      d: { d: { type: "users_select", selected_user: "U1" } },
      e: { e: { type: "static_select", selected_option: { value: "yes" } } },
      f: { f: { type: "checkboxes", selected_options: [{ value: "true" }] } },
      g: { g: { type: "checkboxes", selected_options: [] } },
      h: { h: { type: "number_input", value: "4" } },
      i: { i: { type: "plain_text_input", value: "" } },
    };
    expect(flattenState(state)).toEqual({ a: "text", b: "2026-11-24", c: "10:00", d: "U1", e: "yes", f: "true", g: "false", h: "4", i: undefined });
    expect(readState(state, "missing")).toBeUndefined();
  });
});

describe("the held form", () => {
  it("asks, row by row, who took part, defaulting accepted rows to 'Took part', and then why it went ahead without the minimum", () => {
    const roster = rosterView(3, { rows: [0, 1, 2].map((i) => ({ ...rosterRowOf(i), response: i === 0 ? ("accepted" as const) : ("invited" as const) })) });
    const view = formModal({ descriptor: heldForm(roster), values: {}, errors: {} }, "C0CASE");
    expect(modalProblems(view)).toEqual([]);
    expect(view.callback_id).toBe(ActionId.MarkHeld);
    expect(JSON.parse(view.private_metadata!)).toMatchObject({ meetingId: roster.meetingId, step: "attendance" });
    const selects = view.blocks.filter((b) => (b as { element?: { type: string } }).element?.type === "static_select") as Array<{ block_id: string; element: { initial_option?: { value: string } } }>;
    expect(selects.map((b) => [b.block_id, b.element.initial_option?.value])).toEqual([["attendance_inv-0", "attended"], ["attendance_inv-1", "absent"], ["attendance_inv-2", "absent"]]);
    expect(JSON.stringify(view.blocks)).toContain("Sent apologies (with a written contribution)");
    expect(view.blocks.some((b) => b.block_id === REASON_FIELD)).toBe(true);
  });
});
