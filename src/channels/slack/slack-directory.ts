import type { WebClient } from "@slack/web-api";
import type { ActorIdentity } from "../../app/ports/actor";
import type { Clock } from "../../domain/shared/clock";
import { DomainError } from "../../domain/shared/domain-error";

/** A Slack user as users.info describes them. */
export interface SlackPerson {
  userId: string;
  displayName: string;
  email: string | null;
  isBot: boolean;
  /** Their own Slack team: a Slack Connect partner's differs from the installation's. */
  teamId: string | null;
}

/** Convene's own installation, from auth.test. */
export interface SlackInstallation {
  teamId: string;
  botUserId: string;
  botId?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TTL_MS = 5 * 60 * 1000;

/**
 * Resolves Slack user ids to names and emails through users.info, never from typed text or
 * payload fields such as `user_name` (deprecated, and the user can change it). Answers are
 * cached briefly so one modal submission with five invitees stays well inside Tier 4 limits.
 */
export class SlackDirectory {
  private readonly cache = new Map<string, { at: number; person: SlackPerson }>();
  private install: Promise<SlackInstallation> | null = null;

  constructor(
    private readonly client: WebClient,
    private readonly clock: Clock,
  ) {}

  /**
   * Who Convene is in Slack (auth.test): the workspace it is installed in and its bot user.
   * Only success is cached. Bolt's own start-up auth.test caches a failure for the life of
   * the process (and rejects unhandled when Slack is unreachable at boot), so Convene
   * authorises Bolt through this instead.
   */
  installation(): Promise<SlackInstallation> {
    if (!this.install) {
      this.install = this.client.auth.test().then((r) => {
        if (!r.ok || !r.team_id || !r.user_id) throw new Error("auth.test returned no team or bot user");
        return { teamId: r.team_id, botUserId: r.user_id, ...(r.bot_id ? { botId: r.bot_id } : {}) };
      });
      this.install.catch(() => {
        this.install = null; // try again on the next request
      });
    }
    return this.install;
  }

  /**
   * The tenant of every Slack identity and case: the workspace Convene is installed in.
   * Slack user ids are unique across workspaces, so Slack Connect guests keep one identity
   * whichever side's team id a payload happens to carry.
   */
  async teamId(): Promise<string> {
    return (await this.installation()).teamId;
  }

  /** Looks a user up (cached for five minutes). Throws DomainError USER_NOT_FOUND. */
  async person(userId: string): Promise<SlackPerson> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(userId);
    if (hit && now - hit.at < TTL_MS) return hit.person;
    const r = await this.client.users.info({ user: userId }).catch((err: { data?: { error?: string } }) => {
      const code = err.data?.error;
      if (code === "user_not_found" || code === "user_not_visible") return { ok: false as const, user: undefined };
      throw err;
    });
    const u = r.user;
    if (!r.ok || !u?.id) throw new DomainError("USER_NOT_FOUND", "Slack could not find that person. Pick them again.");
    const p = u.profile ?? {};
    const displayName = (p.display_name || p.real_name || u.real_name || u.name || u.id).trim().slice(0, 200) || u.id;
    const email = p.email && EMAIL.test(p.email) ? p.email : null;
    const person: SlackPerson = { userId: u.id, displayName, email, isBot: Boolean(u.is_bot), teamId: u.team_id ?? null };
    this.cache.set(userId, { at: now, person });
    return person;
  }

  /** The command actor for a Slack user id. */
  async actor(userId: string): Promise<ActorIdentity> {
    const [person, tenant] = await Promise.all([this.person(userId), this.teamId()]);
    return { platform: "slack", tenant, userId: person.userId, displayName: person.displayName, email: person.email, homeTenant: person.teamId ?? tenant };
  }
}
