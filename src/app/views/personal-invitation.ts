import type { Practitioner } from "../ports/practitioner";
import { INVITEE_ROLE_LABELS, type Invitation } from "../../domain/invitation/invitation";
import type { ChannelLink } from "../ports/channel-link";
import type { Repositories } from "../ports/unit-of-work";
import type { ChaseView } from "./view-models";

/** What a personal invitation says besides the row: the meeting as the roster shows it. */
export interface PersonalInvitationContext {
  meetingId: string;
  caseReference: string;
  kindTitle: string;
  whenLabel: string;
  /** Who invited them, by name. */
  invitedBy: string;
  /** The case's channels: the message goes through one of the invitee's own platform. */
  links: readonly ChannelLink[];
  now: Date;
  /** Distinguishes this invitation from an earlier one to the same row (a row given to someone else). */
  cause?: string;
}

/**
 * Tells a named invitee personally (a Teams personal chat, a Slack DM), with the answer buttons,
 * through a case channel of their own platform. Nobody is invited personally by themselves, and
 * someone on a platform the case has no channel on is told in the channel only. Case reference
 * only, never a child's name.
 */
export async function enqueuePersonalInvitation(repos: Repositories, i: Invitation, person: Practitioner, ctx: PersonalInvitationContext): Promise<void> {
  const link = ctx.links.find((l) => l.platform === person.platform);
  if (!link) return;
  const view: ChaseView = {
    invitationId: i.id, meetingId: ctx.meetingId, caseReference: ctx.caseReference, kindTitle: ctx.kindTitle, roleLabel: INVITEE_ROLE_LABELS[i.role], inviteeLabel: i.inviteeLabel,
    whenLabel: ctx.whenLabel, count: 0, escalated: false, mentions: [], dutyContact: null,
    prompt: `${ctx.invitedBy} invited you for the ${INVITEE_ROLE_LABELS[i.role]} row. Accept only if you can make decisions for your agency; the roster card is in the case channel.`,
  };
  const key = `meeting/${ctx.meetingId}/invite/${i.id}${ctx.cause ? `/${ctx.cause}` : ""}`;
  await repos.outbox.enqueue({ idempotencyKey: key, channelLinkId: link.id, operation: "post", payload: { type: "chase", view }, availableAt: ctx.now, directTo: person.platformUserId });
}
