import { DateTime } from "luxon";
import { z } from "zod";
import type { CreatedOnlineMeeting, OnlineMeetingCalendar, OnlineMeetingEvent } from "../../app/ports/online-meeting";
import { GraphError, requestJson, type JsonResponse } from "./graph-http";

/** Graph's answer to an event create: the id and, for an online meeting, the join link. */
const CreatedEventSchema = z.object({
  id: z.string().min(1),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
});

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
 * application access policy). The mailbox is the organiser; invitees are attendees, so
 * Outlook sends them the invitation, its updates and its cancellation.
 */
export class GraphOnlineMeetings implements OnlineMeetingCalendar {
  constructor(
    private readonly settings: GraphOnlineMeetingsSettings,
    /** A bearer token for Graph (msal caches it). */
    private readonly token: () => Promise<string>,
  ) {}

  private async call(method: string, path: string, body?: unknown): Promise<JsonResponse> {
    const url = `${this.settings.baseUrl}/users/${encodeURIComponent(this.settings.mailbox)}${path}`;
    const res = await requestJson(url, {
      method,
      headers: { authorization: `Bearer ${await this.token()}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
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
