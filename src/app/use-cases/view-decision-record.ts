import { z } from "zod";
import { CommandBase } from "../../domain/commands/command.schemas";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import { entitlementReason } from "../../domain/sharing/information-sharing";
import { meetingInConversation } from "../authorisation";
import type { AppDeps } from "../app-deps";
import { commandKey, runOnce } from "../idempotency";
import { appendDenial } from "../denial-audit";
import { disclosure } from "../sharing/log-disclosures";
import { buildDecisionRecordSummary, buildDecisionRecordView, dayInWords, meetingWhen } from "../views/decision-record-view";
import { loadDecisionRecord } from "../views/load-decision-record";
import type { DecisionRecordSummaryView, DecisionRecordView } from "../views/view-models";
import { resolveActor } from "./resolve-actor";

export const ViewDecisionRecordSchema = CommandBase.extend({ meetingId: z.string().min(1) });
/** Asks for a meeting's decision record: the full record for those entitled, the summary for anyone else. */
export type ViewDecisionRecordCommand = z.infer<typeof ViewDecisionRecordSchema>;

/** What the asker may see. */
export type ViewDecisionRecordResult =
  /** Entitled: the full record (this opening is now a row in the information-sharing log). */
  | { kind: "full"; record: DecisionRecordView }
  /** Not entitled: the summary the channel already has, and nothing more. */
  | { kind: "summary"; summary: DecisionRecordSummaryView };

/**
 * Shows a meeting's latest decision record to the person asking, from a conversation linked
 * to its case. Entitlement comes from our own rows (attendance, the case's social worker and
 * team manager, the convenor and recorders), never from the card. Each opening of the full
 * record is logged as a disclosure, once per platform event (a redelivery logs nothing new);
 * a refusal is audited without content, rate-limited like every denial.
 */
export async function viewDecisionRecord(deps: AppDeps, input: ViewDecisionRecordCommand): Promise<ViewDecisionRecordResult> {
  const cmd = ViewDecisionRecordSchema.parse(input);
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const actor = await resolveActor(repos, cmd.actor);
    const { c, meeting } = await meetingInConversation(repos, cmd.conversation, cmd.meetingId, cmd.actor);
    const loaded = await loadDecisionRecord(repos, c, meeting);
    const why = entitlementReason(loaded.audience, actor.id);
    const key = commandKey(cmd.conversation, "view-record", cmd.key);
    if (!why) {
      // A denial like any other: audited without content, at most once per person in the window.
      await appendDenial(repos, now, { code: "NOT_ENTITLED", useCase: "viewDecisionRecord", actor: cmd.actor, conversation: cmd.conversation });
      return { kind: "summary", summary: buildDecisionRecordSummary(loaded.input) };
    }
    // Only the log row is claimed once; the record itself is rebuilt on every call, so no
    // confidential content is kept in the command table.
    await runOnce(repos, key, async () => {
      const held = meetingWhen(meeting, loaded.latest.payload).date;
      await repos.sharing.appendIfAbsent(
        disclosure({
          idempotencyKey: key,
          caseId: c.id,
          meetingId: meeting.id,
          recordId: loaded.latest.id,
          at: now,
          kind: "record-opened",
          recipientLabel: actor.displayName,
          recipientId: actor.id,
          disclosedBy: "Convene, for the case's local authority",
          what: `Full decision record, version ${loaded.latest.version}, of the ${meetingKindTitle(meeting.kind).toLowerCase()}${held ? ` held ${dayInWords(held)}` : ""}`,
          why,
          lawfulBasis: "safeguarding",
        }),
      );
      await repos.audit.append({ at: now, actorId: actor.id, action: "disclose", entityType: "decision-record", entityId: loaded.latest.id, caseId: c.id, detail: { version: loaded.latest.version } });
      return { logged: true };
    });
    deps.logger.info({ meetingId: meeting.id, version: loaded.latest.version }, "full record opened");
    return { kind: "full", record: buildDecisionRecordView(loaded.input) };
  });
}

/** The platform user ids entitled to a meeting's full record (Teams `refresh.userIds`). Read-only; [] before a record exists. */
export async function listRecordAudience(deps: AppDeps, meetingId: string, platform: "teams" | "slack"): Promise<string[]> {
  return deps.uow.run(async (repos) => {
    const meeting = await repos.meetings.findById(meetingId);
    const c = meeting ? await repos.cases.findById(meeting.caseId) : null;
    if (!meeting || !c) return [];
    if ((await repos.records.listForMeeting(meeting.id)).length === 0) return [];
    const { audience } = await loadDecisionRecord(repos, c, meeting);
    const ids = [...new Set([...audience.attendeeIds, audience.leadSocialWorkerId, audience.teamManagerId, audience.convenorId, ...audience.authorIds].filter((x): x is string => Boolean(x)))];
    // Only people of the case's own tenant: a practitioner row from another tenant never gets the refresh.
    return (await repos.practitioners.findManyByIds(ids)).filter((p) => p.platform === platform && p.platformTenant === c.tenant).map((p) => p.platformUserId);
  });
}
