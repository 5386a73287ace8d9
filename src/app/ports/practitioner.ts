import type { ActorIdentity, Platform } from "./actor";

/** A practitioner row. */
export interface Practitioner {
  /** Our id for them. */
  id: string;
  /** The platform their identity belongs to. */
  platform: Platform;
  /** Teams tenant id, Slack team id. */
  platformTenant: string;
  /** Teams aadObjectId, Slack user id. */
  platformUserId: string;
  /** The platform's display name. */
  displayName: string;
  /** Their email or UPN, when known. */
  email: string | null;
  /** Their agency, from our own data; authorisation reads it, never a card. */
  agency: string;
  /** Their role in that agency. */
  role: string;
  /** Their own organisation (Entra tenant, Slack team), as the platform last reported it. */
  homeTenant?: string | null;
}

/** Practitioners, looked up by platform identity or by id. */
export interface PractitionerRepository {
  /** The practitioner with this platform identity, or null. */
  findByIdentity(identity: Pick<ActorIdentity, "platform" | "tenant" | "userId">): Promise<Practitioner | null>;
  /** The practitioner with this id, or null. */
  findById(id: string): Promise<Practitioner | null>;
  /** Those of `ids` that exist, in any order. */
  findManyByIds(ids: string[]): Promise<Practitioner[]>;
  /** Inserts or refreshes the display name/email; agency and role are kept if the row exists. */
  upsert(p: Practitioner): Promise<Practitioner>;
  /** Sets a practitioner's agency and role (the administrator's registration). */
  setRole(id: string, agency: string, role: string): Promise<void>;
}
