import type { WorkingDayCalendar } from "../domain/calendar/working-day-calendar";
import type { LanguageEntry } from "../domain/language/default-language-list";
import type { Clock } from "../domain/shared/clock";
import type { CalendarLinks } from "./ports/calendar-link";
import type { OnlineMeetingCalendar } from "./ports/online-meeting";
import type { AppLogger } from "./ports/plumbing";
import type { UnitOfWork } from "./ports/unit-of-work";
import type { LocalPolicy } from "./deadlines/local-policy";

// Its own module, not create-app.ts: use cases import AppDeps, and create-app.ts imports the
// use cases, so keeping the two apart is what keeps the app free of import cycles.

/** What every use case needs. */
export interface AppDeps {
  /** Runs each command in one transaction. */
  uow: UnitOfWork;
  /** Now, injected so tests control time. */
  clock: Clock;
  /** Working days, with the configured closure days. */
  calendar: WorkingDayCalendar;
  /** Structured logs; never case content at info level. */
  logger: AppLogger;
  /** The plain-language aid's list (default: the built-in list). */
  languageList?: readonly LanguageEntry[];
  /** Local policy: months-ahead nudges for the review before 18, core group cadence (default: DEFAULT_LOCAL_POLICY). */
  localPolicy?: LocalPolicy;
  /** Signed links to each meeting's calendar invite; without them, roster cards offer none. */
  calendarLinks?: CalendarLinks;
  /**
   * Teams meetings through Microsoft Graph. When set, convening, moving and cancelling a
   * meeting enqueue a calendar sync; without it, meetings have the .ics invite alone.
   */
  onlineMeetings?: OnlineMeetingCalendar;
}
