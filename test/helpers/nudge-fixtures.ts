import type { ChannelLink } from "../../src/app/ports/channel-link";
import type { Practitioner } from "../../src/app/ports/practitioner";
import type { Repositories } from "../../src/app/ports/unit-of-work";
import type { Case } from "../../src/domain/case/case-reference";
import { createTestDatabase, type TestDatabase } from "./test-database";

/** A migrated SQLite file in a temp dir (see test-database.ts), with `close()` for these suites. */
export type TestDb = TestDatabase & { close(): Promise<void> };

/** Creates a fresh migrated database. */
export async function createTestDb(prefix = "convene-nudges-"): Promise<TestDb> {
  const db = await createTestDatabase(prefix.replace(/-$/, ""));
  return { ...db, close: () => db.dispose() };
}

/** A practitioner on Teams in tenant "t1". */
export function practitioner(id: string, displayName: string, role: string, agency = "local-authority", platform: "teams" | "slack" = "teams"): Practitioner {
  return { id, platform, platformTenant: "t1", platformUserId: `aad-${id}`, displayName, email: null, agency, role };
}

/** Seeds a case with a lead social worker, a team manager and the given channel links. */
export async function seedCase(repos: Repositories, opts: { caseId: string; reference: string; links: ChannelLink[]; people?: Practitioner[] }): Promise<Case> {
  const sw = practitioner(`${opts.caseId}-sw`, "Sam Social Worker", "social-worker");
  const tm = practitioner(`${opts.caseId}-tm`, "Toni Team Manager", "team-manager");
  for (const p of [sw, tm, ...(opts.people ?? [])]) await repos.practitioners.upsert(p);
  const c: Case = { id: opts.caseId, tenant: "t1", reference: opts.reference, leadSocialWorkerId: sw.id, teamManagerId: tm.id, childDateOfBirth: null };
  await repos.cases.create(c);
  for (const l of opts.links) await repos.channelLinks.upsert(l);
  return c;
}

/** A Teams channel link for a case. */
export function teamsLink(id: string, caseId: string): ChannelLink {
  return { id, caseId, platform: "teams", conversationId: `19:${id}@thread.tacv2`, conversationRef: JSON.stringify({ conversation: { id: `19:${id}` } }) };
}

/** A silent logger that keeps errors for assertions. */
export function quietLogger(): { errors: unknown[]; info(): void; warn(): void; error(o: unknown): void; debug(): void } {
  const errors: unknown[] = [];
  return { errors, info() {}, warn() {}, error: (o) => errors.push(o), debug() {} };
}
