import type { Section47Enquiry } from "../../domain/enquiry/section-47-enquiry";

/** Which enquiry a strategy discussion belongs to, and whether it started it. */
export interface EnquiryDiscussionRow {
  /** The strategy discussion. */
  meetingId: string;
  /** The enquiry it initiated or continued. */
  enquiryId: string;
  /** initiated: its decision started the enquiry; continued: it was held while the enquiry was open. */
  role: "initiated" | "continued";
}

/** Section 47 enquiries and the strategy discussions that belong to them. */
export interface EnquiryRepository {
  /** Inserts an enquiry. */
  create(e: Section47Enquiry): Promise<void>;
  /** Saves a changed enquiry. */
  update(e: Section47Enquiry): Promise<void>;
  /** The enquiry with this id, or null. */
  findById(id: string): Promise<Section47Enquiry | null>;
  /** Every enquiry on a case, oldest start first. */
  listForCase(caseId: string): Promise<Section47Enquiry[]>;
  /** Records that a discussion belongs to an enquiry (once per discussion). */
  addDiscussion(d: EnquiryDiscussionRow): Promise<void>;
  /** The enquiry a discussion belongs to, if any. */
  findDiscussion(meetingId: string): Promise<EnquiryDiscussionRow | null>;
  /** Every discussion of an enquiry. */
  listDiscussions(enquiryId: string): Promise<EnquiryDiscussionRow[]>;
  /** Forgets a discussion's link (its record was amended to no section 47). */
  removeDiscussion(meetingId: string): Promise<void>;
}
