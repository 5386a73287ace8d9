import { MAX_PROPOSED_TIMES } from "../../../domain/meeting/time-poll";
import type { RosterView } from "../../views/view-models";
import { bestTimeIntro } from "../../views/time-poll-view";
import { isMeetingKind } from "../../../domain/meeting/meeting-kind";
import { ActionId, actionData } from "../action-id";
import type { ConversationField, FormDescriptor } from "../form-descriptor";

/** Marks a submission of a time-poll form (a click on its button carries no step, and opens it). */
export const TIME_POLL_STEP = "times";

/** The boxes of the n-th proposed time (from 1). */
export const TimeOptionField = {
  date: (n: number) => `option_${n}_date`,
  time: (n: number) => `option_${n}_time`,
} as const;

/** The tick box for one proposed time in the "Times I can make" form. */
export const canMakeField = (slotId: string): string => `can_${slotId}`;

/** The choice in the "Pick a time" form. */
export const PICKED_TIME_FIELD = "slotId";

/** Asks for two to five times the meeting could be held, each a date and a UK time. */
export function proposeTimesForm(roster: RosterView): FormDescriptor {
  const fields: ConversationField[] = [];
  for (let n = 1; n <= MAX_PROPOSED_TIMES; n++) {
    const section = n <= 2 ? "" : "More options (optional)";
    fields.push(
      { id: TimeOptionField.date(n), label: `Option ${n}: date`, type: "date", required: false, maxLength: 10, section },
      { id: TimeOptionField.time(n), label: `Option ${n}: time (UK time, 07:00 to 20:00)`, type: "time", required: false, maxLength: 5, section },
    );
  }
  return {
    action: ActionId.ProposeTimes,
    title: `Find a time · ${roster.kindTitle} · ${roster.caseReference}`,
    shortTitle: "Find a time",
    intro: `Propose 2 to ${MAX_PROPOSED_TIMES} times. Invitees tick the times they can make, and the card stars the ${bestTimeIntro(isMeetingKind(roster.kind) ? roster.kind : "strategy-discussion").toLowerCase()}. Proposing again replaces the earlier times.`,
    submitLabel: "Propose these times",
    tone: "positive",
    fields,
    data: actionData(ActionId.ProposeTimes, roster.meetingId, { step: TIME_POLL_STEP }),
  };
}

/** Asks an invitee which proposed times they can make: one tick box a time; unticked means "cannot". */
export function answerTimesForm(roster: RosterView): FormDescriptor {
  const options = roster.timePoll?.options ?? [];
  return {
    action: ActionId.AnswerTimes,
    title: `Times I can make · ${roster.kindTitle} · ${roster.caseReference}`,
    shortTitle: "Times I can make",
    intro: "Tick every time you can attend. Your answer is for each row you answer for, and replaces any earlier one.",
    submitLabel: "Save my times",
    tone: "positive",
    fields: options.map((o) => ({ id: canMakeField(o.slotId), label: `I can make ${o.label}`, type: "toggle", required: false, maxLength: 5, section: "" })),
    data: actionData(ActionId.AnswerTimes, roster.meetingId, { step: TIME_POLL_STEP }),
  };
}

/** Asks the convenor which proposed time to hold the meeting at; the earliest the statutory minimum can make is chosen already. */
export function pickTimeForm(roster: RosterView): FormDescriptor {
  const options = roster.timePoll?.options ?? [];
  const best = options.find((o) => o.best);
  return {
    action: ActionId.PickTime,
    title: `Pick a time · ${roster.kindTitle} · ${roster.caseReference}`,
    shortTitle: "Pick a time",
    intro: best ? `${best.label} is the earliest time the required roles can all make.` : "No time yet suits every required role; you can still pick one and chase the others.",
    submitLabel: "Hold it at this time",
    tone: "positive",
    fields: [
      {
        id: PICKED_TIME_FIELD,
        label: "Hold the meeting at",
        type: "choice",
        required: true,
        maxLength: 100,
        section: "",
        // The time, and whether the required roles can all make it; the roles themselves are on the card (Slack cuts option text at 75 characters).
        choices: options.map((o) => ({ value: o.slotId, label: `${o.label}${o.allRequired ? " · required roles can make it" : ""}` })),
        ...(best ? { defaultValue: best.slotId } : {}),
      },
    ],
    data: actionData(ActionId.PickTime, roster.meetingId, { step: TIME_POLL_STEP }),
  };
}
