import { ZodError } from "zod";
import { DomainError } from "../../domain/shared/domain-error";
import type { AppLogger } from "../ports/plumbing";

/** Said when something failed that the person cannot fix. */
export const GENERIC_FAILURE = "Something went wrong. Please try again; if it keeps happening, tell your administrator.";

/**
 * What to tell the person about a failure. DomainError and zod messages are written for
 * users; anything else is a fault, logged by message and code (never case content) and
 * answered generically.
 */
export function userMessageOf(err: unknown, logger: AppLogger, where: string): string {
  if (err instanceof DomainError) return err.message;
  if (err instanceof ZodError) return err.issues[0]?.message ?? "Some of that was not valid.";
  logger.error({ err: { message: (err as Error)?.message, code: (err as { code?: string })?.code }, where }, "conversation failed");
  return GENERIC_FAILURE;
}
