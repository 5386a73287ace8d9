import { conveneModal, CONVENE_BLOCK } from "../../../../src/cards/slack/convene-modal.blocks";
import { recordDecisionModal, AMENDMENT_REASON_BLOCK } from "../../../../src/cards/slack/record-decision-modal.blocks";
import { declineModal, messageModal, quorumOverrideModal } from "../../../../src/cards/slack/small-modals.blocks";
import { modalProblems } from "../../../../src/cards/slack/block-kit-limits";
import { flattenState, readState } from "../../../../src/cards/slack/view-state";
import { formFor } from "../../../../src/domain/decision-record/record-form";
import { MEETING_KINDS } from "../../../../src/domain/meeting/meeting-kind";
import { HOSTILE, actionIds } from "./slack-view-fixtures";

const meta = { channelId: "C0CASE", teamId: "T0CASE" };

describe("conveneModal", () => {
  it.each(MEETING_KINDS)("fits every modal limit for %s", (kind) => {
    const view = conveneModal({ ...meta, caseRef: "CS-2026-0142", kind }, "CS-2026-0142");
    expect(modalProblems(view)).toEqual([]);
    const ids = actionIds(view.blocks);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("marks the statutory roles required for a strategy discussion, and uses London time", () => {
    const view = conveneModal({ ...meta, caseRef: "CS-2026-0142", kind: "strategy-discussion" }, "CS-2026-0142");
    const json = JSON.stringify(view.blocks);
    expect(json).toContain("Police (required)");
    expect(json).toContain("Health (required)");
    expect(json).toContain("Referrer (optional)");
    expect(json).toContain('"timezone":"Europe/London"');
    expect(view.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining([CONVENE_BLOCK.person("police"), CONVENE_BLOCK.contact("police")]));
    expect(JSON.parse(view.private_metadata!)).toEqual({ ...meta, caseRef: "CS-2026-0142", kind: "strategy-discussion" });
  });

  it("escapes the case reference it shows", () => {
    expect(JSON.stringify(conveneModal({ ...meta, caseRef: "x", kind: "icpc" }, HOSTILE).blocks)).not.toContain("<!channel>");
  });
});

describe("recordDecisionModal", () => {
  it.each(MEETING_KINDS)("renders every field of formFor(%s) within modal limits", (kind) => {
    const view = recordDecisionModal(kind, { ...meta, meetingId: "m-1", amend: false }, "CS-2026-0142");
    expect(modalProblems(view)).toEqual([]);
    const inputIds = view.blocks.filter((b) => b.type === "input").map((b) => b.block_id);
    expect(inputIds).toEqual(formFor(kind).map((f) => f.id));
  });

  it("asks for an amendment reason when amending, and pre-fills defaults", () => {
    const view = recordDecisionModal("strategy-discussion", { ...meta, meetingId: "m-1", amend: true }, "CS-2026-0142");
    expect(view.blocks.some((b) => b.block_id === AMENDMENT_REASON_BLOCK)).toBe(true);
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"Police"');
    expect(modalProblems(view)).toEqual([]);
  });
});

describe("small modals", () => {
  it("decline, override and message modals fit the limits and escape", () => {
    for (const view of [
      declineModal({ ...meta, invitationId: "inv-1" }, HOSTILE),
      quorumOverrideModal({ ...meta, meetingId: "m-1" }, ["Police", "Health"], HOSTILE),
      messageModal("Not convened because the channel is not linked", HOSTILE),
    ]) {
      expect(modalProblems(view)).toEqual([]);
      expect(JSON.stringify(view.blocks)).not.toContain("<!channel>");
    }
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
