import { AgencyDirectoryEntrySchema, type AgencyDirectoryEntry } from "../../domain/agency/agency-directory";
import type { AppDeps } from "../app-deps";

/** An administrator's directory line, and who added it (for the audit trail). */
export interface PutAgencyDirectoryEntryCommand {
  /** The line: what to match, the value, the agency and an optional duty contact. */
  entry: { match: string; value: string; agency: string; dutyContact?: string | null };
  /** Who ran it, e.g. "cli:alex". */
  operator: string;
}

/**
 * Adds (or replaces) a line of the agency directory: which tenant, Slack team or email domain
 * belongs to which agency. Only an administrator does this, from the CLI; agency is then
 * decided from identity for everyone it matches. Audited.
 */
export async function putAgencyDirectoryEntry(deps: AppDeps, cmd: PutAgencyDirectoryEntryCommand): Promise<AgencyDirectoryEntry> {
  const entry = AgencyDirectoryEntrySchema.parse(cmd.entry);
  const normalised: AgencyDirectoryEntry = { ...entry, value: entry.match === "email-domain" ? entry.value.toLowerCase() : entry.value };
  return deps.uow.run(async (repos) => {
    await repos.agencyDirectory.put(normalised);
    await repos.audit.append({ at: deps.clock.now(), actorId: cmd.operator, action: "change", entityType: "agency-directory", entityId: `${normalised.match}:${normalised.value}`, caseId: null, detail: { agency: normalised.agency } });
    return normalised;
  });
}
