import type { DirectoryMatch } from "../../domain/agency/agency-directory";
import type { AppDeps } from "../app-deps";

/** Removes a line of the agency directory; false when there was none. Audited. */
export async function removeAgencyDirectoryEntry(deps: AppDeps, cmd: { match: DirectoryMatch; value: string; operator: string }): Promise<boolean> {
  return deps.uow.run(async (repos) => {
    const removed = await repos.agencyDirectory.remove(cmd.match, cmd.value);
    if (removed) await repos.audit.append({ at: deps.clock.now(), actorId: cmd.operator, action: "delete", entityType: "agency-directory", entityId: `${cmd.match}:${cmd.value}`, caseId: null, detail: {} });
    return removed;
  });
}
