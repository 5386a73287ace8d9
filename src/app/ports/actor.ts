/** A chat platform Convene speaks to. The playground speaks Teams (real Bot Framework activities). */
export type Platform = "teams" | "slack";

/** Who is acting, as the platform says (never as a card says). */
export interface ActorIdentity {
  /** The platform the request came from. */
  platform: Platform;
  /** Teams tenant id, Slack team id; "local" in the playground. */
  tenant: string;
  /** Teams aadObjectId, Slack user id. */
  userId: string;
  /** The platform's display name (for rosters only). */
  displayName: string;
  /** The email or UPN the platform reports, when it does. */
  email?: string | null;
  /**
   * The person's own organisation, as the platform reports it: their Entra tenant (Teams
   * member record) or their Slack team (a Slack Connect partner's). The agency directory matches on it.
   */
  homeTenant?: string | null;
}
