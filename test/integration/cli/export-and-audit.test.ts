import { readFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../../../src/cli/cli-errors";
import { COMMANDS } from "../../../src/cli/main";
import { fixedClock } from "../../../src/domain/shared/clock";
import { formFor, parseRecordForm, recordToFormValues } from "../../../src/domain/decision-record/record-form";
import { buildDecisionRecordView } from "../../../src/app/views/decision-record-view";
import { renderDecisionRecordCard } from "../../../src/cards/decision-record.card";
import { decisionRecordModal } from "../../../src/cards/slack/decision-record.blocks";
import { escapeAdaptiveText } from "../../../src/cards/escape-adaptive-text";
import { escapeMrkdwn } from "../../../src/cards/slack/escape-mrkdwn";
import { strategyFormValuesFixture } from "../../fixtures/strategy-record.fixture";
import { seedRecordedStrategyCase } from "../../helpers/seed-strategy-case";
import { createTestDatabase, databaseEnv, type TestDatabase } from "../../helpers/test-database";

describe("convene export and convene audit verify, on a real database", () => {
  let db: TestDatabase;
  const cli = (...argv: string[]) => runCli(argv, { commands: COMMANDS, env: { DATABASE_URL: db.url, ...databaseEnv(db.url), CONVENE_TENANT: "t1" } });

  beforeAll(async () => {
    db = await createTestDatabase("cli-export");
    await seedRecordedStrategyCase(db.uow, fixedClock("2026-11-23T15:00:00Z"));
  });
  afterAll(() => db.dispose());

  it("round-trips a strategy record: form → stored record → card → JSON export, every field intact", async () => {
    const out = path.join(db.dir, "case.json");
    const r = await cli("export", "CS-2026-0142", "--by", "Sam Okafor", "--format", "json", "--out", out);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.caseReference).toBe("CS-2026-0142");
    const exported = json.meetings[0].records[0].payload;
    const parsed = parseRecordForm("strategy-discussion", strategyFormValuesFixture, {
      attendees: exported.attendees, // the roster supplied these at record time
    });
    expect(parsed.ok).toBe(true);
    expect(exported).toEqual(JSON.parse(JSON.stringify(parsed.ok && parsed.record)));
    expect(json.deadlines.map((d: { rule: string }) => d.rule)).toContain("icpc");

    // The card step: the stored record's document shows every answer the record holds, under
    // the label the recorder saw (lists as tables), on both Teams and Slack.
    const meeting = { id: "m", caseId: "c", kind: "strategy-discussion" as const, status: "recorded" as const, concern: "x", urgency: "today" as const, scheduledAt: null, mode: "meeting" as const, convenorId: "p", heldAt: null, quorumOverrideReason: null };
    const view = buildDecisionRecordView({
      caseReference: "CS-2026-0142", meeting, invitations: [], names: new Map(), clocks: [],
      record: { version: 1, payload: exported, reason: null, createdAt: new Date("2026-11-23T15:00:00Z"), authorLabel: "Sam" },
    });
    const values = recordToFormValues("strategy-discussion", exported);
    const blocks = view.sections.flatMap((s) => s.blocks);
    const shown = [...view.header, ...blocks.flatMap((b) => (b.kind === "fields" ? b.fields : []))];
    const cells = blocks.flatMap((b) => (b.kind === "table" ? b.rows.flat() : []));
    const filled = formFor("strategy-discussion", values).filter((f) => values[f.id] && !f.repeat && !["meeting.date", "meeting.time", "meeting.mode", "chair", "recorder", "attendees", "attendeesSenior", "apologies"].includes(f.id));
    expect(filled.length).toBeGreaterThan(15);
    for (const f of filled) expect(shown.map((x) => x.label)).toContain(f.label);
    expect(JSON.stringify(view)).not.toMatch(/"(Agency|Action|Safety scale) \d/);
    expect(JSON.stringify(view)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const teams = JSON.stringify(renderDecisionRecordCard(view));
    const slack = JSON.stringify(decisionRecordModal(view));
    for (const value of [...shown.map((x) => x.value), ...cells]) {
      for (const line of value.split("\n")) {
        expect(teams).toContain(JSON.stringify(escapeAdaptiveText(line)).slice(1, -1));
        expect(slack).toContain(JSON.stringify(escapeMrkdwn(line)).slice(1, -1));
      }
    }
  });

  it("writes printable, escaped HTML", async () => {
    const out = path.join(db.dir, "case.html");
    expect((await cli("export", "cs-2026-0142", "--by", "Tom Reid", "--reason", "Report for the initial conference", "--format", "html", "--out", out)).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("CS-2026-0142");
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<script/i);
    // A protective marking, the person who took the copy, one time for the meeting, and no internal ids.
    expect(html.match(/OFFICIAL-SENSITIVE/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain("by Tom Reid");
    expect(html).not.toContain("cli:root by");
    expect(html).not.toMatch(/Exported [^<]* by cli:/);
    const ids = await db.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "Meeting" UNION SELECT "id" FROM "Practitioner" UNION SELECT "id" FROM "DecisionRecord" UNION SELECT "id" FROM "Case"`);
    for (const { id } of ids) expect(html).not.toContain(id);
    const heading = /<h3>Strategy discussion, ([^<]+)<\/h3>/.exec(html)?.[1];
    // The record says when it was held; the heading and the header agree with it.
    expect(heading).toBe("Monday 10 March 2025 at 14:30");
    expect(html).toContain("<dt>Date</dt><dd>Monday 10 March 2025</dd><dt>Time</dt><dd>14:30 (UK time)</dd>");
    // The document, not a form dump: lists as tables, no numbered labels, no ISO dates in the record.
    expect(html).not.toMatch(/(Agency|Action|Safety scale) \d+:/);
    expect(html).toContain("<h5>The child&#39;s lived experience and voice</h5>");
    // The sharing log is in the export, and this export is its last row.
    expect(html).toContain("<h2>Information-sharing log</h2>");
    expect(html).toMatch(/Case file exported<\/td><td>Tom Reid<\/td>/);
    expect(html).toContain("Report for the initial conference");
  });

  it("prints the information-sharing log with convene sharing-log, exports included", async () => {
    const r = await cli("sharing-log", "CS-2026-0142");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Information-sharing log for CS-2026-0142");
    expect(r.stdout).toContain("Case file exported");
    expect(r.stdout).toContain("given to:     Tom Reid");
    expect(r.stdout).toContain("why:          Report for the initial conference");
    expect(r.stdout).toContain("UK GDPR Art. 6(1)(e) and Art. 9(2)(g), with DPA 2018 Sch. 1 para 18");
    expect(r.stdout).toContain("Agency information shared at the meeting");
    expect(r.stdout).toContain("Information for the child and family");
    expect((await cli("sharing-log", "CS-9999-0001")).code).toBe(2);
  });

  it("refuses an export that does not say who is taking it", async () => {
    const r = await cli("export", "CS-2026-0142", "--format", "html", "--out", path.join(db.dir, "x.html"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--by");
  });

  it("refuses an unknown format or case with one line and exit 2", async () => {
    const bad = await cli("export", "CS-2026-0142", "--format", "pdf");
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect((await cli("export", "CS-9999-0001")).code).toBe(2);
  });

  it("verifies an intact chain (the exports above were audited too)", async () => {
    const r = await cli("audit", "verify");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/audit trail intact: \d+ events/);
    expect(await db.prisma.auditEvent.count({ where: { action: "export" } })).toBeGreaterThanOrEqual(2);
  });

  describe("detects tampering and names the first broken row", () => {
    // Each case tampers with its own freshly seeded database, statement by statement, in SQL
    // that SQLite and PostgreSQL both run (so the detection is proven on both).
    const tampered = async (...statements: string[]) => {
      const own = await createTestDatabase("cli-tamper");
      await seedRecordedStrategyCase(own.uow, fixedClock("2026-11-23T15:00:00Z"));
      for (const sql of statements) await own.prisma.$executeRawUnsafe(sql);
      await own.prisma.$disconnect();
      const r = await runCli(["audit", "verify"], { commands: COMMANDS, env: { DATABASE_URL: own.url, ...databaseEnv(own.url) } });
      await own.dispose();
      return r;
    };

    it("a changed row", async () => {
      const r = await tampered(`UPDATE "AuditEvent" SET "detail" = '{"status":"met"}' WHERE "seq" = 3`);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("BROKEN at seq 3");
    });

    it("a deleted row", async () => {
      const r = await tampered(`DELETE FROM "AuditEvent" WHERE "seq" = 4`);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/BROKEN at seq [45]/);
    });

    it("reordered rows", async () => {
      // Swap rows 2 and 3 (their content changes places; the chain order does not).
      const r = await tampered(`UPDATE "AuditEvent" SET "seq" = -2 WHERE "seq" = 2`, `UPDATE "AuditEvent" SET "seq" = 2 WHERE "seq" = 3`, `UPDATE "AuditEvent" SET "seq" = 3 WHERE "seq" = -2`);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("BROKEN at seq 2");
    });
  });
});
