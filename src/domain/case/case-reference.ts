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

/** Stable code for a new case reference that looks like initials and a date of birth. */
export const CASE_REF_IDENTIFIES_CHILD = "CASE_REF_IDENTIFIES_CHILD";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "14 May 2014" when the parts make a real calendar date from 1990 to 2099, else null. */
function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? `${day} ${MONTHS[month - 1]} ${year}` : null;
}

const twoDigitYear = (yy: number) => (yy < 70 ? 2000 + yy : 1900 + yy);

/**
 * The date a reference seems to carry, as people read it, or null. Read as dates:
 * YYYY-MM-DD, DD-MM-YYYY and DD-MM-YY as three parts (joined by -, / or _), and eight
 * digits (YYYYMMDD, DDMMYYYY) or six after letters (JS140514) as one part. A serial such
 * as CS-2026-0142 is two parts of four digits, so it is never read as a date.
 */
function dateIn(ref: string): string | null {
  const parts = ref.split(/[-/_]/).filter(Boolean);
  for (let i = 0; i + 2 < parts.length; i++) {
    const [a, b, c] = [parts[i]!, parts[i + 1]!, parts[i + 2]!];
    if (![a, b, c].every((p) => /^\d+$/.test(p))) continue;
    if (a.length === 4 && b.length <= 2 && c.length <= 2) {
      const d = calendarDate(Number(a), Number(b), Number(c));
      if (d) return d;
    }
    if (a.length <= 2 && b.length <= 2 && (c.length === 4 || c.length === 2)) {
      const d = calendarDate(c.length === 4 ? Number(c) : twoDigitYear(Number(c)), Number(b), Number(a));
      if (d) return d;
    }
  }
  for (const part of parts) {
    const eight = /^[A-Z]{0,3}(\d{8})$/.exec(part)?.[1];
    if (eight) {
      const d = calendarDate(Number(eight.slice(0, 4)), Number(eight.slice(4, 6)), Number(eight.slice(6, 8))) ?? calendarDate(Number(eight.slice(4, 8)), Number(eight.slice(2, 4)), Number(eight.slice(0, 2)));
      if (d) return d;
    }
    const six = /^[A-Z]{1,3}(\d{6})$/.exec(part)?.[1];
    if (six) {
      const d = calendarDate(twoDigitYear(Number(six.slice(4, 6))), Number(six.slice(2, 4)), Number(six.slice(0, 2)));
      if (d) return d;
    }
  }
  return null;
}

/**
 * Why a (parsed) reference may identify the child, or null. Initials and a date of birth
 * (JS-2014-05-14) are enough to identify a child to anyone who knows the family, and the
 * reference is in every message and notification. Checked when a case is first created, so
 * cases already known keep working.
 */
export function identifyingReason(reference: string): string | null {
  const date = dateIn(reference);
  if (!date) return null;
  return `${reference} looks like initials and a date of birth (it reads as ${date}). A case reference is in every message, so it must never identify the child: use the reference from your case management system, for example CS-2026-0142.`;
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
