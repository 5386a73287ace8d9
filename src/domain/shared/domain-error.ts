/**
 * An error with a stable code, so edges can map it to a message or an HTTP status
 * without parsing text (the bolt-js `errors.ts` pattern).
 */
export class DomainError extends Error {
  constructor(
    /** Stable, SCREAMING_SNAKE code, e.g. `QUORUM_NOT_MET`. */
    public readonly code: string,
    message: string,
    /** Extra facts for the caller (never case content that must not be logged). */
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
