import type { RosterView } from "../../cards/outbound-card";
import { DomainError } from "../../domain/shared/domain-error";
import type { AppDeps } from "../create-app";
import { caseOfConversation } from "../authorisation";
import { loadRoster } from "../views/load-roster";

/**
 * The current roster card of a meeting, e.g. for Teams' card refresh. Read-only. Edges pass
 * the conversation asking: a meeting is shown only in a conversation linked to its case.
 */
export async function getRoster(deps: AppDeps, meetingId: string, conversation?: { platform: "teams" | "slack"; conversationId: string }): Promise<RosterView> {
  return deps.uow.run(async (repos) => {
    const roster = await loadRoster(repos, meetingId, deps.clock.now().getTime());
    if (conversation) {
      const c = await caseOfConversation(repos, conversation.platform, conversation.conversationId);
      if (c.reference !== roster.caseReference) throw new DomainError("CASE_NOT_LINKED", "This meeting belongs to a case that is not linked to this conversation.");
    }
    return roster;
  });
}
