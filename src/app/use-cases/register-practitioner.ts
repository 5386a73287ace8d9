import { z } from "zod";
import { ActorSchema } from "../../domain/commands/command.schemas";
import { parseCaseReference } from "../../domain/case/case-reference";
import { DomainError } from "../../domain/shared/domain-error";
import type { AppDeps } from "../app-deps";
import type { Practitioner } from "../ports/practitioner";
import { resolveActor } from "./resolve-actor";

/** Roles an administrator can give. Agencies are free text ("Police", "Health", "Children's social care"). */
export const PRACTITIONER_ROLES = ["social-worker", "team-manager", "police", "health", "school", "referrer", "other", "member"] as const;

export const RegisterPractitionerSchema = z.object({
  identity: ActorSchema,
  agency: z.string().trim().min(1).max(80),
  role: z.enum(PRACTITIONER_ROLES),
  /** Also make them the team manager of this case (in their tenant). */
  managerOfCase: z.string().optional(),
  /** Who did it, for the audit trail (e.g. "cli:alice"). */
  operator: z.string().min(1),
});
/** An administrator's registration of a practitioner's role. */
export type RegisterPractitionerCommand = z.infer<typeof RegisterPractitionerSchema>;

/**
 * Records a practitioner's agency and role: the data authorisation reads. This is an
 * administrator's act (CLI), never something a user can claim for themselves in chat.
 */
export async function registerPractitioner(deps: AppDeps, input: RegisterPractitionerCommand): Promise<Practitioner> {
  const cmd = RegisterPractitionerSchema.parse(input);
  return deps.uow.run(async (repos) => {
    const now = deps.clock.now();
    const p = await resolveActor(repos, cmd.identity, cmd.agency);
    await repos.practitioners.setRole(p.id, cmd.agency, cmd.role);
    await repos.audit.append({ at: now, actorId: cmd.operator, action: "change", entityType: "practitioner", entityId: p.id, caseId: null, detail: { role: cmd.role, agency: cmd.agency } });
    if (cmd.managerOfCase) {
      const reference = parseCaseReference(cmd.managerOfCase);
      const c = await repos.cases.findByReference(cmd.identity.tenant, reference);
      if (!c) throw new DomainError("CASE_NOT_FOUND", `No case ${reference} in tenant ${cmd.identity.tenant}.`);
      await repos.cases.update({ ...c, teamManagerId: p.id });
      await repos.audit.append({ at: now, actorId: cmd.operator, action: "change", entityType: "case", entityId: c.id, caseId: c.id, detail: { teamManager: p.id } });
    }
    return { ...p, agency: cmd.agency, role: cmd.role };
  });
}
