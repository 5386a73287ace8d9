import type { App } from "../app/app";
import type { Conversation } from "../app/conversation/conversation";
import type { Config } from "../config/config";
import type { WorkingDayCalendar } from "../domain/calendar/working-day-calendar";
import type { Clock } from "../domain/shared/clock";
import type { PrismaClient } from "../store/prisma-client";
import type { PrismaUnitOfWork } from "../store/prisma-unit-of-work";
import type { Route } from "./http-router";
import type { Logger } from "./logger";

// What channels and background jobs receive from the composition root. It lives apart from
// start-server.ts and imports nothing from channels, so a mount can depend on it while the
// server depends on the mounts, with no import cycle between them.

/** Everything a channel or background job needs from the composition root. */
export interface ServerContext {
  /** The parsed environment. */
  config: Config;
  /** The use cases. */
  app: App;
  /** The channel-neutral conversation: what people type and press, and Convene's answers. Every chat edge talks to it. */
  conversation: Conversation;
  /** Transactions over the store, for edges that read or seed outside a use case (e.g. refresh users). */
  uow: PrismaUnitOfWork;
  /** The database client, for the outbox dispatcher's claims. */
  prisma: PrismaClient;
  /** Now; tests inject a fixed or stepping clock. */
  clock: Clock;
  /** Working days, with the configured closure days. */
  calendar: WorkingDayCalendar;
  /** The process logger. */
  logger: Logger;
  /** The server's own base URL, known once it listens (e.g. http://127.0.0.1:3978). */
  baseUrl(): string;
}

/** What a channel or background job adds to the server. */
export interface Mounted {
  /** HTTP routes it serves. */
  routes: Route[];
  /** Stops its background work; called on close, in reverse mount order. */
  stop?: () => Promise<void> | void;
}

/** A channel or job: mounts itself on the context, or returns null when config disables it. */
export type Mount = (ctx: ServerContext) => Promise<Mounted | null> | Mounted | null;
