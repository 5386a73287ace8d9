import { randomUUID } from "node:crypto";
import type { DecisionRecordPayload } from "../../domain/decision-record/decision-record.schema";
import { FAMILY_SHARING_PURPOSE, MEETING_SHARING_PURPOSE, type Disclosure } from "../../domain/sharing/information-sharing";
import type { Repositories } from "../ports/unit-of-work";

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown): string => (typeof v === "string" ? v : "");

/** A log row with its id and defaults filled in. */
export function disclosure(d: Omit<Disclosure, "id" | "consentSought" | "noConsentReason" | "meetingId" | "recordId"> & Partial<Disclosure>): Disclosure {
  return { id: randomUUID(), meetingId: null, recordId: null, consentSought: null, noConsentReason: null, ...d };
}

/**
 * Logs what a record version says was shared: each agency's information, given to those at
 * the meeting (with whether consent was sought, and why not), and the decision on what the
 * child and family are told (or why it was withheld). Keyed by the version, so saving the
 * same version twice logs nothing twice; an amendment logs its own rows.
 */
export async function logMeetingDisclosures(repos: Repositories, caseId: string, meetingId: string, recordId: string, payload: DecisionRecordPayload, at: Date): Promise<void> {
  const r = asRecord(payload);
  const base = { caseId, meetingId, recordId, at, lawfulBasis: "safeguarding" as const };
  const shared = Array.isArray(r.informationShared) ? r.informationShared.map(asRecord) : [];
  for (const [index, row] of shared.entries()) {
    const consent = typeof row.consentSought === "boolean" ? row.consentSought : null;
    await repos.sharing.appendIfAbsent(
      disclosure({
        ...base,
        idempotencyKey: `record/${recordId}/agency/${index}`,
        kind: "agency-information",
        recipientLabel: "Those at the meeting",
        recipientId: null,
        disclosedBy: text(row.agency),
        what: `${text(row.agency)}'s information about the child and family, summarised in the record`,
        why: MEETING_SHARING_PURPOSE,
        consentSought: consent,
        noConsentReason: consent === false ? text(row.noConsentReason) || null : null,
      }),
    );
  }
  const family = asRecord(r.informationForFamily);
  if (family.decision === "shared" || family.decision === "withheld") {
    const sharedWithFamily = family.decision === "shared";
    await repos.sharing.appendIfAbsent(
      disclosure({
        ...base,
        idempotencyKey: `record/${recordId}/family`,
        kind: "family-information",
        recipientLabel: sharedWithFamily ? text(family.sharedWith) : "The child and family (withheld)",
        recipientId: null,
        disclosedBy: sharedWithFamily ? text(family.sharedBy) : "Nobody: withheld",
        what: sharedWithFamily ? `Told: ${text(family.what)}` : "Nothing yet: information withheld",
        why: sharedWithFamily ? FAMILY_SHARING_PURPOSE : `Withheld because: ${text(family.reason)}`,
      }),
    );
  }
}
