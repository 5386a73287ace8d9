/** Command keys already applied, so a redelivered command changes nothing. */
export interface ProcessedCommandRepository {
  /** Records the key; returns the stored response if the key was already processed. */
  claim(key: string): Promise<{ fresh: true } | { fresh: false; response: string | null }>;
  /** Stores the response to return when the same key comes again. */
  saveResponse(key: string, response: string): Promise<void>;
  /** Retention: deletes up to `limit` keys recorded before `cutoff`, oldest first; returns how many went. */
  deleteBefore(cutoff: Date, limit: number): Promise<number>;
}
