import { DomainError } from "../domain/shared/domain-error";
import type { AppDeps } from "./app-deps";
import type { ActorIdentity, Platform } from "./ports/actor";
import type { Repositories } from "./ports/unit-of-work";

/**
 * The refusals that are denials: someone asked for something their identity does not allow,
 * or reached for a case, meeting, row or clock that is not theirs to touch from where they
 * are. Input mistakes (a past date, a missing reason) are not denials and are not audited.
 */
export const DENIAL_CODES: ReadonlySet<string> = new Set([
  "NOT_AUTHORISED",
  "NOT_INVITEE",
  "WRONG_AGENCY",
  "AGENCY_UNKNOWN",
  "WRONG_TENANT",
  "CASE_NOT_LINKED",
  "ALREADY_LINKED",
  "NOT_ENTITLED",
  // "Not part of this case": an id from another case's card, pressed or forged here.
  "MEETING_NOT_FOUND",
  "DEADLINE_NOT_FOUND",
  "ACTION_NOT_FOUND",
  "ENQUIRY_NOT_FOUND",
]);

/**
 * At most one audit row per person per denial code in this window. A flood of refused
 * presses (a script, or a card pressed in a loop) then adds a handful of rows, not millions,
 * and the first of each kind is always kept.
 */
export const DENIAL_AUDIT_WINDOW_MS = 10 * 60 * 1000;

/** The audit action of a denial row. */
export const DENY_ACTION = "deny";

/** A denial, as the app saw it. */
export interface Denial {
  /** The stable code of the refusal, one of {@link DENIAL_CODES}. */
  code: string;
  /** The use case that refused, e.g. "getRoster". */
  useCase: string;
  /** Who asked, as the platform vouched. */
  actor: ActorIdentity;
  /** Where they asked from, when it was a conversation. */
  conversation?: { platform: Platform; conversationId: string } | undefined;
}

/**
 * Appends a denial to the audit trail, inside the caller's transaction, unless the same
 * person was audited for the same code within {@link DENIAL_AUDIT_WINDOW_MS}. The actor is
 * their practitioner id when Convene knows them, else their platform identity: a stranger's
 * refusal must not create a practitioner row. The row holds the code, the use case and the
 * asker's tenant, never what they typed. Returns whether a row was written.
 */
export async function appendDenial(repos: Repositories, now: Date, d: Denial): Promise<boolean> {
  const known = await repos.practitioners.findByIdentity(d.actor);
  const actorId = known?.id ?? `${d.actor.platform}:${d.actor.tenant}:${d.actor.userId}`;
  const recent = await repos.audit.recentByActor(actorId, DENY_ACTION, new Date(now.getTime() - DENIAL_AUDIT_WINDOW_MS), DENIAL_CODES.size * 4);
  if (recent.some((e) => codeOf(e.detail) === d.code)) return false;
  const link = d.conversation ? await repos.channelLinks.findByConversation(d.conversation.platform, d.conversation.conversationId) : null;
  await repos.audit.append({
    at: now,
    actorId,
    action: DENY_ACTION,
    entityType: d.conversation ? "conversation" : "app",
    entityId: d.conversation ? `${d.conversation.platform}:${d.conversation.conversationId}` : d.useCase,
    caseId: link?.caseId ?? null,
    detail: { code: d.code, useCase: d.useCase, tenant: d.actor.tenant },
  });
  return true;
}

function codeOf(detail: string): string | null {
  try {
    const parsed = JSON.parse(detail) as { code?: unknown };
    return typeof parsed.code === "string" ? parsed.code : null;
  } catch {
    return null;
  }
}

/**
 * Audits `err` if it is a denial, in a transaction of its own: the refused command's own
 * transaction rolled back with the refusal. Never throws, so the person still gets their
 * refusal if the audit cannot be written (that fault is logged, by code only).
 */
export async function auditDenial(deps: AppDeps, err: unknown, context: Omit<Denial, "code">): Promise<void> {
  if (!(err instanceof DomainError) || !DENIAL_CODES.has(err.code)) return;
  try {
    const written = await deps.uow.run((repos) => appendDenial(repos, deps.clock.now(), { ...context, code: err.code }));
    // Repeats go to debug, so a flood fills neither the trail nor the info log.
    if (written) deps.logger.info({ code: err.code, useCase: context.useCase }, "denial audited");
    else deps.logger.debug({ code: err.code, useCase: context.useCase }, "denial repeated (not audited again)");
  } catch (auditErr) {
    deps.logger.error({ err: { message: (auditErr as Error)?.message, code: (auditErr as { code?: string })?.code }, denial: err.code }, "denial audit failed");
  }
}

/**
 * Wraps a use case so that a denial it throws is audited before the refusal goes back to the
 * caller, whichever edge or form asked. The refusal itself is rethrown unchanged.
 */
export function auditingDenials<C extends { actor: ActorIdentity; conversation?: { platform: Platform; conversationId: string } | undefined }, R>(
  deps: AppDeps,
  useCase: string,
  run: (cmd: C) => Promise<R>,
): (cmd: C) => Promise<R> {
  return async (cmd) => {
    try {
      return await run(cmd);
    } catch (err) {
      // The command may not even have parsed; only a well-formed actor is attributed.
      if (cmd && typeof cmd === "object" && isIdentity(cmd.actor)) await auditDenial(deps, err, { useCase, actor: cmd.actor, conversation: cmd.conversation });
      throw err;
    }
  };
}

function isIdentity(a: unknown): a is ActorIdentity {
  const x = a as Partial<ActorIdentity> | null;
  return Boolean(x && (x.platform === "teams" || x.platform === "slack") && typeof x.tenant === "string" && typeof x.userId === "string");
}
