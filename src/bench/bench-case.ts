import type { Repositories } from "../app/ports/unit-of-work";

/** The one case every scheduler benchmark runs on: its social worker, the case, and a Teams channel to nudge into. */
export async function seedBenchCase(repos: Repositories): Promise<void> {
  await repos.practitioners.upsert({ id: "sw", platform: "teams", platformTenant: "t", platformUserId: "aad-sw", displayName: "Social Worker", email: null, agency: "local-authority", role: "social-worker" });
  await repos.cases.create({ id: "c1", tenant: "t", reference: "CS-BENCH-1", leadSocialWorkerId: "sw", teamManagerId: null, childDateOfBirth: null });
  await repos.channelLinks.upsert({ id: "L1", caseId: "c1", platform: "teams", conversationId: "19:bench", conversationRef: "{}" });
}
