/**
 * The information-sharing log's vocabulary and the need-to-know rule for the full decision
 * record. Pure: the app decides who is who from its own data and asks these functions.
 */

/** The lawful bases Convene records for a disclosure. */
export const LAWFUL_BASES = ["safeguarding", "consent"] as const;
/** One of {@link LAWFUL_BASES}. */
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** How each lawful basis reads in the log and the export: the one table. */
export const LAWFUL_BASIS_LABELS: Readonly<Record<LawfulBasis, string>> = {
  safeguarding:
    "UK GDPR Art. 6(1)(e) and Art. 9(2)(g), with DPA 2018 Sch. 1 para 18 (safeguarding of children and individuals at risk)",
  consent: "Consent",
};

/** The kinds of disclosure the log keeps. */
export const DISCLOSURE_KINDS = ["record-opened", "export", "family-information", "agency-information"] as const;
/** One of {@link DISCLOSURE_KINDS}. */
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

/** How each kind of disclosure reads in the log: the one table. */
export const DISCLOSURE_KIND_LABELS: Readonly<Record<DisclosureKind, string>> = {
  "record-opened": "Full record opened",
  export: "Case file exported",
  "family-information": "Information for the child and family",
  "agency-information": "Agency information shared at the meeting",
};

/** One row of the information-sharing log. */
export interface Disclosure {
  /** The row's id. */
  id: string;
  /** Unique per disclosure, so a redelivered command adds no second row. */
  idempotencyKey: string;
  /** The case the information belongs to. */
  caseId: string;
  /** The meeting, when the disclosure concerns one. */
  meetingId: string | null;
  /** The decision record version, when the disclosure concerns one. */
  recordId: string | null;
  /** When it was shared. */
  at: Date;
  /** What kind of disclosure. */
  kind: DisclosureKind;
  /** Who was given it, in words. */
  recipientLabel: string;
  /** The recipient's practitioner id, when they are one. */
  recipientId: string | null;
  /** Who disclosed it, in words. */
  disclosedBy: string;
  /** What was shared, in words; never the confidential content itself. */
  what: string;
  /** Why it was shared. */
  why: string;
  /** The lawful basis. */
  lawfulBasis: LawfulBasis;
  /** Whether consent was sought; null when not recorded. */
  consentSought: boolean | null;
  /** Why consent was not sought, when it was not. */
  noConsentReason: string | null;
}

/** Who the full record of a meeting may be shown to, as practitioner ids. */
export interface RecordAudience {
  /** The people who attended (the person who actually took each attended row: delegate, claimant or invitee). */
  attendeeIds: readonly string[];
  /** The case's lead social worker, if known. */
  leadSocialWorkerId: string | null;
  /** The case's team manager, if known. */
  teamManagerId: string | null;
  /** Whoever convened the meeting (for a strategy discussion, the social worker who chairs it). */
  convenorId: string;
  /** Whoever wrote a version of the record (the recorder, often the chair). */
  authorIds: readonly string[];
}

/**
 * Why `practitionerId` is entitled to the full record, or null when they are not. The
 * entitled are the meeting's attendees, the case's lead social worker and team manager, and
 * those who convened, chaired or recorded it. Everyone else, including other members of the
 * case channel, sees the summary only. The reason goes into the information-sharing log.
 */
export function entitlementReason(audience: RecordAudience, practitionerId: string): string | null {
  if (audience.attendeeIds.includes(practitionerId)) return "Attended the meeting";
  if (audience.leadSocialWorkerId === practitionerId) return "The case's lead social worker";
  if (audience.teamManagerId === practitionerId) return "The case's team manager";
  if (audience.convenorId === practitionerId) return "Convened the meeting";
  if (audience.authorIds.includes(practitionerId)) return "Recorded the meeting";
  return null;
}

/** True when {@link entitlementReason} gives a reason. */
export function isEntitledToFullRecord(audience: RecordAudience, practitionerId: string): boolean {
  return entitlementReason(audience, practitionerId) !== null;
}

/** Why information is shared at a strategy discussion or conference (the log's "why" for agency rows). */
export const MEETING_SHARING_PURPOSE =
  "To decide, with the other agencies, how to keep the child safe (Working Together to Safeguard Children, chapter 1)";

/** Why the family-information decision is logged. */
export const FAMILY_SHARING_PURPOSE = "The meeting decides what the child and family are told, and records what was withheld and why";
