import type { MailboxSchedule } from "../../domain/meeting/free-busy";

/**
 * A Teams meeting as the calendar service receives it. It carries the meeting's kind and the
 * case reference only: never the concern, never a child's name, because calendar entries are
 * seen (and synced to phones) far beyond the case channel.
 */
export interface OnlineMeetingEvent {
  /** e.g. "Strategy discussion · CS-2026-0001". */
  subject: string;
  /** A line of plain text for the event body; no case content. */
  body: string;
  /** When it starts. */
  start: Date;
  /** When it ends. */
  end: Date;
  /** Named invitees with an email address. */
  attendees: Array<{ email: string; name: string }>;
}

/** What a created event gives back. */
export interface CreatedOnlineMeeting {
  /** The event's id in the service mailbox. */
  eventId: string;
  /** The Teams join link, when the service made one. */
  joinUrl: string | null;
}

/**
 * Outlook events with a Teams meeting in one service mailbox (Microsoft Graph), and free/busy
 * of mailboxes in its organisation. Implemented by `GraphOnlineMeetings` (src/integrations/graph);
 * only outbox jobs (calendar sync, free/busy check) call it, from the dispatcher, never inside
 * a person's request. Failures throw.
 */
export interface OnlineMeetingCalendar {
  /**
   * Creates the event. `transactionId` is the same for every attempt for one meeting, so a
   * retried create (a lost response, a crash before the id was stored) gives back the same event.
   */
  create(event: OnlineMeetingEvent, transactionId: string): Promise<CreatedOnlineMeeting>;
  /** Replaces the event's time and attendees (a reschedule, an invitee change). */
  update(eventId: string, event: OnlineMeetingEvent): Promise<void>;
  /** Cancels the event, telling attendees with `comment`. */
  cancel(eventId: string, comment: string): Promise<void>;
  /**
   * Free/busy of each email between `start` and `end`: its busy stretches, or unreadable when
   * the service cannot read that mailbox (it is then unknown, never free). Every email asked
   * for is in the answer. A failure of the whole call throws.
   */
  getSchedule(emails: readonly string[], start: Date, end: Date): Promise<Map<string, MailboxSchedule>>;
}
