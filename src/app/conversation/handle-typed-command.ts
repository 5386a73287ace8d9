import { parseCaseReference } from "../../domain/case/case-reference";
import type { App } from "../app";
import type { AppLogger } from "../ports/plumbing";
import { parseTypedCommand } from "./command-grammar";
import type { ConversationReply } from "./conversation-reply";
import type { ConversationTurn } from "./conversation-turn";
import { conveneForm } from "./forms/convene.form";
import { relinkForm } from "./forms/relink.form";
import { PlanEndField, planEndForm } from "./forms/plan-end.form";
import { DomainError } from "../../domain/shared/domain-error";
import { helpView } from "./help";
import { userMessageOf } from "./user-message";
import { MY_WORK_ELSEWHERE, myWorkReply } from "./my-work-reply";

/** What answering typed words needs. */
export interface TypedCommandDeps {
  app: App;
  logger: AppLogger;
}

const usage = (title: string, text: string): ConversationReply => ({ kind: "notice", notice: { title, text }, tone: "error", audience: "actor" });
const notHere = (title: string, text: string): ConversationReply => usage(title, text);

/**
 * Answers what a person typed, in any channel: one grammar, one set of answers. Refusals and
 * usage go to the person alone; a link or a case event is for the whole case channel.
 */
export async function handleTypedCommand(deps: TypedCommandDeps, turn: ConversationTurn, text: string): Promise<ConversationReply> {
  const cmd = parseTypedCommand(text);
  const p = turn.commandPrefix;
  try {
    switch (cmd.type) {
      case "help":
        return { kind: "help", help: helpView(p, cmd.notUnderstood) };
      case "my":
        // Someone's own list is never shown where everyone reads the reply.
        if (!turn.personal && !turn.privateReplies) return { kind: "my-work-elsewhere", notice: MY_WORK_ELSEWHERE };
        return await myWorkReply(deps, turn);
      case "link": {
        if (turn.personal) return notHere("Link a channel, not a personal chat", "Type link <case reference> in the case's channel or group chat.");
        if (!cmd.caseRef) return usage("Give a case reference", `Type: ${p}link CS-2026-0142`);
        try {
          const result = await deps.app.linkChannel({ key: turn.key, actor: await turn.actor(), conversation: turn.conversation, caseRef: cmd.caseRef, conversationRef: turn.conversationRef() });
          return { kind: "notice", notice: result.notice, tone: "info", audience: "conversation" };
        } catch (err) {
          // A channel that is another case's moves only when the person confirms, having been told what moves.
          if (err instanceof DomainError && err.code === "RELINK_NEEDS_CONFIRMATION") {
            return { kind: "form", form: { descriptor: relinkForm(parseCaseReference(cmd.caseRef), err.message), values: {}, errors: {} } };
          }
          throw err;
        }
      }
      case "convene": {
        if (turn.personal) return notHere("Convene in the case channel", "Meetings are convened in the channel or group chat linked to the case.");
        if (!cmd.caseRef) return usage("Give a case reference", `Type: ${p}${cmd.word} CS-2026-0142`);
        return { kind: "form", form: { descriptor: conveneForm(parseCaseReference(cmd.caseRef), cmd.kind), values: {}, errors: {} } };
      }
      case "deadlines": {
        const deadlines = await deps.app.listDeadlines({ key: turn.key, actor: await turn.actor(), conversation: turn.conversation, ...(cmd.caseRef ? { caseRef: cmd.caseRef } : {}) });
        return { kind: "deadlines", deadlines };
      }
      case "plan-ends": {
        if (turn.personal) return notHere("End the plan in the case channel", "A plan is ended in the channel or group chat linked to the case.");
        if (!cmd.caseRef) return usage("Give a case reference", `Type: ${p}plan-ends <case reference> <date>, for example ${p}plan-ends CS-2026-0142 2027-06-30.`);
        // The form asks why; the app checks the case, the plan and who may end it on submission.
        return { kind: "form", form: { descriptor: planEndForm(parseCaseReference(cmd.caseRef)), values: cmd.date ? { [PlanEndField.date]: cmd.date } : {}, errors: {} } };
      }
      case "case-event": {
        if (turn.personal) return notHere("Record it in the case channel", "Case events are recorded in the channel or group chat linked to the case.");
        if (!cmd.caseRef || !cmd.date) {
          return usage("Give a case reference and a date", `Type: ${p}${cmd.word} <case reference> <date>, for example ${p}${cmd.word} CS-2026-0142 2026-11-20.`);
        }
        // The app checks that this conversation is linked to the case and that the actor manages it.
        const result = await deps.app.recordCaseEvent({ key: turn.key, actor: await turn.actor(), conversation: turn.conversation, caseRef: cmd.caseRef, event: cmd.event, date: cmd.date });
        return { kind: "notice", notice: result.notice, tone: "info", audience: "conversation" };
      }
    }
  } catch (err) {
    return usage("Convene could not do that", userMessageOf(err, deps.logger, `typed:${cmd.type}`));
  }
}
