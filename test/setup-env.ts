// Tests run in UTC with an injected clock; nothing may depend on the host's zone.
process.env.TZ = "UTC";
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? "silent";
