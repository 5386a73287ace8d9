/** What one pass did. */
export interface IsolatedPassResult<Sent> {
  /** What each item's handling returned, where it sent something. */
  sent: Sent[];
  /** Items looked at. */
  considered: number;
  /** Items whose handling threw (each was pushed back; the others went on). */
  failed: number;
}

/**
 * The scheduler's loop, shared by the nudge and chase passes: read what is due in batches,
 * handle each item in its own transaction, and catch failures per item so one bad row never
 * stops the others (the Netflix/dispatch pattern). A failed item is pushed back a little, so a
 * poisoned row cannot hog the head of every pass. An item seen once is not handled twice in a pass.
 */
export async function runIsolatedPass<Sent>(opts: {
  /** How many due items to read at a time. */
  batch: number;
  /** The ids of items due now, oldest first, at most `batch`. */
  listDue: () => Promise<string[]>;
  /** Handles one item (in its own transaction); null when it turned out to need nothing. */
  handle: (id: string) => Promise<Sent | null>;
  /** Moves a failed item's next attempt on. Its own failure is ignored. */
  pushBack: (id: string) => Promise<void>;
  /** Reports a failed item (ids only, never case content). */
  onFailure: (id: string, err: unknown) => void;
}): Promise<IsolatedPassResult<Sent>> {
  const result: IsolatedPassResult<Sent> = { sent: [], considered: 0, failed: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = await opts.listDue();
    const fresh = due.filter((id) => !seen.has(id));
    if (!fresh.length) break;
    for (const id of fresh) {
      seen.add(id);
      result.considered++;
      try {
        const sent = await opts.handle(id);
        if (sent) result.sent.push(sent);
      } catch (err) {
        result.failed++;
        opts.onFailure(id, err);
        await opts.pushBack(id).catch(() => undefined);
      }
    }
    if (due.length < opts.batch) break;
  }
  return result;
}
