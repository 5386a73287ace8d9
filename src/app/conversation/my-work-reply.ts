import type { App } from "../app";
import type { AppLogger } from "../ports/plumbing";
import type { NoticeView } from "../views/view-models";
import { FROM_MY_WORK } from "./action-id";
import type { ConversationReply } from "./conversation-reply";
import type { ConversationTurn } from "./conversation-turn";

/** What reading a person's own list needs. */
export interface MyWorkDeps {
  app: App;
  logger: AppLogger;
}

/** Said where `my` is typed in a conversation everyone reads (a Teams channel). */
export const MY_WORK_ELSEWHERE: NoticeView = {
  title: "Your meetings and actions are shown to you alone",
  text: "Convene does not list them in a channel. Press Show my meetings and actions (only you will see them), or type my in your personal chat with Convene.",
};

/** The asker's own list, read from our rows for them, with what their last press did on top. */
export async function myWorkReply(deps: MyWorkDeps, turn: ConversationTurn, notice?: NoticeView, tone: "info" | "error" = "info"): Promise<ConversationReply> {
  const myWork = await deps.app.listMyWork({ actor: await turn.actor() });
  return { kind: "my-work", myWork, ...(notice ? { notice, tone } : {}) };
}

/** True when a press came from the person's own list (its buttons carry {@link FROM_MY_WORK}). */
export function pressedOnMyWork(values: Record<string, string | undefined>): boolean {
  return values.from === FROM_MY_WORK.from;
}

/**
 * The answer to a press on the person's own list: the list again, up to date, with what
 * happened on top, so answering from there works like the roster and leaves them where they
 * were. A form (the decline reason, the cancel reason) is shown as usual and carries the
 * marker through its submission. If the list cannot be read, the press's own answer stands.
 */
export async function backToMyWork(deps: MyWorkDeps, turn: ConversationTurn, reply: ConversationReply): Promise<ConversationReply> {
  let notice: NoticeView;
  let tone: "info" | "error" = "info";
  switch (reply.kind) {
    case "form": {
      const { descriptor } = reply.form;
      return { ...reply, form: { ...reply.form, descriptor: { ...descriptor, data: { ...descriptor.data, ...FROM_MY_WORK } } } };
    }
    case "roster":
      notice = { title: reply.notice ?? "Done", text: `${reply.roster.kindTitle}, ${reply.roster.whenLabel} · ${reply.roster.caseReference}: the roster in the case channel shows it.` };
      break;
    case "deadlines":
      if (!reply.notice) return reply;
      notice = reply.notice;
      break;
    case "notice":
      notice = reply.notice;
      tone = reply.tone;
      break;
    case "refusal":
      notice = { title: "Convene could not do that", text: reply.message };
      tone = "error";
      break;
    default:
      return reply;
  }
  try {
    return await myWorkReply(deps, turn, notice, tone);
  } catch (err) {
    deps.logger.error({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, "my work re-list failed");
    return reply;
  }
}
