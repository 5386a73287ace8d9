import { DomainError } from "../../src/domain/shared/domain-error";

/** The DomainError code `fn` throws, or "no error". Other errors propagate, so a bug is not read as a refusal. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return "no error";
}
