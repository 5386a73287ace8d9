import type { FormDescriptor } from "../../../src/app/conversation/form-descriptor";
import { cancelActionForm, concludeAssessmentForm, referralDecisionForm } from "../../../src/app/conversation/forms/closing.forms";
import { changeInviteesForm } from "../../../src/app/conversation/forms/change-invitees.form";
import { conveneForm } from "../../../src/app/conversation/forms/convene.form";
import { delegateForm } from "../../../src/app/conversation/forms/delegate.form";
import { heldForm } from "../../../src/app/conversation/forms/held.form";
import { declineForm, waiveForm } from "../../../src/app/conversation/forms/reason.forms";
import { recordForm } from "../../../src/app/conversation/forms/record.form";
import { renderFormCard } from "../../../src/cards/form.card";
import { formModal } from "../../../src/cards/slack/form.blocks";
import { MEETING_KINDS } from "../../../src/domain/meeting/meeting-kind";
import { rosterView } from "./slack/slack-view-fixtures";

// Over-long text is refused beside the field; people should see the limit before they write.
const forms: [string, FormDescriptor][] = [
  ...MEETING_KINDS.map((k): [string, FormDescriptor] => [`convene ${k}`, conveneForm("CS-2026-0142", k)]),
  ...MEETING_KINDS.map((k): [string, FormDescriptor] => [`record ${k}`, recordForm({ meetingId: "m1", caseReference: "CS-2026-0142", kind: k, amend: true })]),
  ["held", heldForm(rosterView(3))],
  ["change invitees", changeInviteesForm(rosterView(3))],
  ["decline", declineForm("i1", "Police")],
  ["waive", waiveForm("d1", "Initial child protection conference", "CS-2026-0142")],
  ["delegate", delegateForm("i1", "Police")],
  ["cancel action", cancelActionForm("a1", "CS-2026-0142")],
  ["referral decision", referralDecisionForm("d1", "CS-2026-0142")],
  ["assessment", concludeAssessmentForm("d1", "CS-2026-0142", "Mon 14 Dec 2026")],
];

type Input = { id: string; label: string; placeholder?: string; maxLength?: number };

function cardInputs(node: unknown, out: Input[] = []): Input[] {
  if (Array.isArray(node)) node.forEach((n) => cardInputs(n, out));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.type === "Input.Text") out.push({ id: String(o.id), label: String(o.label), placeholder: o.placeholder as string | undefined, maxLength: o.maxLength as number });
    Object.values(o).forEach((v) => cardInputs(v, out));
  }
  return out;
}

const shows = (words: string, max: number) => words.includes(`${max.toLocaleString("en-GB")} characters`) || words.includes(`${max} characters`);

describe("every text box shows its limit in its label or placeholder", () => {
  it.each(forms)("%s: the Adaptive Card", (_name, descriptor) => {
    const inputs = cardInputs(renderFormCard({ descriptor, values: {}, errors: {} }));
    const hidden = inputs.filter((i) => !shows(`${i.label} ${i.placeholder ?? ""}`, i.maxLength!)).map((i) => i.id);
    expect(hidden).toEqual([]);
  });

  it.each(forms)("%s: the Slack modal", (_name, descriptor) => {
    const blocks = formModal({ descriptor, values: {}, errors: {} }, "C1").blocks as { type: string; block_id?: string; label?: { text: string }; element?: { type: string; max_length?: number; placeholder?: { text: string } } }[];
    const texts = blocks.filter((b) => b.type === "input" && b.element?.type === "plain_text_input");
    expect(texts.length).toBeGreaterThan(descriptor.fields.some((f) => f.type === "text" || f.type === "multiline") ? 0 : -1);
    const hidden = texts.filter((b) => !shows(`${b.label!.text} ${b.element!.placeholder?.text ?? ""}`, descriptor.fields.find((f) => f.id === b.block_id)!.maxLength)).map((b) => b.block_id);
    expect(hidden).toEqual([]);
  });

  it("keeps an example and adds the limit after it", () => {
    const contact = cardInputs(renderFormCard({ descriptor: conveneForm("CS-2026-0142", "strategy-discussion"), values: {}, errors: {} })).find((i) => i.id === "contact_police");
    expect(contact?.placeholder).toMatch(/^e\.g\. .+ \(up to \d+ characters\)$/);
  });
});
