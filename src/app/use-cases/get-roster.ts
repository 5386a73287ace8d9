import type { RosterView } from "../views/view-models";
import type { AppDeps } from "../app-deps";
import { meetingInConversation } from "../authorisation";
import { loadRoster } from "../views/load-roster";

/**
 * The current roster card of a meeting, e.g. for Teams' card refresh. Read-only. Edges pass
 * the conversation asking: a meeting is shown only in a conversation linked to its case
 * (compared by case id, since references repeat across tenants).
 */
export async function getRoster(deps: AppDeps, meetingId: string, conversation?: { platform: "teams" | "slack"; conversationId: string }): Promise<RosterView> {
  return deps.uow.run(async (repos) => {
    if (conversation) await meetingInConversation(repos, conversation, meetingId);
    return loadRoster(repos, meetingId, deps.clock.now().getTime());
  });
}
