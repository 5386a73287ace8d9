import { readFileSync } from "node:fs";
import path from "node:path";
import type { DeadlineColumn, DeadlineRow } from "../../../src/app/ports/deadline";
import { Prisma } from "../../../src/store/generated/prisma/client";
import { PrismaUnitOfWork } from "../../../src/store/prisma-unit-of-work";
import { rowSeal } from "../../../src/store/row-seal";
import { seedCase, teamsLink } from "../../helpers/nudge-fixtures";
import { createTestDatabase, testAuditKey, type TestDatabase } from "../../helpers/test-database";

// The nudge pass saves deadlines with one raw UPDATE per batch: `col = CASE "id" WHEN … END`
// for each changed column. PostgreSQL types such a CASE of bare parameters as text and refuses
// it for a timestamptz or integer column unless it is cast, so the repository keeps a list of
// casts; a DateTime or Int column added to Deadline without one would fail only on PostgreSQL,
// only in the pass. Here every updatable column is changed at once, with values and with nulls,
// on whichever database the suite runs (the PostgreSQL suite is the one this guards).

/** Deadline's columns and their Prisma types, read from the one data model. */
function deadlineColumnTypes(): Map<string, string> {
  const schema = readFileSync(path.resolve(__dirname, "../../../prisma/schema.prisma"), "utf8");
  const body = /model Deadline \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? "";
  const types = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^\s*(\w+)\s+(String|DateTime|Int|Boolean|Float)\??(\s|$)/.exec(line);
    if (m) types.set(m[1]!, m[2]!);
  }
  return types;
}

describe("the batched deadline update", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("convene-deadline-update-many");
  });
  afterAll(() => db.dispose());

  it("writes every updatable column, values and nulls, and seals each row as stored", async () => {
    const types = deadlineColumnTypes();
    // Every column the app may update (DeadlineColumn: all but id and createdAt), from the generated client.
    const columns = Object.values(Prisma.DeadlineScalarFieldEnum).filter((c) => !["id", "createdAt", "seal"].includes(c)) as DeadlineColumn[];
    expect(columns.length).toBeGreaterThan(15);
    for (const c of columns) expect({ c, type: types.get(c) }).toEqual({ c, type: expect.stringMatching(/^(String|DateTime|Int)$/) });
    expect(columns.filter((c) => types.get(c) !== "String")).toEqual(expect.arrayContaining(["closedAt", "nextNudgeAt", "workingDaysTaken"]));

    const uow = new PrismaUnitOfWork(db.prisma, testAuditKey(db.url));
    const base = (id: string, caseId: string): DeadlineRow => ({
      id, caseId, rule: "icpc", sourceKind: "strategy-discussion", sourceId: `src-${id}`, sourceDate: "2027-01-04", dueDate: "2027-01-25", status: "open",
      waivedReason: null, closedAt: null, closedByMeetingId: null, workingDaysTaken: null, nextNudgeAt: new Date("2027-01-11T09:00:00Z"), lastNudgeStage: "created", actionId: null,
      closedOn: null, closedById: null, closingEvent: null, closeReason: null, closeDetail: null, createdAt: new Date("2027-01-04T10:00:00Z"),
    });
    const stored = await uow.run(async (repos) => {
      await seedCase(repos, { caseId: "c1", reference: "CS-2027-0001", links: [teamsLink("L1", "c1")] });
      await seedCase(repos, { caseId: "c2", reference: "CS-2027-0002", links: [teamsLink("L2", "c2")] });
      return [await repos.deadlines.createIfAbsent(base("d1", "c1")), await repos.deadlines.createIfAbsent(base("d2", "c1"))];
    });

    // d1: every column set to a new value of its type; d2: every nullable column emptied, the rest changed.
    const value = (c: string, i: number): unknown =>
      c === "caseId" ? "c2"
      : types.get(c) === "DateTime" ? new Date(Date.UTC(2027, 1, 3 + i, 13, 7, 11, 123))
      : types.get(c) === "Int" ? 40 + i
      : `${c}-changed`;
    const nullable = new Set(Object.entries(base("x", "c1")).filter(([, v]) => v === null).map(([k]) => k));
    const changed = stored.map((row, r) => {
      const next: Record<string, unknown> = { ...row };
      columns.forEach((c, i) => {
        next[c] = r === 1 && nullable.has(c) ? null : c === "sourceId" ? `src-${row.id}-changed` : value(c, i);
      });
      return next as unknown as DeadlineRow;
    });
    await uow.run((repos) => repos.deadlines.updateMany(changed, columns));

    const after = await db.prisma.deadline.findMany({ where: { id: { in: ["d1", "d2"] } }, orderBy: { id: "asc" } });
    const key = testAuditKey(db.url);
    for (const [r, row] of after.entries()) {
      const { seal, ...rest } = row;
      expect(rest).toEqual({ ...changed[r], createdAt: stored[r]!.createdAt });
      // `convene audit verify` recomputes the seal over the stored columns: it must match.
      expect(seal).toBe(rowSeal("Deadline", rest, key));
    }
  });
});
