import { z } from "zod";
import { CommandBase } from "../../domain/commands/command.schemas";
import type { RecordFor } from "../../domain/decision-record/decision-record.schema";
import { recordToFormValues, type FormValues } from "../../domain/decision-record/record-form";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { meetingInConversation, requireHeld, requireMeetingOwner } from "../authorisation";
import type { AppDeps } from "../app-deps";
import { resolveActor } from "./resolve-actor";

export const OpenDecisionFormSchema = CommandBase.extend({ meetingId: z.string().min(1) });
/** Asks for the decision form of a meeting. */
export type OpenDecisionFormCommand = z.infer<typeof OpenDecisionFormSchema>;

/** What an edge needs to render the decision form: the kind, and for an amendment the latest version's values. */
export interface DecisionFormView {
  meetingId: string;
  kind: MeetingKind;
  caseReference: string;
  /** True when a record exists: the form asks for an amendment reason. */
  amend: boolean;
  /** Pre-filled values (the latest version's, for an amendment). */
  values: FormValues;
}

/**
 * Opens the decision form for the convenor or the case's social worker or manager, so
 * nobody else even sees the form; an amendment starts from the latest version. Read-only.
 */
export async function openDecisionForm(deps: AppDeps, input: OpenDecisionFormCommand): Promise<DecisionFormView> {
  const cmd = OpenDecisionFormSchema.parse(input);
  return deps.uow.run(async (repos) => {
    const actor = await resolveActor(repos, cmd.actor);
    const { c, meeting } = await meetingInConversation(repos, cmd.conversation, cmd.meetingId);
    requireMeetingOwner(c, meeting, actor, "record the decisions");
    requireHeld(meeting);
    const versions = await repos.records.listForMeeting(meeting.id);
    const latest = versions[versions.length - 1];
    return {
      meetingId: meeting.id,
      kind: meeting.kind,
      caseReference: c.reference,
      amend: Boolean(latest),
      values: latest ? recordToFormValues(meeting.kind, latest.payload as RecordFor<MeetingKind>) : {},
    };
  });
}
