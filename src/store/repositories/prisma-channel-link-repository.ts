import type { ChannelLink, ChannelLinkRepository } from "../../app/ports/channel-link";
import type { Platform } from "../../app/ports/actor";
import type { Tx } from "../prisma-client";

const toLink = (r: { id: string; caseId: string; platform: string; conversationId: string; conversationRef: string }): ChannelLink => ({
  id: r.id, caseId: r.caseId, platform: r.platform as Platform, conversationId: r.conversationId, conversationRef: r.conversationRef,
});

/** Conversations linked to cases. */
export class PrismaChannelLinkRepository implements ChannelLinkRepository {
  constructor(private readonly tx: Tx) {}

  async findByConversation(platform: Platform, conversationId: string): Promise<ChannelLink | null> {
    const r = await this.tx.channelLink.findUnique({ where: { platform_conversationId: { platform, conversationId } } });
    return r ? toLink(r) : null;
  }

  async findById(id: string): Promise<ChannelLink | null> {
    const r = await this.tx.channelLink.findUnique({ where: { id } });
    return r ? toLink(r) : null;
  }

  async listForCase(caseId: string): Promise<ChannelLink[]> {
    return (await this.tx.channelLink.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } })).map(toLink);
  }

  async listForCases(caseIds: string[]): Promise<ChannelLink[]> {
    if (!caseIds.length) return [];
    return (await this.tx.channelLink.findMany({ where: { caseId: { in: caseIds } }, orderBy: { createdAt: "asc" } })).map(toLink);
  }

  async upsert(link: ChannelLink): Promise<ChannelLink> {
    const r = await this.tx.channelLink.upsert({
      where: { platform_conversationId: { platform: link.platform, conversationId: link.conversationId } },
      create: link,
      update: { caseId: link.caseId, conversationRef: link.conversationRef },
    });
    return toLink(r);
  }
}
