import { formFor, parseRecordForm, recordToFormValues, type FormValues } from "../../domain/decision-record/record-form";
import { nextVersion } from "../../domain/decision-record/record-versioning";
import type { DecisionRecordPayload, RecordFor } from "../../domain/decision-record/decision-record.schema";
import { rosterAttendees, rosterApologies } from "../../domain/decision-record/roster-prefill";
import { checkRecordLanguage } from "../../domain/language/plain-language-aid";
import type { LanguageEntry } from "../../domain/language/default-language-list";
import type { Invitation } from "../../domain/invitation/invitation";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import type { Meeting } from "../../domain/meeting/meeting";
import { DomainError } from "../../domain/shared/domain-error";
import type { RecordDraft } from "../ports/record-draft";
import type { Repositories } from "../ports/unit-of-work";
import { DateTime } from "luxon";
import type { Case } from "../../domain/case/case-reference";
import type { WorkingDayCalendar } from "../../domain/calendar/working-day-calendar";
import { checkConferenceRecord } from "../../domain/decision-record/conference-checks";
import { LONDON, type IsoDate } from "../../domain/shared/iso-date";
import type { LanguageAdviceView } from "../views/view-models";

/** A record ready to save (or to preview): the next version's payload and reason, or errors by field id. */
export type PreparedRecord =
  | { ok: true; version: number; payload: DecisionRecordPayload; reason: string | null; invitations: Invitation[] }
  | { ok: false; errors: Record<string, string> };

/**
 * Parses a submitted form into the meeting's next record version, exactly as saving would:
 * the roster supplies who took part and who sent apologies (so nobody types them twice), and
 * an amendment must give a reason and change something. Shared by the "check" step and the
 * save, so the preview is the record that will be saved.
 */
export async function prepareDecisionRecord(
  repos: Repositories,
  calendar: WorkingDayCalendar,
  c: Case,
  meeting: Meeting,
  actorId: string,
  values: FormValues,
  amendmentReason: string | undefined,
  now: Date,
): Promise<PreparedRecord> {
  const invitations = await repos.invitations.listForMeeting(meeting.id);
  const parsed = parseRecordForm(meeting.kind, values, { attendees: rosterAttendees(invitations), apologies: rosterApologies(invitations) });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  // Conferences: an independent chair (decided from our own rows) and timescales within the statutory limits.
  const managers = await repos.practitioners.findManyByIds([c.leadSocialWorkerId, c.teamManagerId].filter((id): id is string => Boolean(id)));
  const heldAt = meeting.scheduledAt ?? meeting.heldAt ?? now;
  const heldOn = DateTime.fromJSDate(heldAt, { zone: LONDON }).toISODate() as IsoDate;
  const checks = checkConferenceRecord(meeting.kind, parsed.record, { heldOn, lineManagement: managers.map((p) => p.displayName), calendar });
  if (Object.keys(checks).length) return { ok: false, errors: checks };
  const previous = await repos.records.listForMeeting(meeting.id);
  try {
    const next = nextVersion(
      previous.map((r) => ({ version: r.version, payload: r.payload as DecisionRecordPayload, authorId: r.authorId, createdAt: r.createdAt, ...(r.reason ? { reason: r.reason } : {}) })),
      parsed.record as DecisionRecordPayload,
      actorId,
      amendmentReason,
      now,
    );
    return { ok: true, version: next.version, payload: next.payload, reason: next.reason ?? null, invitations };
  } catch (err) {
    // Shown beside the amendment-reason box rather than as a failure of the whole form.
    if (err instanceof DomainError && (err.code === "AMENDMENT_REASON_REQUIRED" || err.code === "AMENDMENT_UNCHANGED")) {
      return { ok: false, errors: { amendmentReason: err.message } };
    }
    throw err;
  }
}

/** Plain-language hints for the recorder, with the label of the box each one came from. */
export function languageAdvice(kind: MeetingKind, payload: DecisionRecordPayload, list?: readonly LanguageEntry[]): LanguageAdviceView[] {
  const findings = checkRecordLanguage(kind, payload as RecordFor<MeetingKind>, list);
  const labels = new Map(formFor(kind, recordToFormValues(kind, payload as RecordFor<MeetingKind>)).map((f) => [f.id, f.label]));
  return Object.entries(findings).flatMap(([fieldId, list]) =>
    list.map((f) => ({ fieldId, fieldLabel: labels.get(fieldId) ?? fieldId, match: f.match, kind: f.kind, suggestion: f.suggestion })),
  );
}

/**
 * The actor's own draft for this meeting. Throws `DRAFT_NOT_FOUND` for a draft that is gone
 * (the record was saved meanwhile) or is someone else's: a button cannot borrow another's check.
 */
export async function ownDraft(repos: Repositories, draftId: string, meetingId: string, actorId: string): Promise<RecordDraft> {
  const draft = await repos.drafts.find(draftId);
  if (!draft || draft.meetingId !== meetingId || draft.authorId !== actorId) {
    throw new DomainError("DRAFT_NOT_FOUND", "That check is no longer open: the record may have been saved already. Open the decision form again.");
  }
  return draft;
}
