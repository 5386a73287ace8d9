import type { ActorIdentity } from "../../src/app/ports/actor";

/** Platform identities for app-level tests (Teams-shaped; tenant "t1"). */
export const actors = {
  socialWorker: { platform: "teams", tenant: "t1", userId: "aad-sw", displayName: "Sam Social Worker", email: "sam@la.example" },
  health: { platform: "teams", tenant: "t1", userId: "aad-health", displayName: "Hana Health", email: "hana@nhs.example" },
  police: { platform: "teams", tenant: "t1", userId: "aad-police", displayName: "Pat Police", email: "pat@police.example" },
  stranger: { platform: "teams", tenant: "t1", userId: "aad-x", displayName: "Xavier Stranger" },
  manager: { platform: "teams", tenant: "t1", userId: "aad-tm", displayName: "Mo Manager" },
} satisfies Record<string, ActorIdentity>;

/** The conversation used by app-level tests. */
export const conversation = { platform: "teams" as const, conversationId: "19:case-channel@thread.tacv2" };
