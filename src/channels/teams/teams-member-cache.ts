import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from "botbuilder";
import type { Clock } from "../../domain/shared/clock";

/** How long a member record or a conversation's member list is reused. */
export const TEAMS_MEMBER_TTL_MS = 60_000;
/** Most entries kept; the oldest go first. A member list counts as one. */
export const TEAMS_MEMBER_CACHE_SIZE = 2_000;

/**
 * Connector member lookups (getMember, getMembers), reused for a minute, as Slack's
 * directory reuses users.info. Every press of a roster button needed both (who pressed, and
 * the members for the card's pickers and refresh list), and every roster update the
 * dispatcher sends needed the list again: two connector round trips per press, each a
 * chance of a 429. A minute is short enough that someone added to or removed from the
 * conversation is seen almost at once; identity itself never comes from the cache's age,
 * only from the authenticated sender id the record is keyed by.
 *
 * Failures are not cached (the next turn asks again), and only one lookup per key is in
 * flight at a time, so a burst of presses makes one call.
 */
export class TeamsMemberCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = TEAMS_MEMBER_TTL_MS,
    private readonly maxEntries = TEAMS_MEMBER_CACHE_SIZE,
  ) {}

  /** One member of the turn's conversation (TeamsInfo.getMember), by Teams user id or Entra object id. */
  member(context: TurnContext, userId: string): Promise<TeamsChannelAccount> {
    return this.cached(`${conversationKey(context)}\u0000member\u0000${userId}`, () => TeamsInfo.getMember(context, userId));
  }

  /** Every member of the turn's conversation (TeamsInfo.getMembers). */
  members(context: TurnContext): Promise<TeamsChannelAccount[]> {
    return this.cached(`${conversationKey(context)}\u0000members`, () => TeamsInfo.getMembers(context));
  }

  /** A member from the conversation's list if it is already cached: no call, and null when not known. */
  async knownMember(context: TurnContext, userId: string): Promise<TeamsChannelAccount | null> {
    const hit = this.fresh(`${conversationKey(context)}\u0000members`);
    if (!hit) return null;
    const list = (await hit.catch(() => [])) as TeamsChannelAccount[];
    return list.find((m) => m.id === userId) ?? null;
  }

  private fresh(key: string): Promise<unknown> | null {
    const hit = this.entries.get(key);
    if (!hit) return null;
    if (this.clock.now().getTime() - hit.at < this.ttlMs) return hit.value;
    this.entries.delete(key);
    return null;
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.fresh(key);
    if (hit) return hit as Promise<T>;
    const value = load();
    this.entries.set(key, { at: this.clock.now().getTime(), value });
    // Forget a failure at once, so the next turn asks the connector again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}

/**
 * The conversation a turn belongs to, across the threads of one channel ("<channel id>;messageid=…"
 * share their members), under the service that answers for it.
 */
function conversationKey(context: TurnContext): string {
  const a = context.activity;
  return `${a.serviceUrl ?? ""}\u0000${(a.conversation?.id ?? "").split(";")[0] ?? ""}`;
}

// One cache per running server (its bot and its gateway share it), found from the server's context.
const caches = new WeakMap<object, TeamsMemberCache>();

/** The member cache of `owner` (a server context), made on first use with its clock. */
export function teamsMemberCacheFor(owner: { clock: Clock }): TeamsMemberCache {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new TeamsMemberCache(owner.clock);
    caches.set(owner, cache);
  }
  return cache;
}
