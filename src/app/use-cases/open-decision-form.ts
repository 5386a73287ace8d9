import { z } from "zod";
import { CommandBase } from "../../domain/commands/command.schemas";
import type { RecordFor } from "../../domain/decision-record/decision-record.schema";
import { recordToFormValues, type FormValues } from "../../domain/decision-record/record-form";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { requireHeld } from "../authorisation";
import type { AppDeps } from "../app-deps";
import { meetingForOwner } from "../owned-meeting";
import { ownDraft } from "../records/prepare-decision-record";
import { rosterAbsentContributions, rosterAttendees } from "../../domain/decision-record/roster-prefill";
import type { Meeting } from "../../domain/meeting/meeting";
import type { Invitation } from "../../domain/invitation/invitation";
import { LONDON } from "../../domain/shared/iso-date";
import { DateTime } from "luxon";

/** The id of the amendment reason box, as the record form names it (kept with a draft). */
const AMENDMENT_REASON_FIELD = "amendmentReason";

/**
 * A new record's boxes from what Convene already knows: when and how the meeting was held
 * (scheduled time, else the day it was marked held) and what those who sent apologies wrote.
 */
function meetingPrefill(meeting: Meeting, invitations: readonly Invitation[]): FormValues {
  const out: Record<string, string> = {};
  const at = meeting.scheduledAt ?? meeting.heldAt;
  if (at) {
    const local = DateTime.fromJSDate(at, { zone: LONDON });
    out["meeting.date"] = local.toISODate() ?? "";
    if (meeting.scheduledAt) out["meeting.time"] = local.toFormat("HH:mm");
  }
  out["meeting.mode"] = meeting.mode;
  const contributions = rosterAbsentContributions(invitations);
  if (contributions) out.absentContributions = contributions;
  return out;
}

export const OpenDecisionFormSchema = CommandBase.extend({
  meetingId: z.string().min(1),
  /** Reopen the form from this draft (the preview's Edit). */
  draftId: z.string().min(1).max(100).optional(),
});
/** Asks for the decision form of a meeting. */
export type OpenDecisionFormCommand = z.infer<typeof OpenDecisionFormSchema>;

/** What an edge needs to render the decision form: the kind, and for an amendment the latest version's values. */
export interface DecisionFormView {
  meetingId: string;
  kind: MeetingKind;
  caseReference: string;
  /** True when a record exists: the form asks for an amendment reason. */
  amend: boolean;
  /** Pre-filled values: a draft being edited, else the latest version's (amending), else what the meeting and its roster know. */
  values: FormValues;
  /** Who the roster says took part ("Name (Agency)"): they are in the record already, so the attendees box is optional. */
  rosterAttendees: string[];
}

/**
 * Opens the decision form for the convenor or the case's social worker or manager, so
 * nobody else even sees the form; an amendment starts from the latest version. Read-only.
 */
export async function openDecisionForm(deps: AppDeps, input: OpenDecisionFormCommand): Promise<DecisionFormView> {
  const cmd = OpenDecisionFormSchema.parse(input);
  return deps.uow.run(async (repos) => {
    const { actor, c, meeting } = await meetingForOwner(repos, cmd, "record the decisions");
    requireHeld(meeting);
    const versions = await repos.records.listForMeeting(meeting.id);
    const latest = versions[versions.length - 1];
    const invitations = await repos.invitations.listForMeeting(meeting.id);
    // Edit after check, or a form reopened after Cancel: start from what was last checked.
    const draft = cmd.draftId ? await ownDraft(repos, cmd.draftId, meeting.id, actor.id) : await repos.drafts.latestFor(meeting.id, actor.id);
    let values: FormValues;
    if (draft) values = { ...draft.values, ...(draft.amendmentReason ? { [AMENDMENT_REASON_FIELD]: draft.amendmentReason } : {}) };
    else if (latest) values = recordToFormValues(meeting.kind, latest.payload as RecordFor<MeetingKind>);
    else values = meetingPrefill(meeting, invitations);
    return {
      meetingId: meeting.id,
      kind: meeting.kind,
      caseReference: c.reference,
      amend: Boolean(latest),
      values,
      rosterAttendees: rosterAttendees(invitations).map((a) => `${a.name} (${a.agency})`),
    };
  });
}
