import type { Disclosure } from "../../domain/sharing/information-sharing";

/** The information-sharing log: append-only. */
export interface InformationSharingRepository {
  /** Appends a disclosure unless one with the same idempotency key exists (a redelivery). */
  appendIfAbsent(d: Disclosure): Promise<void>;
  /** Every disclosure on a case, oldest first. */
  listForCase(caseId: string): Promise<Disclosure[]>;
}
