import { recordDigest } from "../../domain/audit/audit-chain";
import { randomUUID } from "node:crypto";
import { RecordDecisionSchema, type RecordDecisionCommand } from "../../domain/commands/command.schemas";
import { markRecorded } from "../../domain/meeting/meeting";
import type { RecordDecisionResult } from "../views/view-models";
import { requireHeld } from "../authorisation";
import { commandKey, runOnce } from "../idempotency";
import type { AppDeps } from "../app-deps";
import { meetingForOwner } from "../owned-meeting";
import { buildDecisionRecordSummary, buildDecisionRecordView } from "../views/decision-record-view";
import { loadDecisionRecord } from "../views/load-decision-record";
import { logMeetingDisclosures } from "../sharing/log-disclosures";
import { enqueueRosterUpdate, loadRoster } from "../views/load-roster";
import { applyRecordToActionsAndDeadlines } from "../deadlines/deadline-events";
import { languageAdvice, ownDraft, prepareDecisionRecord } from "../records/prepare-decision-record";

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
      const { actor, c, meeting } = await meetingForOwner(repos, cmd, "record the decisions");
      requireHeld(meeting);

      // "Save" after "check" stores exactly what was previewed: the draft's values, not the card's.
      const draft = cmd.draftId ? await ownDraft(repos, cmd.draftId, meeting.id, actor.id) : null;
      const values = draft ? draft.values : cmd.values;
      const amendmentReason = draft ? (draft.amendmentReason ?? undefined) : cmd.amendmentReason;
      // The roster knows who attended and whether they confirmed seniority: prefer it to typing.
      const next = await prepareDecisionRecord(repos, deps.calendar, c, meeting, actor.id, values, amendmentReason, now);
      if (!next.ok) return { ok: false, errors: next.errors };
      const { version, invitations } = next;
      const reason = next.reason;
      const recordId = randomUUID();
      const stored = { id: recordId, meetingId: meeting.id, caseId: c.id, version, kind: meeting.kind, payload: next.payload, reason, authorId: actor.id, createdAt: now };
      await repos.records.insert(stored);
      // Drafts hold case content that is now in the record itself.
      await repos.drafts.deleteForMeeting(meeting.id);
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
      const roster = await loadRoster(repos, meeting.id, now.getTime(), deps.calendarLinks);
      await enqueueRosterUpdate(repos, c.id, roster, `record-${cmd.key}`, now);
      deps.logger.info({ meetingId: meeting.id, version }, "decision recorded");
      return { ok: true, record, summary, roster, advice: languageAdvice(meeting.kind, next.payload, deps.languageList) };
    }),
  );
}
