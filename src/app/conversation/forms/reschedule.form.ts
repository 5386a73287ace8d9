import type { RosterView } from "../../views/view-models";
import { ActionId, actionData } from "../action-id";
import type { ConversationField, FormDescriptor } from "../form-descriptor";
import { REASON_FIELD } from "./reason.forms";

/** Field ids of the reschedule form. */
export const RescheduleField = {
  date: "date",
  time: "time",
  /** Why it moved: told to the invitees. */
  reason: REASON_FIELD,
  /** Shown after the app asked: hold it on a weekend or bank holiday anyway. */
  confirmNonWorkingDay: "confirm_non_working_day",
} as const;

/** Marks a submission of the reschedule form (a click on "Reschedule…" carries no step, and opens it). */
export const RESCHEDULE_STEP = "reschedule";

/** Asks for the meeting's new date and time. Everyone who had answered is asked again. */
export function rescheduleForm(roster: RosterView, askNonWorkingDay = false): FormDescriptor {
  const fields: ConversationField[] = [
    { id: RescheduleField.date, label: "New date", type: "date", required: true, maxLength: 10, section: "" },
    { id: RescheduleField.time, label: "New time (UK time)", type: "time", required: true, maxLength: 5, section: "" },
    { id: RescheduleField.reason, label: "Why it moved (told to the invitees; up to 500 characters)", type: "text", required: false, maxLength: 500, section: "", placeholder: "e.g. police cannot attend on Tuesday" },
  ];
  if (askNonWorkingDay) fields.push({ id: RescheduleField.confirmNonWorkingDay, label: "Yes, hold it on that weekend day or bank holiday", type: "toggle", required: false, maxLength: 5, section: "" });
  return {
    action: ActionId.RescheduleMeeting,
    title: `Reschedule · ${roster.kindTitle} · ${roster.caseReference}`,
    shortTitle: "Reschedule meeting",
    intro: `Now: ${roster.whenLabel}. Everyone who had answered will be asked again, and told in the case channel.`,
    submitLabel: "Move the meeting",
    tone: "positive",
    fields,
    data: actionData(ActionId.RescheduleMeeting, roster.meetingId, { step: RESCHEDULE_STEP }),
  };
}

/** Asks why the meeting is cancelled: the reason is told to the invitees and kept on the meeting. */
export function cancelMeetingForm(roster: RosterView): FormDescriptor {
  return {
    action: ActionId.CancelMeeting,
    title: `Cancel · ${roster.kindTitle} · ${roster.caseReference}`,
    shortTitle: "Cancel meeting",
    intro: "Everyone invited is told in the case channel, with your reason. The reason stays on the meeting.",
    submitLabel: "Cancel the meeting",
    tone: "destructive",
    fields: [{ id: REASON_FIELD, label: "Why is it cancelled? (10 to 500 characters)", type: "multiline", required: true, maxLength: 500, section: "", placeholder: "e.g. the family moved out of the area" }],
    data: actionData(ActionId.CancelMeeting, roster.meetingId),
  };
}
