import { DateTime } from "luxon";
import { z } from "zod";
import type { CreatedOnlineMeeting, OnlineMeetingCalendar, OnlineMeetingEvent } from "../../app/ports/online-meeting";
import type { BusyInterval, MailboxSchedule } from "../../domain/meeting/free-busy";
import { GraphError, requestJson, type JsonResponse } from "./graph-http";

/** Graph's answer to an event create: the id and, for an online meeting, the join link. */
const CreatedEventSchema = z.object({
  id: z.string().min(1),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
});

/** Graph's dateTimeTimeZone, as getSchedule gives it back. */
const GraphDateTimeSchema = z.object({ dateTime: z.string().min(1), timeZone: z.string().nullish() });

/** Graph's answer to getSchedule: one entry per mailbox asked for, with its items or an error. */
const ScheduleResponseSchema = z.object({
  value: z.array(
    z.object({
      scheduleId: z.string(),
      scheduleItems: z.array(z.object({ status: z.string(), start: GraphDateTimeSchema, end: GraphDateTimeSchema })).nullish(),
      error: z.object({ responseCode: z.string().nullish(), message: z.string().nullish() }).nullish(),
    }),
  ),
});

/** The item statuses that mean the person is taken (free and unknown items do not). */
const TAKEN = new Set(["busy", "oof", "tentative", "workingelsewhere"]);

/** How finely Graph slices its availability view; only the items are read, so this only bounds Graph's work. */
const AVAILABILITY_VIEW_MINUTES = 15;

/** A Graph dateTimeTimeZone as an instant; null when the zone is not one luxon knows (e.g. a Windows zone name). */
function instant(v: z.infer<typeof GraphDateTimeSchema>): Date | null {
  const zone = !v.timeZone || /^(utc|etc\/utc)$/i.test(v.timeZone) ? "utc" : v.timeZone;
  const d = DateTime.fromISO(v.dateTime, { zone });
  return d.isValid ? d.toJSDate() : null;
}

/** Where Graph is and how to reach it. */
export interface GraphOnlineMeetingsSettings {
  /** Graph base URL with version, e.g. https://graph.microsoft.com/v1.0. */
  baseUrl: string;
  /** The service mailbox whose calendar holds the events. */
  mailbox: string;
  /** Extra CA certificates (PEM) to trust. */
  ca?: string;
}

/** Graph's dateTimeTimeZone: local wall-clock time in Europe/London, which Outlook shows as such. */
function londonDateTime(d: Date): { dateTime: string; timeZone: string } {
  return { dateTime: DateTime.fromJSDate(d, { zone: "Europe/London" }).toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: "Europe/London" };
}

/** The parts of an event Convene owns; sent whole on create and on every update. */
function eventBody(e: OnlineMeetingEvent): Record<string, unknown> {
  return {
    subject: e.subject,
    body: { contentType: "text", content: e.body },
    start: londonDateTime(e.start),
    end: londonDateTime(e.end),
    attendees: e.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: "required" })),
  };
}

/** Only an https link is offered as "Join": anything else from the service is not shown. */
function safeJoinUrl(v: string | null | undefined): string | null {
  if (!v) return null;
  try {
    return new URL(v).protocol === "https:" ? v : null;
  } catch {
    return null;
  }
}

/**
 * Outlook events with a Teams meeting in the service mailbox, through Microsoft Graph's
 * calendar API (application permission Calendars.ReadWrite, limited to that mailbox by an
 * application access policy), and free/busy of colleagues' mailboxes through its getSchedule
 * (the same permission covers it; the policy's scope decides whose calendars it can read). The mailbox is the organiser; invitees are attendees, so
 * Outlook sends them the invitation, its updates and its cancellation.
 */
export class GraphOnlineMeetings implements OnlineMeetingCalendar {
  constructor(
    private readonly settings: GraphOnlineMeetingsSettings,
    /** A bearer token for Graph (msal caches it). */
    private readonly token: () => Promise<string>,
  ) {}

  private async call(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<JsonResponse> {
    const url = `${this.settings.baseUrl}/users/${encodeURIComponent(this.settings.mailbox)}${path}`;
    const res = await requestJson(url, {
      method,
      headers: { authorization: `Bearer ${await this.token()}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...extraHeaders },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(this.settings.ca ? { ca: this.settings.ca } : {}),
    });
    return res;
  }

  private fail(what: string, res: JsonResponse): never {
    // Graph's error code helps an operator (e.g. ErrorAccessDenied: the access policy); the body holds no secret.
    const code = z.object({ error: z.object({ code: z.string() }) }).safeParse(res.body);
    throw new GraphError(`${what}: HTTP ${res.status}${code.success ? ` ${code.data.error.code}` : ""}`, res.status, res.retryAfterMs);
  }

  async create(event: OnlineMeetingEvent, transactionId: string): Promise<CreatedOnlineMeeting> {
    const res = await this.call("POST", "/events", {
      ...eventBody(event),
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness",
      allowNewTimeProposals: false,
      // Graph returns the event already made with this id instead of making a second one.
      transactionId,
    });
    if (res.status !== 201 && res.status !== 200) this.fail("create event", res);
    const parsed = CreatedEventSchema.safeParse(res.body);
    if (!parsed.success) throw new GraphError("create event: Graph's answer had no event id", res.status);
    return { eventId: parsed.data.id, joinUrl: safeJoinUrl(parsed.data.onlineMeeting?.joinUrl) };
  }

  async update(eventId: string, event: OnlineMeetingEvent): Promise<void> {
    const res = await this.call("PATCH", `/events/${encodeURIComponent(eventId)}`, eventBody(event));
    if (res.status < 200 || res.status > 299) this.fail("update event", res);
  }

  /**
   * Free/busy through the service mailbox's calendar/getSchedule: only the items' status and
   * times are read (never their subject or location, which Graph may also send). Times are
   * asked for and read in UTC. A mailbox Graph answers with an error for (another tenant, not
   * found, no access under the application access policy), or one whose times cannot be read,
   * is unreadable: unknown, never free.
   */
  async getSchedule(emails: readonly string[], start: Date, end: Date): Promise<Map<string, MailboxSchedule>> {
    const out = new Map<string, MailboxSchedule>();
    if (!emails.length) return out;
    const utc = (d: Date) => ({ dateTime: DateTime.fromJSDate(d, { zone: "utc" }).toFormat("yyyy-MM-dd'T'HH:mm:ss"), timeZone: "UTC" });
    const res = await this.call("POST", "/calendar/getSchedule", { schedules: [...emails], startTime: utc(start), endTime: utc(end), availabilityViewInterval: AVAILABILITY_VIEW_MINUTES }, { prefer: 'outlook.timezone="UTC"' });
    if (res.status !== 200) this.fail("get schedule", res);
    const parsed = ScheduleResponseSchema.safeParse(res.body);
    if (!parsed.success) throw new GraphError("get schedule: Graph's answer was not a schedule list", res.status);
    const byId = new Map(parsed.data.value.map((v) => [v.scheduleId.toLowerCase(), v]));
    for (const email of emails) {
      const entry = byId.get(email.toLowerCase());
      if (!entry || entry.error) {
        out.set(email, { readable: false });
        continue;
      }
      const busy: BusyInterval[] = [];
      let readable = true;
      for (const item of entry.scheduleItems ?? []) {
        if (!TAKEN.has(item.status.toLowerCase())) continue;
        const s = instant(item.start);
        const e = instant(item.end);
        if (!s || !e) readable = false;
        else busy.push({ start: s, end: e });
      }
      out.set(email, readable ? { readable: true, busy } : { readable: false });
    }
    return out;
  }

  async cancel(eventId: string, comment: string): Promise<void> {
    const res = await this.call("POST", `/events/${encodeURIComponent(eventId)}/cancel`, { comment });
    // Gone already (deleted in Outlook): there is nothing left to cancel.
    if (res.status === 404) return;
    if (res.status < 200 || res.status > 299) this.fail("cancel event", res);
  }
}

/** Everything {@link createGraphOnlineMeetings} needs (the config's GraphSettings). */
export interface GraphSettingsInput {
  /** Entra tenant id. */
  tenantId: string;
  /** App registration's client id. */
  clientId: string;
  /** App registration's client secret. */
  clientSecret: string;
  /** The service mailbox (organiser of every event). */
  mailbox: string;
  /** Identity provider base URL, no trailing slash. */
  authorityUrl: string;
  /** Graph base URL with version, no trailing slash. */
  baseUrl: string;
  /** PEM file of extra CAs; read once, at start-up. */
  caFile: string | undefined;
}
