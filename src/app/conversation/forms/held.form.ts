import type { Attendance } from "../../../domain/invitation/invitation";
import type { RosterView } from "../../views/view-models";
import { ActionId, actionData } from "../action-id";
import type { ConversationField, FormDescriptor } from "../form-descriptor";
import { REASON_FIELD } from "./reason.forms";

/** Field ids of the "who took part" form. */
export const HeldField = {
  /** Attended, sent apologies, or did not take part, for one roster row. */
  attendance: (invitationId: string) => `attendance_${invitationId}`,
  /** What someone who sent apologies contributed instead. */
  note: (invitationId: string) => `contribution_${invitationId}`,
  /** Why the meeting went ahead without the statutory minimum (asked only when it did). */
  reason: REASON_FIELD,
} as const;

/** Marks a submission of this form (a click on "Mark held" carries no step, and opens it). */
export const HELD_STEP = "attendance";

/** Most a written contribution note may say. */
export const CONTRIBUTION_MAX_LENGTH = 500;
/** Most a reason for holding a meeting without the statutory minimum may say. */
export const OVERRIDE_REASON_MAX_LENGTH = 1000;

/** The answers a row can take, in the words the form uses. */
export const ATTENDANCE_CHOICES: ReadonlyArray<{ value: Exclude<Attendance, "unknown">; label: string }> = [
  { value: "attended", label: "Took part" },
  { value: "apologies", label: "Sent apologies (with a written contribution)" },
  { value: "absent", label: "Did not take part" },
];

/** What a row defaults to: whoever accepted probably took part; everyone else did not. The convenor corrects it. */
export function defaultAttendance(row: RosterView["rows"][number]): Exclude<Attendance, "unknown"> {
  if (row.attendance === "attended" || row.attendance === "apologies" || row.attendance === "absent") return row.attendance;
  return row.response === "accepted" ? "attended" : "absent";
}

/**
 * "Mark held" asks who actually took part, row by row: accepting an invitation is not
 * attending (Working Together's minimum is judged on who was there). Quorum is judged on these
 * answers, and the decision record's attendees are filled from them.
 */
export function heldForm(roster: RosterView): FormDescriptor {
  const fields: ConversationField[] = [];
  for (const row of roster.rows) {
    const who = `${row.roleLabel}: ${row.inviteeLabel}`;
    fields.push(
      {
        id: HeldField.attendance(row.invitationId),
        label: `${who}${row.required ? " (required)" : ""}`,
        type: "choice",
        required: true,
        maxLength: 20,
        section: "Who took part",
        choices: ATTENDANCE_CHOICES.map((c) => ({ value: c.value, label: c.label })),
        defaultValue: defaultAttendance(row),
      },
      {
        id: HeldField.note(row.invitationId),
        label: `${row.roleLabel}: their written contribution, if they sent apologies (up to ${CONTRIBUTION_MAX_LENGTH} characters)`,
        type: "text",
        required: false,
        maxLength: CONTRIBUTION_MAX_LENGTH,
        section: "Who took part",
        placeholder: "e.g. a written report shared before the meeting",
      },
    );
  }
  fields.push({
    id: HeldField.reason,
    label: `If social worker, health or police did not take part: why it went ahead without them (up to ${OVERRIDE_REASON_MAX_LENGTH.toLocaleString("en-GB")} characters)`,
    help: "For example: health gave information by phone beforehand. The reason stays in the record.",
    type: "multiline",
    required: false,
    maxLength: OVERRIDE_REASON_MAX_LENGTH,
    section: "",
  });
  return {
    action: ActionId.MarkHeld,
    title: `Who took part · ${roster.kindTitle} · ${roster.caseReference}`,
    shortTitle: "Who took part",
    intro: "Say who actually took part. Accepting an invitation is not attending: the statutory minimum is judged on who was there.",
    submitLabel: "Save attendance and mark held",
    tone: "positive",
    fields,
    data: actionData(ActionId.MarkHeld, roster.meetingId, { step: HELD_STEP }),
  };
}
