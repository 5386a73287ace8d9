import { recordDigest } from "../../domain/audit/audit-chain";
import { randomUUID } from "node:crypto";
import { RecordDecisionSchema, type RecordDecisionCommand } from "../../domain/commands/command.schemas";
import { formFor, parseRecordForm, recordToFormValues } from "../../domain/decision-record/record-form";
import { checkRecordLanguage } from "../../domain/language/plain-language-aid";
import type { LanguageEntry } from "../../domain/language/default-language-list";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { nextVersion } from "../../domain/decision-record/record-versioning";
import type { DecisionRecordPayload, RecordFor } from "../../domain/decision-record/decision-record.schema";
import type { Attendee } from "../../domain/decision-record/record-parts.schema";
import { INVITEE_ROLE_LABELS } from "../../domain/invitation/invitation";
import { markRecorded } from "../../domain/meeting/meeting";
import { DomainError } from "../../domain/shared/domain-error";
import type { LanguageAdviceView, RecordDecisionResult } from "../views/view-models";
import { meetingInConversation, requireHeld, requireMeetingOwner } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { buildDecisionRecordSummary, buildDecisionRecordView } from "../views/decision-record-view";
import { loadDecisionRecord } from "../views/load-decision-record";
import { logMeetingDisclosures } from "../sharing/log-disclosures";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";
import { applyRecordToActionsAndDeadlines } from "../deadlines/deadline-events";
import { resolveActor } from "./resolve-actor";

/** Plain-language hints for the recorder, with the label of the box each one came from. */
function languageAdvice(kind: MeetingKind, payload: DecisionRecordPayload, list?: readonly LanguageEntry[]): LanguageAdviceView[] {
  const findings = checkRecordLanguage(kind, payload as RecordFor<MeetingKind>, list);
  const labels = new Map(formFor(kind, recordToFormValues(kind, payload as RecordFor<MeetingKind>)).map((f) => [f.id, f.label]));
  return Object.entries(findings).flatMap(([fieldId, list]) =>
    list.map((f) => ({ fieldId, fieldLabel: labels.get(fieldId) ?? fieldId, match: f.match, kind: f.kind, suggestion: f.suggestion })),
  );
}

/**
 * Records the meeting's decisions from the form (the same descriptor drives the Teams card
 * and the Slack modal). The first record finalises the meeting; any later one is an
 * amendment, a new immutable version with its reason. Agreed actions and the next step
 * become deadlines, and the decision card is posted to the case channels.
 */
export async function recordDecision(deps: AppDeps, input: RecordDecisionCommand): Promise<RecordDecisionResult> {
  const cmd = RecordDecisionSchema.parse(input);
  return deps.uow.run((repos) =>
    runOnce(repos, commandKey(cmd.conversation, "record", cmd.key), async (): Promise<RecordDecisionResult> => {
      const now = deps.clock.now();
      const actor = await resolveActor(repos, cmd.actor);
      const { c, meeting } = await meetingInConversation(repos, cmd.conversation, cmd.meetingId);
      requireMeetingOwner(c, meeting, actor, "record the decisions");
      requireHeld(meeting);

      // The roster knows who attended and whether they confirmed seniority: prefer it to typing.
      const invitations = await repos.invitations.listForMeeting(meeting.id);
      const attendees: Attendee[] = invitations
        .filter((i) => i.attendance === "attended")
        .map((i) => ({ name: i.inviteeLabel, role: INVITEE_ROLE_LABELS[i.role], agency: i.agency, seniorityConfirmed: i.seniorityConfirmed }));
      const parsed = parseRecordForm(meeting.kind, cmd.values, { attendees });
      if (!parsed.ok) return { ok: false, errors: parsed.errors };

      const previous = await repos.records.listForMeeting(meeting.id);
      let next;
      try {
        next = nextVersion(
          previous.map((r) => ({ version: r.version, payload: r.payload as DecisionRecordPayload, authorId: r.authorId, createdAt: r.createdAt, ...(r.reason ? { reason: r.reason } : {}) })),
          parsed.record as DecisionRecordPayload,
          actor.id,
          cmd.amendmentReason,
          now,
        );
      } catch (err) {
        // Shown beside the amendment-reason box rather than as a failure of the whole form.
        if (err instanceof DomainError && (err.code === "AMENDMENT_REASON_REQUIRED" || err.code === "AMENDMENT_UNCHANGED")) {
          return { ok: false, errors: { amendmentReason: err.message } };
        }
        throw err;
      }
      const { version } = next;
      const reason = next.reason ?? null;
      const recordId = randomUUID();
      const stored = { id: recordId, meetingId: meeting.id, caseId: c.id, version, kind: meeting.kind, payload: next.payload, reason, authorId: actor.id, createdAt: now };
      await repos.records.insert(stored);
      const recorded = markRecorded(meeting);
      await repos.meetings.update(recorded);

      // Every version, not just the first: an amendment that adds an action or changes the
      // section 47 decision must open (or stop) the clocks that follow from it.
      await applyRecordToActionsAndDeadlines(deps, repos, c, recorded, invitations, next.payload, version, reason);
      await repos.audit.append({
        at: now, actorId: actor.id, action: version === 1 ? "finalise" : "amend", entityType: "decision-record", entityId: recordId, caseId: c.id,
        // The digest of the stored record: `convene audit verify` checks the record against it.
        detail: { meetingId: meeting.id, version, kind: meeting.kind, digest: recordDigest({ ...stored, payloadJson: JSON.stringify(stored.payload) }) },
      });

      const loaded = await loadDecisionRecord(repos, c, recorded);
      const record = buildDecisionRecordView(loaded.input);
      const summary = buildDecisionRecordSummary(loaded.input);
      await logMeetingDisclosures(repos, c.id, meeting.id, recordId, next.payload, now);
      // The channel gets the summary only; the full record is a per-person view for the entitled.
      for (const link of await repos.channelLinks.listForCase(c.id)) {
        await repos.outbox.enqueue({ idempotencyKey: `record/${recordId}/${link.id}`, channelLinkId: link.id, operation: "post", payload: { type: "record-summary", view: summary }, availableAt: now });
      }
      const roster = await loadRoster(repos, meeting.id, now.getTime());
      await enqueueRosterUpdate(repos, c.id, roster, `record-${cmd.key}`, now);
      deps.logger.info({ meetingId: meeting.id, version }, "decision recorded");
      return { ok: true, record, summary, roster, advice: languageAdvice(meeting.kind, next.payload, deps.languageList) };
    }),
  );
}
