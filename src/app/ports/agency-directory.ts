import type { AgencyDirectoryEntry } from "../../domain/agency/agency-directory";

/** The administrator's agency directory. */
export interface AgencyDirectoryRepository {
  /** Every entry (a directory is tens of lines, read whole). */
  list(): Promise<AgencyDirectoryEntry[]>;
  /** Adds an entry, or replaces the one with the same match and value. */
  put(entry: AgencyDirectoryEntry): Promise<void>;
  /** Removes the entry with this match and value; false when there was none. */
  remove(match: AgencyDirectoryEntry["match"], value: string): Promise<boolean>;
}
