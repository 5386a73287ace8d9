import type { InviteeRole } from "../invitation/invitation";
import { DomainError } from "../shared/domain-error";

/** The agencies a roster row can belong to. */
export const AGENCIES = ["social-care", "health", "police", "education"] as const;
/** One of {@link AGENCIES}. */
export type Agency = (typeof AGENCIES)[number];

/** What each agency is called. */
export const AGENCY_LABELS: Readonly<Record<Agency, string>> = {
  "social-care": "Children's social care",
  health: "Health",
  police: "Police",
  education: "Education",
};

/** True for one of {@link AGENCIES}. */
export function isAgency(value: unknown): value is Agency {
  return typeof value === "string" && (AGENCIES as readonly string[]).includes(value);
}

/**
 * The agency a roster row speaks for. Referrer and "other agency" rows belong to no one
 * agency: anyone the convenor invites, or who claims them, may answer.
 */
export const ROW_AGENCY: Readonly<Record<InviteeRole, Agency | null>> = {
  "social-worker": "social-care",
  health: "health",
  police: "police",
  school: "education",
  referrer: null,
  other: null,
  // Family and support rows speak for no agency: nobody's identity decides who fills them.
  parent: null,
  "family-member": null,
  child: null,
  advocate: null,
  interpreter: null,
};

/** The agency of a practitioner role an administrator recorded; null for "member" (role unknown). */
export function agencyOfRole(role: string): Agency | null {
  switch (role) {
    case "social-worker":
    case "team-manager":
    case "conference-chair":
      return "social-care";
    case "police":
      return "police";
    case "health":
      return "health";
    case "school":
      return "education";
    default:
      return null;
  }
}

/**
 * Who may fill an agency's row, decided from identity (a registered practitioner's role, or
 * the administrator's agency directory), never from anything typed. A person of another
 * agency is refused on any agency row; someone Convene cannot place is refused only on a
 * required row (police, health, social worker for a strategy discussion), where a wrong
 * answer would make the statutory minimum look met when it was not.
 * Throws `WRONG_AGENCY` or `AGENCY_UNKNOWN`.
 */
export function requireRowAgency(row: { role: InviteeRole; required: boolean; inviteeLabel: string }, personAgency: Agency | null, who: "you" | string = "you"): void {
  const wanted = ROW_AGENCY[row.role];
  if (!wanted) return;
  const rowName = AGENCY_LABELS[wanted];
  if (personAgency && personAgency !== wanted) {
    const subject = who === "you" ? "You are recorded as" : `${who} is recorded as`;
    throw new DomainError(
      "WRONG_AGENCY",
      `This row is for ${rowName} (${row.inviteeLabel}). ${subject} ${AGENCY_LABELS[personAgency]}, so cannot answer for it. The convenor can invite someone from ${rowName} by name.`,
      { wanted, actual: personAgency },
    );
  }
  if (!personAgency && row.required) {
    const subject = who === "you" ? "which agency you are from" : `which agency ${who} is from`;
    throw new DomainError(
      "AGENCY_UNKNOWN",
      `This row is for ${rowName}, which the meeting needs. Convene cannot tell ${subject}, so cannot accept the answer. The convenor can invite someone from ${rowName} by name, or an administrator can add your organisation to Convene's agency directory.`,
      { wanted },
    );
  }
}
