import { z } from "zod";

// Environment is parsed once, here. A bad value stops start-up with a message naming the
// variable, rather than failing later in a request.

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default("127.0.0.1"),
    DATABASE_URL: z.string().startsWith("file:", "DATABASE_URL must be a SQLite file: URL, e.g. file:./data/convene.db").default("file:./data/convene.db"),
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
    /** Where the playground's fake connector listens; defaults to the server itself. */
    CONVENE_PUBLIC_URL: z.string().url().optional(),
  })
  .superRefine((c, ctx) => {
    const teams = [c.MICROSOFT_APP_ID, c.MICROSOFT_APP_PASSWORD, c.MICROSOFT_APP_TENANT_ID].filter(Boolean).length;
    if (teams !== 0 && teams !== 3) {
      ctx.addIssue({ code: "custom", path: ["MICROSOFT_APP_ID"], message: "Set all three of MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID, or none (local mode)." });
    }
    if (Boolean(c.SLACK_SIGNING_SECRET) !== Boolean(c.SLACK_BOT_TOKEN)) {
      ctx.addIssue({ code: "custom", path: ["SLACK_SIGNING_SECRET"], message: "Set both SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to enable Slack, or neither." });
    }
    if (c.NODE_ENV === "production" && teams === 0 && !c.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["NODE_ENV"],
        message: "NODE_ENV=production needs Teams (MICROSOFT_APP_*) or Slack (SLACK_*) credentials; local mode is for development only.",
      });
    }
  });

/** Parsed configuration. */
export type Config = z.output<typeof ConfigSchema> & {
  /** True when no Microsoft credentials are set: loopback-only Bot Framework and the playground. */
  localMode: boolean;
  /** True when Slack credentials are set. */
  slackEnabled: boolean;
};

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
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "config"}: ${i.message}`);
    throw new ConfigError(`Convene cannot start: bad configuration.\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  return { ...c, localMode: !c.MICROSOFT_APP_ID, slackEnabled: Boolean(c.SLACK_BOT_TOKEN) };
}
