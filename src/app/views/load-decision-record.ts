import type { Case } from "../../domain/case/case-reference";
import type { Meeting } from "../../domain/meeting/meeting";
import type { RecordAudience } from "../../domain/sharing/information-sharing";
import { DomainError } from "../../domain/shared/domain-error";
import type { StoredRecord } from "../ports/decision-record";
import type { Repositories } from "../ports/unit-of-work";
import type { RecordViewInput } from "./decision-record-view";

/** A meeting's latest record with everything its views and its need-to-know rule read. */
export interface LoadedRecord {
  /** The latest version. */
  latest: StoredRecord;
  /** Every version, oldest first. */
  versions: StoredRecord[];
  /** What the summary and the full record are built from. */
  input: RecordViewInput;
  /** Who may read the full record. */
  audience: RecordAudience;
}

/**
 * Loads a meeting's latest decision record and the roster, names and clocks around it, all
 * from our own rows, and works out who is entitled to the full record. Throws
 * `RECORD_NOT_FOUND` when the meeting has no record yet.
 */
export async function loadDecisionRecord(repos: Repositories, c: Case, meeting: Meeting): Promise<LoadedRecord> {
  const versions = await repos.records.listForMeeting(meeting.id);
  const latest = versions[versions.length - 1];
  if (!latest) throw new DomainError("RECORD_NOT_FOUND", "This meeting has no decision record yet.");
  const invitations = await repos.invitations.listForMeeting(meeting.id);
  const attendeeIds = invitations
    .filter((i) => i.attendance === "attended")
    .map((i) => i.delegateId ?? i.claimedById ?? i.inviteePractitionerId)
    .filter((id): id is string => Boolean(id));
  const authorIds = [...new Set(versions.map((v) => v.authorId))];
  const ids = new Set<string>([meeting.convenorId, ...authorIds]);
  for (const i of invitations) for (const id of [i.inviteePractitionerId, i.claimedById, i.delegateId]) if (id) ids.add(id);
  const names = new Map((await repos.practitioners.findManyByIds([...ids])).map((p) => [p.id, p.displayName]));
  const clocks = (await repos.deadlines.listForCase(c.id)).filter((d) => d.sourceId === meeting.id && !d.actionId);
  return {
    latest,
    versions,
    input: {
      caseReference: c.reference,
      meeting,
      record: { version: latest.version, payload: latest.payload, reason: latest.reason, createdAt: latest.createdAt, authorLabel: names.get(latest.authorId) ?? "Unknown" },
      invitations,
      names,
      clocks: clocks.map((d) => ({ rule: d.rule, dueDate: d.dueDate, status: d.status })),
    },
    audience: { attendeeIds, leadSocialWorkerId: c.leadSocialWorkerId, teamManagerId: c.teamManagerId, convenorId: meeting.convenorId, authorIds },
  };
}
