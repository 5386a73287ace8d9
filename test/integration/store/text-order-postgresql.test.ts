import { randomBytes } from "node:crypto";
import { dutyContactFor } from "../../../src/domain/agency/agency-directory";
import { applyMigrations } from "../../../src/store/migration-runner";
import { connectPostgres, postgresUrlFor } from "../../../src/store/postgres-connection";
import { createPrismaClient, type PrismaClient } from "../../../src/store/prisma-client";
import { PrismaUnitOfWork } from "../../../src/store/prisma-unit-of-work";
import { seedCase } from "../../helpers/nudge-fixtures";
import { dropTestDatabase, TEST_AUDIT_KEY, TEST_POSTGRES_URL } from "../../helpers/test-database";

// SQLite orders text by its bytes; PostgreSQL by the database's collation, and production
// databases are usually created en_GB or en_US (case folded, punctuation weighed last), not C
// as the test server is. Lists whose order shows or decides something must read the same on
// both: here on a database collated by ICU en-GB, where "nhs.uk" sorts before "NHSX.uk".
// Runs when CONVENE_TEST_POSTGRES_URL names a server.
const maybe = TEST_POSTGRES_URL ? describe : describe.skip;

maybe("text order on a PostgreSQL database collated en-GB", () => {
  let url: string;
  let prisma: PrismaClient;
  beforeAll(async () => {
    const name = `convene_t_icu_${randomBytes(6).toString("hex")}`;
    const admin = await connectPostgres(TEST_POSTGRES_URL!);
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-GB' LOCALE 'C.UTF-8'`);
    } finally {
      await admin.end();
    }
    url = postgresUrlFor(TEST_POSTGRES_URL!, name);
    await applyMigrations(url);
    prisma = createPrismaClient(url);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    if (url) await dropTestDatabase(url);
  });

  it("the database really collates en-GB: its own ORDER BY differs from byte order", async () => {
    const rows = await prisma.$queryRawUnsafe<Array<{ v: string }>>(`SELECT "v" FROM (VALUES ('NHSX.uk'), ('nhs.uk')) AS t("v") ORDER BY "v"`);
    expect(rows.map((r) => r.v)).toEqual(["nhs.uk", "NHSX.uk"]);
  });

  it("lists the agency directory in byte order, so the first duty contact is SQLite's", async () => {
    const uow = new PrismaUnitOfWork(prisma, TEST_AUDIT_KEY);
    const entries = await uow.run(async (repos) => {
      await repos.agencyDirectory.put({ match: "email-domain", value: "nhs.uk", agency: "health", dutyContact: "Health duty desk B" });
      await repos.agencyDirectory.put({ match: "email-domain", value: "NHSX.uk", agency: "health", dutyContact: "Health duty desk A" });
      return repos.agencyDirectory.list();
    });
    expect(entries.map((e) => e.value)).toEqual(["NHSX.uk", "nhs.uk"]);
    expect(dutyContactFor(entries, "health")).toBe("Health duty desk A");
  });

  it("lists a tenant's cases in byte order of reference (the census's row order)", async () => {
    const uow = new PrismaUnitOfWork(prisma, TEST_AUDIT_KEY);
    const refs = await uow.run(async (repos) => {
      for (const [id, reference] of [["c1", "cs-2026-0141"], ["c2", "CS-2026-0142"], ["c3", "CS-2026-0140"]] as const) await seedCase(repos, { caseId: id, reference, links: [] });
      return (await repos.cases.listForTenant("t1")).map((c) => c.reference);
    });
    expect(refs).toEqual(["CS-2026-0140", "CS-2026-0142", "cs-2026-0141"]);
  });
});
