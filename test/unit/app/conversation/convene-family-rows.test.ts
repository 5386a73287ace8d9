import { readConveneSubmission, type ConveneSubmissionContext } from "../../../../src/app/conversation/convene-submission";
import { conveneForm } from "../../../../src/app/conversation/forms/convene.form";
import type { MeetingKind } from "../../../../src/domain/meeting/meeting-kind";
import { actors, conversation } from "../../../helpers/app-actors";

// The convene form has rows for parents and family members, the child, an advocate and an
// interpreter on conferences only, and reads them as invitees that are no agency's.
const ids = (kind: MeetingKind) => conveneForm("CS-2026-0990", kind).fields.map((f) => f.id);
const ctx = (kind: MeetingKind): ConveneSubmissionContext => ({
  key: "k1", actor: actors.socialWorker, conversation, caseRef: "CS-2026-0990", kind,
  resolvePerson: async (userId) => ({ platform: "teams", tenant: "t1", userId, displayName: `Person ${userId}` }),
});

describe("convene form: family and support rows", () => {
  it("shows them for conferences only; parents, family and the child are described, never picked", () => {
    expect(ids("strategy-discussion").filter((id) => /parent|family|child|advocate|interpreter/.test(id))).toEqual([]);
    for (const kind of ["icpc", "review-conference", "core-group", "transfer-in-conference"] as const) {
      expect(ids(kind)).toEqual(expect.arrayContaining(["contact_parent", "contact_family-member", "contact_child", "person_advocate", "contact_advocate", "person_interpreter", "contact_interpreter"]));
      expect(ids(kind)).not.toEqual(expect.arrayContaining(["person_parent"]));
      expect(ids(kind)).not.toContain("person_child");
    }
    const form = conveneForm("CS-2026-0990", "icpc");
    const parent = form.fields.find((f) => f.id === "contact_parent")!;
    expect(parent).toMatchObject({ label: "Parent or carer (optional): who they are (no names)", section: "Family and support (not agency representatives)", required: false, placeholder: "e.g. Mother" });
    expect(form.fields.find((f) => f.id === "person_interpreter")!.label).toBe("Interpreter (optional)");
  });

  it("reads them as invitees of no agency, beside the agency rows", async () => {
    const read = await readConveneSubmission(
      { concern: "Conference", "person_social-worker": "aad-sw", contact_parent: "Mother", "contact_family-member": "Maternal grandmother", contact_child: "The child, for the first part", person_interpreter: "aad-int" },
      ctx("icpc"),
    );
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.cmd.invitees.map((i) => [i.role, i.agency, i.agencyContact, i.person?.userId ?? null])).toEqual([
      ["social-worker", "Children's social care", null, "aad-sw"],
      ["parent", "Family", "Mother", null],
      ["family-member", "Family", "Maternal grandmother", null],
      ["child", "Family", "The child, for the first part", null],
      ["interpreter", "Interpreting", null, "aad-int"],
    ]);
  });

  it("refuses a colleague and a description on the same row, beside the box; a strategy discussion ignores family rows", async () => {
    const both = await readConveneSubmission({ concern: "c", "person_social-worker": "aad-sw", person_advocate: "aad-adv", contact_advocate: "Independent advocate" }, ctx("core-group"));
    expect(both).toEqual({ ok: false, errors: { contact_advocate: "Choose a colleague or say who the advocate is, not both." } });
    const strategy = await readConveneSubmission({ concern: "c", "person_social-worker": "aad-sw", person_health: "aad-h", person_police: "aad-p", contact_parent: "Mother" }, ctx("strategy-discussion"));
    if (!strategy.ok) throw new Error(JSON.stringify(strategy.errors));
    expect(strategy.cmd.invitees.map((i) => i.role)).toEqual(["social-worker", "health", "police"]);
  });
});
