import { censusRowsForCase, type CensusConference, type CensusPeriod, type CensusRow } from "../../domain/census/cin-census";
import { DomainError } from "../../domain/shared/domain-error";
import { isoDateInLondon, parseIsoDate } from "../../domain/shared/iso-date";
import type { Repositories, UnitOfWork } from "../ports/unit-of-work";
import type { Case } from "../../domain/case/case-reference";

/** What the census extract is asked for. */
export interface CensusRequest {
  /** The Teams tenant id or Slack team id whose cases are read. */
  tenant: string;
  /** First day of the period (YYYY-MM-DD). */
  from: string;
  /** Last day of the period (YYYY-MM-DD). */
  to: string;
  /** Told after each case, so a long run can report progress (never case content). */
  onProgress?: (done: number, total: number) => void;
  /** Given each case's rows as soon as they are read, so a long run streams instead of holding every row. */
  onRows?: (rows: CensusRow[]) => void;
}

/**
 * Reads the CIN census dates Convene knows for every child protection process in a tenant that
 * falls in the period. Each case is read in its own short transaction, so a long run never
 * holds the database, and a case that cannot be read stops the run with its reference named.
 */
export async function censusExtract(deps: { uow: UnitOfWork }, req: CensusRequest): Promise<{ rows: number; cases: number }> {
  const period: CensusPeriod = { from: parseIsoDate(req.from), to: parseIsoDate(req.to) };
  if (period.from > period.to) throw new DomainError("PERIOD_BACKWARDS", `--from ${period.from} is after --to ${period.to}.`);
  const cases = await deps.uow.run((repos) => repos.cases.listForTenant(req.tenant));
  let rows = 0;
  for (const [i, c] of cases.entries()) {
    const found = await deps.uow.run((repos) => rowsForCase(repos, c, period));
    rows += found.length;
    if (found.length) req.onRows?.(found);
    req.onProgress?.(i + 1, cases.length);
  }
  return { rows, cases: cases.length };
}

async function rowsForCase(repos: Repositories, c: Case, period: CensusPeriod): Promise<CensusRow[]> {
  const enquiries = await repos.enquiries.listForCase(c.id);
  if (!enquiries.length) return [];
  const clocks = await repos.deadlines.listForCase(c.id);
  const records = await repos.records.listForCase(c.id);
  const conferences: CensusConference[] = [];
  for (const m of await repos.meetings.listForCase(c.id)) {
    if (!m.heldAt || (m.kind !== "icpc" && m.kind !== "review-conference" && m.kind !== "transfer-in-conference")) continue;
    const latest = records.filter((r) => r.meetingId === m.id).sort((a, b) => b.version - a.version)[0];
    const payload = (latest?.payload ?? {}) as { plan?: unknown; category?: unknown; outcome?: unknown };
    conferences.push({
      meetingId: m.id,
      kind: m.kind,
      heldOn: isoDateInLondon(m.heldAt),
      ...(typeof payload.plan === "boolean" ? { plan: payload.plan } : {}),
      ...(typeof payload.category === "string" ? { category: payload.category } : {}),
      ...(payload.outcome === "continues" || payload.outcome === "ends" ? { reviewOutcome: payload.outcome } : {}),
    });
  }
  return censusRowsForCase(
    {
      caseReference: c.reference,
      enquiries,
      clocks: clocks.map((d) => ({ rule: d.rule, sourceId: d.sourceId, dueDate: d.dueDate, status: d.status, closedOn: d.closedOn ?? null, closedByMeetingId: d.closedByMeetingId, workingDaysTaken: d.workingDaysTaken })),
      conferences,
      // Plan ends recorded with their reason; a review conference that ended the plan is read from its record above.
      planEnds: (await repos.planEnds.listForCase(c.id)).map((e) => e.endedOn),
    },
    period,
  );
}
