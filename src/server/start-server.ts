import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolveLanguageList } from "../domain/language/plain-language-aid";
import { ConfigError, type Config } from "../config/config";
import { ZodError } from "zod";
import { createApp } from "../app/create-app";
import { createGraphOnlineMeetings } from "../integrations/graph/create-graph-online-meetings";
import { createConversation } from "../app/conversation/conversation";
import type { Clock } from "../domain/shared/clock";
import { systemClock } from "../domain/shared/clock";
import { createWorkingDayCalendar } from "../domain/calendar/working-day-calendar";
import { applyMigrations, isMigrated } from "../store/migration-runner";
import { createPrismaClient, type PrismaClient } from "../store/prisma-client";
import { DatabaseUnavailableError } from "../store/postgres-connection";
import { PrismaUnitOfWork } from "../store/prisma-unit-of-work";
import { resolveAuditKey } from "../store/audit-key";
import { deriveCalendarLinkKey, HmacCalendarLinks } from "../integrations/ics/calendar-link-signer";
import { createLogger, type Logger } from "./logger";
import { isForeignOrigin, matchRoute, sendJson, type Route } from "./http-router";
import { defaultMounts } from "./default-mounts";
import type { Mount, ServerContext } from "./server-context";

/** A running server. */
export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:3978. */
  url: string;
  /** What the channels and jobs were given (tests drain the outbox through it). */
  context: ServerContext;
  /** Stops accepting requests, stops background jobs, closes the database. */
  close(): Promise<void>;
}

/** Options for main.ts, tests and tools. */
export interface StartOptions {
  /** Now (default: the system clock); tests inject a fixed one. */
  clock?: Clock;
  /** The process logger (default: one at config.LOG_LEVEL). */
  logger?: Logger;
  /** Extra routes (tests use this for fakes on the same port); channels add their own. */
  routes?: Route[];
  /**
   * Channels and jobs to mount, in order (default: {@link defaultMounts}). The composition
   * root hands them in; the default only spares tests from repeating the list.
   */
  mounts?: readonly Mount[];
}

/**
 * Starts Convene: listens first (so /healthz can say 503 while migrating), applies
 * migrations, then wires the app, channels and background jobs.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const routes: Route[] = [...(options.routes ?? [])];
  let migrated = false;
  let prisma: PrismaClient | undefined;
  const stoppers: Array<() => Promise<void> | void> = [];

  routes.push({
    method: "GET",
    path: "/healthz",
    // Checked against the database itself on every call (a few ms), so a replaced or
    // half-migrated file shows as unhealthy rather than trusting a start-up flag.
    // On PostgreSQL through the server's pool, with a short timeout: a load balancer sees 503
    // while the database is unreachable, and 200 again as soon as it is back.
    handle: async (_req, res) => {
      let ok = false;
      try {
        ok = migrated && prisma !== undefined && (await isMigrated(config.DATABASE_URL, prisma));
      } catch {
        ok = false;
      }
      sendJson(res, ok ? 200 : 503, ok ? { status: "ok" } : { status: "unavailable", reason: migrated ? "database not migrated" : "starting" });
    },
  });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    // No route acts for a page on another site: a browser names that site in Origin.
    if (isForeignOrigin(req)) {
      logger.warn({ path: url.pathname, reason: "foreign_origin" }, "request refused");
      return sendJson(res, 403, { error: "forbidden" });
    }
    const route = matchRoute(routes, req.method ?? "GET", url.pathname);
    if (!route) return sendJson(res, 404, { error: "not_found" });
    Promise.resolve(route.handle(req, res)).catch((err: unknown) => {
      const requestId = randomUUID();
      logger.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code }, requestId, path: url.pathname }, "request failed");
      if (!res.headersSent) sendJson(res, (err as { statusCode?: number }).statusCode ?? 500, { error: "internal_error", requestId });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}`;

  let report;
  try {
    report = await applyMigrations(config.DATABASE_URL);
  } catch (err) {
    // An unreachable database is the operator's to fix: one line saying where and why, not a stack.
    if (err instanceof DatabaseUnavailableError) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw new ConfigError(`Convene cannot start: ${err.message}`);
    }
    throw err;
  }
  if (report.applied.length) logger.info({ applied: report.applied }, "database migrated");
  prisma = createPrismaClient(config.DATABASE_URL, { poolMax: config.CONVENE_DATABASE_POOL_MAX });
  const auditKey = resolveAuditKey({ configured: config.CONVENE_AUDIT_KEY, databaseUrl: config.DATABASE_URL, production: config.NODE_ENV === "production" });
  const uow = new PrismaUnitOfWork(prisma, auditKey);
  const calendar = createWorkingDayCalendar({ closureDays: config.CONVENE_CLOSURE_DAYS });
  const languageList = config.CONVENE_LANGUAGE_LIST_FILE ? loadLanguageList(config.CONVENE_LANGUAGE_LIST_FILE) : undefined;
  // Calendar links live on the public URL (what people's browsers and calendars reach), or on
  // the server's own URL in local mode; their key is derived from the audit key.
  const calendarLinks = new HmacCalendarLinks(deriveCalendarLinkKey(auditKey), () => config.CONVENE_PUBLIC_URL ?? url);
  // Teams meetings through Graph only when configured; without, meetings have the .ics alone.
  const onlineMeetings = config.graph ? graphOnlineMeetings(config.graph, logger) : undefined;
  const app = createApp({ uow, clock, calendar, logger, languageList, localPolicy: config.localPolicy, calendarLinks, ...(onlineMeetings ? { onlineMeetings } : {}) });
  const conversation = createConversation({ app, logger });
  const context: ServerContext = { config, app, conversation, uow, prisma, clock, calendar, logger, baseUrl: () => url };

  for (const mount of options.mounts ?? defaultMounts) {
    const mounted = await mount(context);
    if (!mounted) continue;
    routes.push(...mounted.routes);
    if (mounted.stop) stoppers.push(mounted.stop);
  }
  migrated = true;
  if (!config.teamsEnabled) logger.info("teams disabled: no Microsoft credentials in production, so /api/messages is not served");
  if (config.localMode) logger.info({ url }, "local mode: no Microsoft credentials; Bot Framework accepted from loopback only, playground at /");

  return {
    url,
    context,
    async close() {
      for (const stop of stoppers.reverse()) await stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await prisma.$disconnect();
    },
  };
}

/** Teams meetings through Graph; settings that cannot be used (an unreadable GRAPH_CA_FILE) stop start-up with a clear message. */
function graphOnlineMeetings(settings: NonNullable<Config["graph"]>, logger: Logger) {
  try {
    return createGraphOnlineMeetings(settings, logger);
  } catch (err) {
    throw new ConfigError(`Convene cannot start: the Microsoft Graph settings cannot be used: ${(err as Error).message}`);
  }
}

/** Reads the plain-language list file; a bad file stops start-up with a message naming it. */
function loadLanguageList(file: string) {
  try {
    return resolveLanguageList(JSON.parse(readFileSync(file, "utf8")));
  } catch (err) {
    const detail = err instanceof ZodError ? err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : (err as Error).message;
    throw new ConfigError(`Convene cannot start: CONVENE_LANGUAGE_LIST_FILE (${file}) is not a valid language list: ${detail}`);
  }
}
