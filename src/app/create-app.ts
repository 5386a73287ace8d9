import type { App } from "./app";
import type { AppDeps } from "./app-deps";
import { claimReply } from "./use-cases/claim-reply";
import { syncCalendarEvent } from "./use-cases/sync-calendar-event";
import { checkFreeBusy } from "./use-cases/check-free-busy";
import { cancelMeetingUseCase } from "./use-cases/cancel-meeting";
import { changeInvitees } from "./use-cases/change-invitees";
import { proposeMeetingTimes } from "./use-cases/propose-meeting-times";
import { answerMeetingTimes } from "./use-cases/answer-meeting-times";
import { pickMeetingTime } from "./use-cases/pick-meeting-time";
import { rescheduleMeeting } from "./use-cases/reschedule-meeting";
import { conveneMeeting } from "./use-cases/convene-meeting";
import { getRoster } from "./use-cases/get-roster";
import { getCalendarInvite } from "./use-cases/get-calendar-invite";
import { openDecisionForm } from "./use-cases/open-decision-form";
import { recordCaseEvent } from "./use-cases/record-case-event";
import { linkChannel } from "./use-cases/link-channel";
import { listMeetingParticipants } from "./use-cases/list-meeting-participants";
import { listDeadlines } from "./use-cases/list-deadlines";
import { listMyWork } from "./use-cases/list-my-work";
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
import { auditDenial, auditingDenials } from "./denial-audit";

/**
 * Binds the use cases to their dependencies: the one object every edge talks to. Every use
 * case a person drives is wrapped so that a denial (a refusal by identity: not authorised,
 * another tenant, another case) is audited, rate-limited per person, whichever edge asked.
 */
export function createApp(deps: AppDeps): App {
  return {
    linkChannel: auditingDenials(deps, "linkChannel", (cmd) => linkChannel(deps, cmd)),
    conveneMeeting: auditingDenials(deps, "conveneMeeting", (cmd) => conveneMeeting(deps, cmd)),
    respondToInvitation: auditingDenials(deps, "respondToInvitation", (cmd) => respondToInvitation(deps, cmd)),
    markMeetingHeld: auditingDenials(deps, "markMeetingHeld", (cmd) => markMeetingHeld(deps, cmd)),
    recordDecision: auditingDenials(deps, "recordDecision", (cmd) => recordDecision(deps, cmd)),
    previewDecisionRecord: auditingDenials(deps, "previewDecisionRecord", (cmd) => previewDecisionRecord(deps, cmd)),
    listDeadlines: auditingDenials(deps, "listDeadlines", (cmd) => listDeadlines(deps, cmd)),
    waiveDeadline: auditingDenials(deps, "waiveDeadline", (cmd) => waiveDeadline(deps, cmd)),
    closeAction: auditingDenials(deps, "closeAction", (cmd) => closeAction(deps, cmd)),
    recordClosingEvent: auditingDenials(deps, "recordClosingEvent", (cmd) => recordClosingEvent(deps, cmd)),
    recordEnquiryOutcome: auditingDenials(deps, "recordEnquiryOutcome", (cmd) => recordEnquiryOutcomeFromChat(deps, cmd)),
    openDecisionForm: auditingDenials(deps, "openDecisionForm", (cmd) => openDecisionForm(deps, cmd)),
    recordCaseEvent: auditingDenials(deps, "recordCaseEvent", (cmd) => recordCaseEvent(deps, cmd)),
    viewDecisionRecord: auditingDenials(deps, "viewDecisionRecord", (cmd) => viewDecisionRecord(deps, cmd)),
    listRecordAudience: (meetingId, platform) => listRecordAudience(deps, meetingId, platform),
    getRoster: async (meetingId, conversation, viewer) => {
      try {
        return await getRoster(deps, meetingId, conversation, viewer);
      } catch (err) {
        if (viewer) await auditDenial(deps, err, { useCase: "getRoster", actor: viewer, conversation });
        throw err;
      }
    },
    endPlan: auditingDenials(deps, "endPlan", (cmd) => endPlan(deps, cmd)),
    getCalendarInvite: (token) => getCalendarInvite(deps, token),
    claimReply: (key) => claimReply(deps, key),
    syncCalendarEvent: (meetingId) => syncCalendarEvent(deps, meetingId),
    checkFreeBusy: (meetingId) => checkFreeBusy(deps, meetingId),
    rescheduleMeeting: auditingDenials(deps, "rescheduleMeeting", (cmd) => rescheduleMeeting(deps, cmd)),
    cancelMeeting: auditingDenials(deps, "cancelMeeting", (cmd) => cancelMeetingUseCase(deps, cmd)),
    changeInvitees: auditingDenials(deps, "changeInvitees", (cmd) => changeInvitees(deps, cmd)),
    proposeMeetingTimes: auditingDenials(deps, "proposeMeetingTimes", (cmd) => proposeMeetingTimes(deps, cmd)),
    answerMeetingTimes: auditingDenials(deps, "answerMeetingTimes", (cmd) => answerMeetingTimes(deps, cmd)),
    pickMeetingTime: auditingDenials(deps, "pickMeetingTime", (cmd) => pickMeetingTime(deps, cmd)),
    listMeetingParticipants: (meetingId, platform) => listMeetingParticipants(deps, meetingId, platform),
    listMyWork: (query) => listMyWork(deps, query),
  };
}
