import type { App } from "./app";
import type { AppDeps } from "./app-deps";
import { claimReply } from "./use-cases/claim-reply";
import { cancelMeetingUseCase } from "./use-cases/cancel-meeting";
import { rescheduleMeeting } from "./use-cases/reschedule-meeting";
import { conveneMeeting } from "./use-cases/convene-meeting";
import { getRoster } from "./use-cases/get-roster";
import { getCalendarInvite } from "./use-cases/get-calendar-invite";
import { openDecisionForm } from "./use-cases/open-decision-form";
import { recordCaseEvent } from "./use-cases/record-case-event";
import { linkChannel } from "./use-cases/link-channel";
import { listMeetingParticipants } from "./use-cases/list-meeting-participants";
import { listDeadlines } from "./use-cases/list-deadlines";
import { markMeetingHeld } from "./use-cases/mark-meeting-held";
import { recordDecision } from "./use-cases/record-decision";
import { previewDecisionRecord } from "./use-cases/preview-decision-record";
import { respondToInvitation } from "./use-cases/respond-to-invitation";
import { waiveDeadline } from "./use-cases/waive-deadline";
import { listRecordAudience, viewDecisionRecord } from "./use-cases/view-decision-record";
import { closeAction } from "./use-cases/close-action";
import { recordClosingEvent } from "./use-cases/record-closing-event";
import { recordEnquiryOutcomeFromChat } from "./use-cases/record-enquiry-outcome";
import { endPlan } from "./use-cases/end-plan";

/** Binds the use cases to their dependencies: the one object every edge talks to. */
export function createApp(deps: AppDeps): App {
  return {
    linkChannel: (cmd) => linkChannel(deps, cmd),
    conveneMeeting: (cmd) => conveneMeeting(deps, cmd),
    respondToInvitation: (cmd) => respondToInvitation(deps, cmd),
    markMeetingHeld: (cmd) => markMeetingHeld(deps, cmd),
    recordDecision: (cmd) => recordDecision(deps, cmd),
    previewDecisionRecord: (cmd) => previewDecisionRecord(deps, cmd),
    listDeadlines: (cmd) => listDeadlines(deps, cmd),
    waiveDeadline: (cmd) => waiveDeadline(deps, cmd),
    closeAction: (cmd) => closeAction(deps, cmd),
    recordClosingEvent: (cmd) => recordClosingEvent(deps, cmd),
    recordEnquiryOutcome: (cmd) => recordEnquiryOutcomeFromChat(deps, cmd),
    endPlan: (cmd) => endPlan(deps, cmd),
    openDecisionForm: (cmd) => openDecisionForm(deps, cmd),
    recordCaseEvent: (cmd) => recordCaseEvent(deps, cmd),
    viewDecisionRecord: (cmd) => viewDecisionRecord(deps, cmd),
    listRecordAudience: (meetingId, platform) => listRecordAudience(deps, meetingId, platform),
    getRoster: (meetingId, conversation, viewer) => getRoster(deps, meetingId, conversation, viewer),
    getCalendarInvite: (token) => getCalendarInvite(deps, token),
    claimReply: (key) => claimReply(deps, key),
    rescheduleMeeting: (cmd) => rescheduleMeeting(deps, cmd),
    cancelMeeting: (cmd) => cancelMeetingUseCase(deps, cmd),
    listMeetingParticipants: (meetingId, platform) => listMeetingParticipants(deps, meetingId, platform),
  };
}
