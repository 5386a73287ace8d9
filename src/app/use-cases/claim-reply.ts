import type { AppDeps } from "../app-deps";

/**
 * Claims the one reply to an inbound event. Platforms redeliver, and a redelivered command
 * changes nothing, but its reply must not be posted twice either. The claim is a row in the
 * database, so every replica agrees (an in-process set would not).
 */
export async function claimReply(deps: AppDeps, key: string): Promise<boolean> {
  const claim = await deps.uow.run((repos) => repos.processed.claim(`reply:${key}`));
  return claim.fresh;
}
