import { format } from "node:util";
import type { Logger } from "./logger";

/** The longest console text kept in a log line: SDK messages can quote payload fragments. */
const MAX_TEXT = 300;

type ConsoleMethod = "log" | "info" | "debug" | "trace" | "warn" | "error";

const firstLine = (text: string) => (text.split("\n")[0] ?? "").slice(0, MAX_TEXT);

/** An error named by its class and message; the stack stays out (it is many lines of paths, never actionable from a log). */
function describe(args: unknown[]): { text: string; error?: { name: string; message: string } } {
  const error = args.find((a): a is Error => a instanceof Error);
  const rest = args.filter((a) => !(a instanceof Error));
  // First lines only: some messages embed a stack of their own.
  const text = firstLine(rest.length ? format(...rest) : (error?.message ?? ""));
  return error ? { text, error: { name: error.name, message: firstLine(error.message) } } : { text };
}

/**
 * Routes the console into the JSON log. Libraries print there on their own (the Bot
 * Framework SDK console.errors a raw stack trace for every token it rejects), which would
 * leave multi-line text among the JSON lines and could carry what a log must not. Returns
 * a function that puts the console back.
 */
export function captureConsole(logger: Logger, target: Pick<Console, ConsoleMethod> = console): () => void {
  const saved = { log: target.log, info: target.info, debug: target.debug, trace: target.trace, warn: target.warn, error: target.error };
  const to = (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const { text, error } = describe(args);
      // "error", not pino's "err": its serializer would add the stack back.
      logger[level]({ source: "console", ...(error ? { error } : {}) }, text);
    };
  target.log = to("info");
  target.info = to("info");
  target.debug = to("debug");
  target.trace = to("debug");
  target.warn = to("warn");
  target.error = to("error");
  return () => Object.assign(target, saved);
}

/**
 * One fatal log line in pino's shape, written synchronously to stderr: for failures before
 * (or after) the logger can run, such as a refused configuration, so even those are JSON.
 */
export function writeFatalLine(msg: string, extra: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ level: 60, time: Date.now(), service: "convene", ...extra, msg })}\n`);
}
