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
    for (const id of fresh) seen.add(id);
    result.considered += fresh.length;
    await handleOneByOne(fresh, opts, result);
    if (due.length < opts.batch) break;
  }
  return result;
}

/**
 * {@link runIsolatedPass} with many items per transaction: a pass pays a transaction's fixed
 * cost (begin, commit, the batch's shared reads) once per `chunk` items instead of once per
 * item. Failure isolation is kept: when a chunk's transaction throws, nothing of it was
 * committed, and its items are handled again one at a time, each in its own transaction, so
 * only the item that really fails is reported and pushed back. Chunks commit one after the
 * other, so a crash between two loses nothing that committed and the next pass picks up the rest.
 */
export async function runBatchedIsolatedPass<Sent>(opts: {
  /** How many due items to read at a time. */
  batch: number;
  /** How many items go into one transaction (bounded, so one transaction never holds the writer long). */
  chunk: number;
  /** The ids of items due now, oldest first, at most `batch`. */
  listDue: () => Promise<string[]>;
  /** Handles several items in one transaction; throws (and commits nothing) if any of them fails. */
  handleMany: (ids: string[]) => Promise<Sent[]>;
  /** Handles one item (in its own transaction); null when it turned out to need nothing. */
  handle: (id: string) => Promise<Sent | null>;
  /** Moves a failed item's next attempt on. Its own failure is ignored. */
  pushBack: (id: string) => Promise<void>;
  /** Reports a failed item (ids only, never case content). */
  onFailure: (id: string, err: unknown) => void;
  /** Told when a chunk failed as a whole and is being retried one item at a time. */
  onChunkFailure?: (ids: string[], err: unknown) => void;
}): Promise<IsolatedPassResult<Sent>> {
  const result: IsolatedPassResult<Sent> = { sent: [], considered: 0, failed: 0 };
  const seen = new Set<string>();
  const chunk = Math.max(1, opts.chunk);
  for (;;) {
    const due = await opts.listDue();
    const fresh = due.filter((id) => !seen.has(id));
    if (!fresh.length) break;
    for (let i = 0; i < fresh.length; i += chunk) {
      const ids = fresh.slice(i, i + chunk);
      for (const id of ids) seen.add(id);
      result.considered += ids.length;
      try {
        result.sent.push(...(await opts.handleMany(ids)));
        continue;
      } catch (err) {
        opts.onChunkFailure?.(ids, err);
      }
      await handleOneByOne(ids, opts, result);
    }
    if (due.length < opts.batch) break;
  }
  return result;
}

/** Handles items one per transaction, catching each failure: reported, pushed back, and the rest go on. */
async function handleOneByOne<Sent>(
  ids: readonly string[],
  opts: { handle: (id: string) => Promise<Sent | null>; pushBack: (id: string) => Promise<void>; onFailure: (id: string, err: unknown) => void },
  result: IsolatedPassResult<Sent>,
): Promise<void> {
  for (const id of ids) {
    try {
      const sent = await opts.handle(id);
      if (sent) result.sent.push(sent);
    } catch (err) {
      result.failed++;
      opts.onFailure(id, err);
      await opts.pushBack(id).catch(() => undefined);
    }
  }
}
