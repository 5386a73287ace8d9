import type { GraphSettingsInput } from "../integrations/graph/graph-online-meetings";
import { z } from "zod";
import { MIN_AUDIT_KEY_LENGTH } from "../domain/audit/audit-chain";
import { parseDatabaseUrl } from "./database-url";

// Environment is parsed once, here. A bad value stops start-up with a message naming the
// variable, rather than failing later in a request.

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number({ error: "PORT must be a whole number from 0 to 65535" }).int("PORT must be a whole number from 0 to 65535").min(0).max(65535).default(3978),
    HOST: z.string().default("127.0.0.1"),
    /** file:… for SQLite (the default), postgresql://… for PostgreSQL (several replicas; see README "Running several replicas"). */
    DATABASE_URL: z
      .string()
      .default("file:./data/convene.db")
      .superRefine((v, ctx) => {
        try {
          parseDatabaseUrl(v);
        } catch (err) {
          ctx.addIssue({ code: "custom", message: (err as Error).message });
        }
      }),
    /** PostgreSQL only: connections each replica may hold. Replicas × this (+ a few for migrations and health checks) must stay under the server's max_connections. */
    CONVENE_DATABASE_POOL_MAX: z.coerce.number().int().min(1, "CONVENE_DATABASE_POOL_MAX must be at least 1").max(200).default(10),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    MICROSOFT_APP_ID: optionalSecret,
    MICROSOFT_APP_PASSWORD: optionalSecret,
    MICROSOFT_APP_TENANT_ID: optionalSecret,
    SLACK_SIGNING_SECRET: optionalSecret,
    SLACK_BOT_TOKEN: optionalSecret,
    SLACK_API_URL: z.string().url().optional(),
    /** Local authority closure days, comma-separated YYYY-MM-DD, on top of bank holidays. */
    CONVENE_CLOSURE_DAYS: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []))
      .pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "CONVENE_CLOSURE_DAYS must be YYYY-MM-DD dates, comma-separated"))),
    /** Set to "off" to run no scheduler in this process (e.g. a second replica, or tests driving passes). */
    CONVENE_SCHEDULER: z.enum(["on", "off"]).default("on"),
    /** How long a dispatcher holds a claimed outbox message; a crashed holder's messages return after this. */
    CONVENE_OUTBOX_LEASE_MS: z.coerce.number().int().min(500, "CONVENE_OUTBOX_LEASE_MS must be at least 500").default(30_000),
    /** Sends in flight at once; each is a message a crash could leave sent but unrecorded. */
    CONVENE_OUTBOX_MAX_IN_FLIGHT: z.coerce.number().int().min(1, "CONVENE_OUTBOX_MAX_IN_FLIGHT must be at least 1").max(64).default(2),
    /**
     * Days a sent or superseded card update stays in the outbox before the scheduler deletes it.
     * Each holds a whole roster; the platform already shows the newest one. Posts and dead rows are kept.
     */
    CONVENE_RETENTION_OUTBOX_DAYS: z.coerce.number().int().min(1, "CONVENE_RETENTION_OUTBOX_DAYS must be at least 1").max(3650).default(30),
    /**
     * Days a processed command's key is kept. It only has to outlive the platforms' redelivery
     * (Slack retries three times within minutes; Bot Framework and the Teams client retry within
     * seconds to minutes). A key deleted too soon would let a late redelivery apply twice; 7 days
     * is orders of magnitude past either window, and the keys are tiny now (no card inside).
     */
    CONVENE_RETENTION_COMMAND_DAYS: z.coerce.number().int().min(1, "CONVENE_RETENTION_COMMAND_DAYS must be at least 1").max(3650).default(7),
    /** Reminders to a required invitee who has not answered before the chase escalates to the duty contact, convenor and team manager. */
    CONVENE_CHASE_REMINDERS: z.coerce.number().int().min(0, "CONVENE_CHASE_REMINDERS must be 0 or more").max(20).default(2),
    /** A JSON file with the local authority's plain-language list ({ mode, entries, allow }); default: the built-in list. */
    CONVENE_LANGUAGE_LIST_FILE: z.string().optional(),
    /**
     * This server's public base URL (what browsers and calendars reach, e.g. behind a reverse
     * proxy): calendar invite links are issued on it, and the playground's fake connector
     * listens there. Defaults to the server itself.
     */
    CONVENE_PUBLIC_URL: z.string().url().optional(),
    /**
     * Where the Bot Framework SDK reads the channel's OpenID metadata (and so its signing
     * keys). Default: Microsoft's public cloud. Set it for a sovereign cloud, or to a
     * loopback server in tests; it never turns authentication off.
     */
    /**
     * The secret the audit chain and row seals are MACed with (at least 32 characters). Required
     * in production; local mode generates one into a file beside the database.
     */
    CONVENE_AUDIT_KEY: optionalSecret.refine((v) => v === undefined || v.length >= MIN_AUDIT_KEY_LENGTH, `CONVENE_AUDIT_KEY must be at least ${MIN_AUDIT_KEY_LENGTH} characters (e.g. openssl rand -hex 32)`),
    CONVENE_BOT_OPENID_METADATA_URL: z.string().url("CONVENE_BOT_OPENID_METADATA_URL must be a URL").optional(),
    /** Teams meetings through Microsoft Graph: the Entra tenant of the app registration. All four GRAPH_* ids or none. */
    GRAPH_TENANT_ID: optionalSecret,
    /** The app registration's client (application) id. */
    GRAPH_CLIENT_ID: optionalSecret,
    /** The app registration's client secret; never logged. */
    GRAPH_CLIENT_SECRET: optionalSecret,
    /** The service mailbox whose calendar holds the meetings (the organiser), e.g. convene@council.example. */
    GRAPH_MAILBOX: optionalSecret.refine((v) => v === undefined || /^[^@\s/]+@[^@\s/]+$/.test(v), "GRAPH_MAILBOX must be the service mailbox's address, e.g. convene@council.example"),
    /** The identity provider's base URL (msal accepts https only); a sovereign cloud's, or a loopback fake in tests. */
    GRAPH_AUTHORITY_URL: z
      .string()
      .url("GRAPH_AUTHORITY_URL must be a URL")
      .refine((v) => v.startsWith("https://"), "GRAPH_AUTHORITY_URL must be an https:// URL")
      .default("https://login.microsoftonline.com")
      .transform((v) => v.replace(/\/+$/, "")),
    /** Microsoft Graph's base URL including the version; a sovereign cloud's, or a loopback fake in tests. */
    GRAPH_BASE_URL: z
      .string()
      .url("GRAPH_BASE_URL must be a URL")
      // The bearer token goes with every call: plain http only to a fake on this machine.
      .refine((v) => v.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(v), "GRAPH_BASE_URL must be an https:// URL")
      .default("https://graph.microsoft.com/v1.0")
      .transform((v) => v.replace(/\/+$/, "")),
    /** A PEM file of extra certificate authorities to trust when calling the identity provider and Graph (a TLS-inspecting proxy; tests). */
    GRAPH_CA_FILE: z.string().optional(),
    /** Calendar months before the review before 18 is due on which to nudge, comma-separated (local policy). */
    CONVENE_REVIEW_BEFORE_18_NUDGE_MONTHS: z
      .string()
      .default("6,3,1")
      .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean).map(Number))
      .pipe(z.array(z.number().int().min(1).max(24), { error: "CONVENE_REVIEW_BEFORE_18_NUDGE_MONTHS must list whole months from 1 to 24, e.g. 6,3,1" }).refine((a) => a.length > 0, "CONVENE_REVIEW_BEFORE_18_NUDGE_MONTHS must list whole months from 1 to 24, e.g. 6,3,1")),
    /** Weeks between core group meetings after the first (local protocol, often 4 to 6). */
    CONVENE_CORE_GROUP_CADENCE_WEEKS: z.coerce.number({ error: "CONVENE_CORE_GROUP_CADENCE_WEEKS must be a whole number of weeks from 1 to 26" }).int().min(1).max(26).default(6),
    /** Per-authority cadence where one deployment serves several: tenant=weeks, comma-separated. */
    CONVENE_CORE_GROUP_CADENCE_BY_TENANT: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const out: Record<string, number> = {};
        for (const pair of (v ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
          const m = /^([^=\s]+)=(\d{1,2})$/.exec(pair);
          const weeks = m ? Number(m[2]) : NaN;
          if (!m || weeks < 1 || weeks > 26) {
            ctx.addIssue({ code: "custom", message: "CONVENE_CORE_GROUP_CADENCE_BY_TENANT must be tenant=weeks pairs (1 to 26), comma-separated" });
            return z.NEVER;
          }
          out[m[1]!] = weeks;
        }
        return out;
      }),
  });

// Cross-variable rules read the raw strings, so they are reported together with any
// per-variable problems instead of only after those are fixed.
function crossVariableProblems(env: NodeJS.ProcessEnv): string[] {
  const set = (k: string) => Boolean(env[k]?.trim());
  const problems: string[] = [];
  const teams = ["MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID"].filter(set).length;
  if (teams !== 0 && teams !== 3) {
    problems.push("  MICROSOFT_APP_ID: Set all three of MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID, or none (local mode).");
  }
  if (set("SLACK_SIGNING_SECRET") !== set("SLACK_BOT_TOKEN")) {
    problems.push("  SLACK_SIGNING_SECRET: Set both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to enable Slack, or neither.");
  }
  if (env.NODE_ENV === "production" && teams === 0 && !set("SLACK_BOT_TOKEN")) {
    problems.push("  NODE_ENV: NODE_ENV=production needs Teams (MICROSOFT_APP_*) or Slack (SLACK_*) credentials; local mode is for development only.");
  }
  const graph = ["GRAPH_TENANT_ID", "GRAPH_CLIENT_ID", "GRAPH_CLIENT_SECRET", "GRAPH_MAILBOX"].filter(set).length;
  if (graph !== 0 && graph !== 4) {
    problems.push("  GRAPH_TENANT_ID: Set all four of GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET and GRAPH_MAILBOX for Teams meetings through Microsoft Graph, or none (calendar invites by .ics only).");
  }
  if (env.NODE_ENV !== "production" && !set("CONVENE_AUDIT_KEY") && /^postgres(ql)?:\/\//i.test(env.DATABASE_URL ?? "")) {
    problems.push("  CONVENE_AUDIT_KEY: a PostgreSQL DATABASE_URL needs CONVENE_AUDIT_KEY, the secret the audit trail is keyed with, the same on every replica (e.g. openssl rand -hex 32).");
  }
  if (env.NODE_ENV === "production" && !set("CONVENE_AUDIT_KEY")) {
    problems.push("  CONVENE_AUDIT_KEY: NODE_ENV=production needs CONVENE_AUDIT_KEY, the secret the audit trail is keyed with (e.g. openssl rand -hex 32, kept in your secret store).");
  }
  return problems;
}

/** Parsed configuration. */
export type Config = z.output<typeof ConfigSchema> & {
  /** True when no Microsoft credentials are set outside production: loopback-only Bot Framework and the playground. */
  localMode: boolean;
  /** True when Slack credentials are set. */
  slackEnabled: boolean;
  /**
   * True when /api/messages is served: with Microsoft credentials (every request's JWT checked
   * by the Bot Framework SDK), or in local mode. Production without Microsoft credentials
   * (Slack only) serves no Teams endpoint at all, so nothing there is unauthenticated.
   */
  teamsEnabled: boolean;
  /** Teams meetings through Microsoft Graph, when all four GRAPH_* ids are set; null for .ics invites only. */
  graph: GraphSettings | null;
  /** Local policy the deadline engine applies (the app's LocalPolicy). */
  localPolicy: { reviewBefore18NudgeMonths: number[]; coreGroupCadenceWeeks: number; coreGroupCadenceWeeksByTenant: Record<string, number> };
};

/** What the Graph integration needs, gathered from the GRAPH_* variables: the integration's own input, so the two cannot drift. */
export type GraphSettings = GraphSettingsInput;

/** A configuration problem; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses the environment. Throws {@link ConfigError} listing each problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  const lines = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `  ${String(i.path[0] ?? "config")}: ${i.message}`)),
    ...crossVariableProblems(env),
  ];
  if (!parsed.success || lines.length > 0) {
    throw new ConfigError(`Convene cannot start: bad configuration.\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  // Local mode (unauthenticated, loopback-only Bot Framework and the playground) never
  // happens in production: behind a reverse proxy on the same host every client is loopback.
  const localMode = !c.MICROSOFT_APP_ID && c.NODE_ENV !== "production";
  return {
    ...c,
    localMode,
    slackEnabled: Boolean(c.SLACK_BOT_TOKEN),
    teamsEnabled: Boolean(c.MICROSOFT_APP_ID) || localMode,
    graph:
      c.GRAPH_TENANT_ID && c.GRAPH_CLIENT_ID && c.GRAPH_CLIENT_SECRET && c.GRAPH_MAILBOX
        ? { tenantId: c.GRAPH_TENANT_ID, clientId: c.GRAPH_CLIENT_ID, clientSecret: c.GRAPH_CLIENT_SECRET, mailbox: c.GRAPH_MAILBOX, authorityUrl: c.GRAPH_AUTHORITY_URL, baseUrl: c.GRAPH_BASE_URL, caFile: c.GRAPH_CA_FILE }
        : null,
    localPolicy: {
      reviewBefore18NudgeMonths: c.CONVENE_REVIEW_BEFORE_18_NUDGE_MONTHS,
      coreGroupCadenceWeeks: c.CONVENE_CORE_GROUP_CADENCE_WEEKS,
      coreGroupCadenceWeeksByTenant: c.CONVENE_CORE_GROUP_CADENCE_BY_TENANT,
    },
  };
}
