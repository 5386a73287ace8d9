import pino from "pino";

/** Structured JSON logs. Case content and secrets never go in at info level. */
export type Logger = pino.Logger;

/** Creates the process logger. Redacts anything that looks like a credential, in case it slips in. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "convene" },
    redact: {
      paths: ["*.password", "*.token", "*.authorization", "*.headers.authorization", "*.MICROSOFT_APP_PASSWORD", "*.SLACK_BOT_TOKEN", "*.SLACK_SIGNING_SECRET", "*.CONVENE_AUDIT_KEY"],
      censor: "[redacted]",
    },
  });
}
