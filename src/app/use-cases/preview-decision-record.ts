import { randomUUID } from "node:crypto";
import { RecordDecisionSchema, type RecordDecisionCommand } from "../../domain/commands/command.schemas";
import { requireHeld } from "../authorisation";
import type { AppDeps } from "../app-deps";
import { meetingForOwner } from "../owned-meeting";
import { languageAdvice, prepareDecisionRecord } from "../records/prepare-decision-record";
import { buildDecisionRecordView } from "../views/decision-record-view";
import type { RecordPreviewResult } from "../views/view-models";

/**
 * The "check" step before saving: the record exactly as saving would store it (the same
 * parsing, the roster's attendees and apologies merged in, the next version number), shown
 * as the document the entitled will read, with the plain-language advice. The values are kept
 * as a draft so that "Save" stores exactly what was checked; nothing else is saved, logged or
 * sent, so checking twice is harmless.
 */
export async function previewDecisionRecord(deps: AppDeps, input: RecordDecisionCommand): Promise<RecordPreviewResult> {
  const cmd = RecordDecisionSchema.parse(input);
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const { actor, c, meeting } = await meetingForOwner(repos, cmd, "record the decisions");
    requireHeld(meeting);
    const next = await prepareDecisionRecord(repos, deps.calendar, c, meeting, actor.id, cmd.values, cmd.amendmentReason, now);
    if (!next.ok) return { ok: false, errors: next.errors };
    const ids = new Set<string>([meeting.convenorId]);
    for (const i of next.invitations) for (const id of [i.inviteePractitionerId, i.claimedById, i.delegateId]) if (id) ids.add(id);
    const names = new Map((await repos.practitioners.findManyByIds([...ids])).map((p) => [p.id, p.displayName]));
    // Clocks open only when the record is saved, so the preview lists none.
    const record = buildDecisionRecordView({
      caseReference: c.reference,
      meeting,
      record: { version: next.version, payload: next.payload, reason: next.reason, createdAt: now, authorLabel: actor.displayName },
      invitations: next.invitations,
      names,
      clocks: [],
    });
    const draftId = randomUUID();
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(cmd.values)) if (v !== undefined) values[k] = v;
    await repos.drafts.insert({ id: draftId, meetingId: meeting.id, authorId: actor.id, values, amendmentReason: cmd.amendmentReason ?? null, createdAt: now });
    return { ok: true, draftId, record, advice: languageAdvice(meeting.kind, next.payload, deps.languageList) };
  });
}
