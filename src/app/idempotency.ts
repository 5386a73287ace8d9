import type { Repositories } from "./ports/unit-of-work";

/**
 * Runs `fn` once per key. Slack and Teams redeliver; the first delivery's answer is stored
 * with the state change (same transaction), and a redelivery gets that answer back while
 * changing nothing. A failed first attempt rolls back its claim, so a retry runs again.
 */
export async function runOnce<T>(repos: Repositories, key: string, fn: () => Promise<T>): Promise<T> {
  const claim = await repos.processed.claim(key);
  if (!claim.fresh) {
    if (claim.response !== null) return JSON.parse(claim.response) as T;
  }
  const result = await fn();
  await repos.processed.saveResponse(key, JSON.stringify(result ?? null));
  return result;
}

/**
 * The idempotency key of a command: platform, conversation, use case and the platform's own
 * id. The conversation is part of it because some platform ids are unique only within one
 * conversation (Teams message ids are timestamps).
 */
export function commandKey(conversation: { platform: string; conversationId: string }, useCase: string, key: string): string {
  return `${conversation.platform}:${conversation.conversationId}:${useCase}:${key}`;
}
