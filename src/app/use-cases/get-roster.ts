import type { RosterView } from "../../cards/outbound-card";
import type { AppDeps } from "../create-app";
import { loadRoster } from "../views/load-roster";

/** The current roster card of a meeting, e.g. for Teams' card refresh. Read-only. */
export async function getRoster(deps: AppDeps, meetingId: string): Promise<RosterView> {
  return deps.uow.run((repos) => loadRoster(repos, meetingId, deps.clock.now().getTime()));
}
