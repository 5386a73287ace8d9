import type { Section47Enquiry } from "../enquiry/section-47-enquiry";
import type { IsoDate } from "../shared/iso-date";

/**
 * The Children in Need census dates Convene can supply for one child protection process (a
 * section 47 enquiry and what followed it), as DOMAIN.md's "National measures" lists them.
 */
export interface CensusRow {
  /** The case reference (never the child's name). */
  caseReference: string;
  /** N00148: the day the section 47 enquiry started. */
  s47StartDate: IsoDate;
  /** N00109: the day the initial conference was due (15 working days from the s47 start). */
  icpcTargetDate: IsoDate | null;
  /** N00110: the day the initial conference was held. */
  icpcDate: IsoDate | null;
  /** The plan's start: the initial conference's date, when it made a plan. */
  planStartDate: IsoDate | null;
  /** The plan's category of abuse, as the conference recorded it. */
  planCategory: string | null;
  /** The plan's end: a review that ended it, or the end recorded with its reason. */
  planEndDate: IsoDate | null;
  /** Review conferences held while the plan lasted, oldest first. */
  reviewDates: IsoDate[];
  /** Working days from the s47 start to the initial conference (LG Inform metric 3217). */
  workingDaysToIcpc: number | null;
  /** Whether the initial conference was held within its timescale: met or missed (empty while it is not yet held). */
  icpcTimeliness: "met" | "missed" | null;
}

/** The facts of one clock the census reads. */
export interface CensusClock {
  /** The rule id. */
  rule: string;
  /** What it counts from (for the initial conference clock: the enquiry's id). */
  sourceId: string;
  /** Its due date. */
  dueDate: IsoDate;
  /** open, met, missed or waived. */
  status: string;
  /** The closing event's own date. */
  closedOn: IsoDate | null;
  /** The meeting whose holding closed it. */
  closedByMeetingId: string | null;
  /** Working days from its start to its closing event. */
  workingDaysTaken: number | null;
}

/** A held conference and what its latest record says about the plan. */
export interface CensusConference {
  /** The meeting's id. */
  meetingId: string;
  /** Which conference. */
  kind: "icpc" | "review-conference" | "transfer-in-conference";
  /** The day it was held. */
  heldOn: IsoDate;
  /** For an initial or transfer-in conference: whether it made a plan. */
  plan?: boolean;
  /** The plan's category, when it made one. */
  category?: string;
  /** For a review: whether the plan continues or ends. */
  reviewOutcome?: "continues" | "ends";
}

/** Everything about a case the census reads. */
export interface CensusCaseFacts {
  /** The case reference. */
  caseReference: string;
  /** Its section 47 enquiries. */
  enquiries: readonly Section47Enquiry[];
  /** Its clocks. */
  clocks: readonly CensusClock[];
  /** Its held conferences. */
  conferences: readonly CensusConference[];
  /** Plan ends recorded with a reason (the day each took effect). */
  planEnds: readonly IsoDate[];
}

/** The reporting period: a process is in it if it started on or before `to` and had not ended before `from`. */
export interface CensusPeriod {
  /** First day. */
  from: IsoDate;
  /** Last day. */
  to: IsoDate;
}

/** One row per child protection process (section 47 enquiry) on the case that falls in the period. */
export function censusRowsForCase(facts: CensusCaseFacts, period: CensusPeriod): CensusRow[] {
  const rows: CensusRow[] = [];
  const enquiries = facts.enquiries.filter((e) => e.status !== "withdrawn").slice().sort((a, b) => a.startDate.localeCompare(b.startDate));
  for (const e of enquiries) {
    const clock = facts.clocks.find((c) => c.rule === "icpc" && c.sourceId === e.id);
    const held = clock && (clock.status === "met" || clock.status === "missed") && clock.closedOn ? clock : null;
    const icpc = held ? facts.conferences.find((m) => m.meetingId === held.closedByMeetingId) : undefined;
    const planStart = icpc?.plan ? icpc.heldOn : null;
    let planEnd: IsoDate | null = null;
    const reviews: IsoDate[] = [];
    if (planStart) {
      const endedByReview = facts.conferences
        .filter((m) => m.kind === "review-conference" && m.reviewOutcome === "ends" && m.heldOn >= planStart)
        .map((m) => m.heldOn);
      const ends = [...endedByReview, ...facts.planEnds.filter((d) => d >= planStart)].sort();
      planEnd = ends[0] ?? null;
      for (const m of facts.conferences) {
        if (m.kind === "review-conference" && m.heldOn > planStart && (planEnd === null || m.heldOn <= planEnd)) reviews.push(m.heldOn);
      }
      reviews.sort();
    }
    // Ended without a plan: the enquiry's own outcome is the end, for the period test.
    const ended = planEnd ?? (planStart ? null : e.status === "closed" ? (held?.closedOn ?? e.outcomeDate) : null);
    if (e.startDate > period.to || (ended !== null && ended < period.from)) continue;
    rows.push({
      caseReference: facts.caseReference,
      s47StartDate: e.startDate,
      icpcTargetDate: clock?.dueDate ?? null,
      icpcDate: held?.closedOn ?? null,
      planStartDate: planStart,
      planCategory: planStart ? (icpc?.category ?? null) : null,
      planEndDate: planEnd,
      reviewDates: reviews,
      workingDaysToIcpc: held?.workingDaysTaken ?? null,
      icpcTimeliness: held ? (held.status as "met" | "missed") : null,
    });
  }
  return rows;
}

/** The census's codes for the categories of abuse a plan is made under. */
export const CENSUS_CATEGORY_CODES: Readonly<Record<string, string>> = {
  neglect: "NEG",
  physical: "PHY",
  emotional: "EMO",
  sexual: "SAB",
  multiple: "MUL",
};

/**
 * The CSV header: each column named after its census item (the item's code where DOMAIN.md
 * gives one). Case systems map columns by these names.
 */
export const CENSUS_COLUMNS: readonly { header: string; value: (r: CensusRow) => string }[] = [
  { header: "Case reference", value: (r) => r.caseReference },
  { header: "N00148 S47 start date", value: (r) => r.s47StartDate },
  { header: "N00109 ICPC target date", value: (r) => r.icpcTargetDate ?? "" },
  { header: "N00110 ICPC date", value: (r) => r.icpcDate ?? "" },
  { header: "CPP start date", value: (r) => r.planStartDate ?? "" },
  { header: "CPP category of abuse", value: (r) => (r.planCategory ? (CENSUS_CATEGORY_CODES[r.planCategory] ?? r.planCategory) : "") },
  { header: "CPP end date", value: (r) => r.planEndDate ?? "" },
  { header: "CPP review dates", value: (r) => r.reviewDates.join(";") },
  { header: "Working days S47 start to ICPC", value: (r) => (r.workingDaysToIcpc === null ? "" : String(r.workingDaysToIcpc)) },
  { header: "ICPC within 15 working days", value: (r) => r.icpcTimeliness ?? "" },
];

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The header line of the census CSV. */
export function censusCsvHeader(): string {
  return CENSUS_COLUMNS.map((c) => csvField(c.header)).join(",");
}

/** One census row as a CSV line. */
export function censusCsvLine(r: CensusRow): string {
  return CENSUS_COLUMNS.map((c) => csvField(c.value(r))).join(",");
}
