import { DomainError } from "../shared/domain-error";

// A case reference is the only thing a message may say about a child. Letters, digits and
// - / _ only: anything resembling a name or free text is refused, so nobody pastes one in.
const CASE_REF = /^[A-Z0-9][A-Z0-9\-/_]{1,31}$/;

/** Normalises and validates a case reference (e.g. `cs-2026-0142` → `CS-2026-0142`). Throws `INVALID_CASE_REF`. */
export function parseCaseReference(raw: string): string {
  const ref = raw.trim().toUpperCase();
  if (!CASE_REF.test(ref) || !/\d/.test(ref)) {
    throw new DomainError(
      "INVALID_CASE_REF",
      "A case reference is 2 to 32 letters and digits, which may be joined by hyphens, slashes or underscores, with at least one digit (for example CS-2026-0142). Never use a child's name or initials.",
    );
  }
  return ref;
}

/** A case as Convene knows it: a reference, never a name. */
export interface Case {
  id: string;
  tenant: string;
  reference: string;
  leadSocialWorkerId: string | null;
  teamManagerId: string | null;
  /** YYYY-MM-DD; only for the review-before-18 rule. */
  childDateOfBirth: string | null;
}
