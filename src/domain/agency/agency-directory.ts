import { z } from "zod";
import { AGENCIES, type Agency } from "./agency";

/** How a directory entry recognises people: their Teams tenant, their Slack team (Slack Connect), or their email domain. */
export const DIRECTORY_MATCHES = ["teams-tenant", "slack-team", "email-domain"] as const;
/** One of {@link DIRECTORY_MATCHES}. */
export type DirectoryMatch = (typeof DIRECTORY_MATCHES)[number];

/** One line of the administrator's agency directory. */
export interface AgencyDirectoryEntry {
  /** What is matched. */
  match: DirectoryMatch;
  /** A tenant id, a Slack team id, or a domain: `nhs.net` (that domain) or `*.police.uk` (any subdomain of it). */
  value: string;
  /** The agency everyone matched belongs to. */
  agency: Agency;
  /** Who to chase when that agency has not answered, e.g. "Police CAIT duty desk, 0300 …" (shown to the convenor). */
  dutyContact: string | null;
}

/** A directory entry as typed by an administrator; validated at the CLI boundary. */
export const AgencyDirectoryEntrySchema = z
  .object({
    match: z.enum(DIRECTORY_MATCHES),
    value: z.string().trim().min(2).max(200),
    agency: z.enum(AGENCIES),
    dutyContact: z.string().trim().max(200).nullish().transform((v) => v || null),
  })
  .superRefine((e, ctx) => {
    if (e.match === "email-domain" && !/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(e.value)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "Give a domain such as nhs.net, or *.police.uk for every subdomain." });
    }
  });

/** The facts about a person that a directory can match on, all from the platform. */
export interface DirectoryIdentity {
  platform: "teams" | "slack";
  /** The person's own organisation: their Entra tenant in Teams, their Slack team in Slack (Slack Connect). */
  homeTenant: string | null;
  /** The email the platform reports for them. */
  email: string | null;
}

function domainMatches(pattern: string, domain: string): boolean {
  const p = pattern.toLowerCase();
  const d = domain.toLowerCase();
  if (p.startsWith("*.")) return d.endsWith(p.slice(1)) && d.length > p.length - 1;
  return d === p;
}

/**
 * The agency a directory places a person in, or null. A tenant or team match wins over an
 * email domain (a platform's tenant is harder to get wrong than an address). Two entries
 * naming different agencies for the same person place them nowhere, rather than guess.
 */
export function agencyFromDirectory(entries: readonly AgencyDirectoryEntry[], who: DirectoryIdentity): Agency | null {
  const tenantKind: DirectoryMatch = who.platform === "teams" ? "teams-tenant" : "slack-team";
  const byTenant = new Set(entries.filter((e) => e.match === tenantKind && who.homeTenant && e.value === who.homeTenant).map((e) => e.agency));
  if (byTenant.size === 1) return [...byTenant][0]!;
  if (byTenant.size > 1) return null;
  const domain = who.email?.split("@")[1];
  if (!domain) return null;
  const byDomain = new Set(entries.filter((e) => e.match === "email-domain" && domainMatches(e.value, domain)).map((e) => e.agency));
  return byDomain.size === 1 ? [...byDomain][0]! : null;
}

/** The duty contact the directory gives for an agency, if any (the first entry that names one). */
export function dutyContactFor(entries: readonly AgencyDirectoryEntry[], agency: Agency): string | null {
  return entries.find((e) => e.agency === agency && e.dutyContact)?.dutyContact ?? null;
}
