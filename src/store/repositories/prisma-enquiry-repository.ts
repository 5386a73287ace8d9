import type { EnquiryDiscussionRow, EnquiryRepository } from "../../app/ports/enquiry";
import type { Section47Enquiry } from "../../domain/enquiry/section-47-enquiry";
import type { Tx } from "../prisma-client";

const toEnquiry = (r: Record<string, unknown>): Section47Enquiry => {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest as unknown as Section47Enquiry;
};
const toDiscussion = (r: Record<string, unknown>): EnquiryDiscussionRow => ({ meetingId: String(r.meetingId), enquiryId: String(r.enquiryId), role: r.role as EnquiryDiscussionRow["role"] });

/** Section 47 enquiries. */
export class PrismaEnquiryRepository implements EnquiryRepository {
  constructor(private readonly tx: Tx) {}

  async create(e: Section47Enquiry): Promise<void> {
    await this.tx.section47Enquiry.create({ data: e });
  }

  async update(e: Section47Enquiry): Promise<void> {
    const { id, ...rest } = e;
    await this.tx.section47Enquiry.update({ where: { id }, data: rest });
  }

  async findById(id: string): Promise<Section47Enquiry | null> {
    const r = await this.tx.section47Enquiry.findUnique({ where: { id } });
    return r ? toEnquiry(r) : null;
  }

  async listForCase(caseId: string): Promise<Section47Enquiry[]> {
    return (await this.tx.section47Enquiry.findMany({ where: { caseId }, orderBy: [{ startDate: "asc" }, { createdAt: "asc" }] })).map(toEnquiry);
  }

  async addDiscussion(d: EnquiryDiscussionRow): Promise<void> {
    await this.tx.section47Discussion.upsert({ where: { meetingId: d.meetingId }, create: d, update: {} });
  }

  async findDiscussion(meetingId: string): Promise<EnquiryDiscussionRow | null> {
    const r = await this.tx.section47Discussion.findUnique({ where: { meetingId } });
    return r ? toDiscussion(r) : null;
  }

  async listDiscussions(enquiryId: string): Promise<EnquiryDiscussionRow[]> {
    return (await this.tx.section47Discussion.findMany({ where: { enquiryId }, orderBy: { createdAt: "asc" } })).map(toDiscussion);
  }

  async removeDiscussion(meetingId: string): Promise<void> {
    await this.tx.section47Discussion.deleteMany({ where: { meetingId } });
  }
}
