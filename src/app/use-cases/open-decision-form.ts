import { z } from "zod";
import { CommandBase } from "../../domain/commands/command.schemas";
import type { RecordFor } from "../../domain/decision-record/decision-record.schema";
import { recordToFormValues, type FormValues } from "../../domain/decision-record/record-form";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { DomainError } from "../../domain/shared/domain-error";
import { caseOfConversation, requireMeetingOwner } from "../authorisation";
import type { AppDeps } from "../create-app";
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
    const c = await caseOfConversation(repos, cmd.conversation.platform, cmd.conversation.conversationId);
    const meeting = await repos.meetings.findById(cmd.meetingId);
    if (!meeting || meeting.caseId !== c.id) throw new DomainError("MEETING_NOT_FOUND", "That meeting is not part of this case.");
    requireMeetingOwner(c, meeting, actor, "record the decisions");
    if (meeting.status !== "held" && meeting.status !== "recorded") {
      throw new DomainError("MEETING_NOT_HELD", "Mark the meeting held before recording its decisions.");
    }
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
