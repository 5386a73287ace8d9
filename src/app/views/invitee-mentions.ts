import { answeringPractitionerId, type Invitation } from "../../domain/invitation/invitation";
import type { Repositories } from "../ports/unit-of-work";
import type { MentionView } from "./view-models";

/** The people answering for these rows (delegate, claimant or named invitee), as mentions on their own platform. */
export async function inviteeMentions(repos: Repositories, rows: readonly Invitation[]): Promise<MentionView[]> {
  const ids = [...new Set(rows.map(answeringPractitionerId).filter((x): x is string => Boolean(x)))];
  const people = ids.length ? await repos.practitioners.findManyByIds(ids) : [];
  return people.map((p) => ({ platform: p.platform, platformUserId: p.platformUserId, displayName: p.displayName }));
}
