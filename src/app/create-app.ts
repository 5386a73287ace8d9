import type { WorkingDayCalendar } from "../domain/calendar/working-day-calendar";
import type { Clock } from "../domain/shared/clock";
import type { App } from "./app-types";
import type { AppLogger, UnitOfWork } from "./ports";
import type { LanguageEntry } from "../domain/language/default-language-list";
import { conveneMeeting } from "./use-cases/convene-meeting";
import { getRoster } from "./use-cases/get-roster";
import { openDecisionForm } from "./use-cases/open-decision-form";
import { recordCaseEvent } from "./use-cases/record-case-event";
import { linkChannel } from "./use-cases/link-channel";
import { listDeadlines } from "./use-cases/list-deadlines";
import { markMeetingHeld } from "./use-cases/mark-meeting-held";
import { recordDecision } from "./use-cases/record-decision";
import { respondToInvitation } from "./use-cases/respond-to-invitation";
import { waiveDeadline } from "./use-cases/waive-deadline";

/** What every use case needs. */
export interface AppDeps {
  uow: UnitOfWork;
  clock: Clock;
  calendar: WorkingDayCalendar;
  logger: AppLogger;
  /** The plain-language aid's list (default: the built-in list). */
  languageList?: readonly LanguageEntry[];
}

/** Binds the use cases to their dependencies: the one object every edge talks to. */
export function createApp(deps: AppDeps): App {
  return {
    linkChannel: (cmd) => linkChannel(deps, cmd),
    conveneMeeting: (cmd) => conveneMeeting(deps, cmd),
    respondToInvitation: (cmd) => respondToInvitation(deps, cmd),
    markMeetingHeld: (cmd) => markMeetingHeld(deps, cmd),
    recordDecision: (cmd) => recordDecision(deps, cmd),
    listDeadlines: (cmd) => listDeadlines(deps, cmd),
    waiveDeadline: (cmd) => waiveDeadline(deps, cmd),
    openDecisionForm: (cmd) => openDecisionForm(deps, cmd),
    recordCaseEvent: (cmd) => recordCaseEvent(deps, cmd),
    getRoster: (meetingId, conversation) => getRoster(deps, meetingId, conversation),
  };
}
