/** An agreed action. */
export interface ActionRow {
  /** The action's id. */
  id: string;
  /** The case it belongs to. */
  caseId: string;
  /** The meeting that agreed it, if any. */
  meetingId: string | null;
  /** Who owns it, as written in the record. */
  ownerLabel: string;
  /** The owner as a practitioner, when they are one (for nudges and mentions). */
  ownerPractitionerId: string | null;
  /** What will be done. */
  description: string;
  /** Due date (ISO date, Europe/London). */
  dueDate: string;
  /** Whether it is still to do. */
  status: "open" | "done" | "cancelled";
}

/** Agreed actions. */
export interface ActionRepository {
  /** Inserts an action. */
  create(a: ActionRow): Promise<void>;
  /** Saves a changed action. */
  update(a: ActionRow): Promise<void>;
  /** A case's open actions. */
  listOpenForCase(caseId: string): Promise<ActionRow[]>;
  /** The open actions this practitioner owns, soonest due first, across every case. */
  listOpenForOwner(practitionerId: string): Promise<ActionRow[]>;
  /** Every action on a case. */
  listForCase(caseId: string): Promise<ActionRow[]>;
  /** The action with this id, or null. */
  findById(id: string): Promise<ActionRow | null>;
  /** The actions with these ids (any order; missing ids are simply absent). */
  findManyByIds(ids: string[]): Promise<ActionRow[]>;
}
