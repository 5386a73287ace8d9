import { ZodError } from "zod";
import { DomainError } from "../../domain/shared/domain-error";

/** Logger shape for edge errors (pino's). */
export interface ErrorLogger {
  error(obj: object, msg?: string): void;
}

const FALLBACK = "Convene could not do that just now. Please try again in a minute.";

/**
 * What to tell the user. DomainError messages are written for users; a zod failure shows its
 * first message; anything else is a fault, logged by code (never content) and shown generically.
 */
export function userMessage(err: unknown, logger?: ErrorLogger): string {
  if (err instanceof DomainError) return err.message;
  if (err instanceof ZodError) return err.issues[0]?.message ?? FALLBACK;
  logger?.error({ err: { message: (err as Error)?.message, code: (err as { code?: string })?.code } }, "slack action failed");
  return FALLBACK;
}

/** The zod issues behind a failure, if it was one. */
export function zodIssues(err: unknown): { path: PropertyKey[]; message: string }[] | null {
  if (err instanceof ZodError) return err.issues.map((i) => ({ path: i.path, message: i.message }));
  return null;
}
