import { agencyFromDirectory, AgencyDirectoryEntrySchema, dutyContactFor, type AgencyDirectoryEntry } from "../../../../src/domain/agency/agency-directory";

const entries: AgencyDirectoryEntry[] = [
  { match: "teams-tenant", value: "tenant-police", agency: "police", dutyContact: "CAIT duty desk, 0300 000 0000" },
  { match: "slack-team", value: "T0POLICE", agency: "police", dutyContact: null },
  { match: "email-domain", value: "*.police.uk", agency: "police", dutyContact: null },
  { match: "email-domain", value: "nhs.net", agency: "health", dutyContact: null },
  { match: "teams-tenant", value: "tenant-school", agency: "education", dutyContact: null },
];

describe("the agency directory", () => {
  it("places people by their Teams tenant, their Slack team, or their email domain", () => {
    expect(agencyFromDirectory(entries, { platform: "teams", homeTenant: "tenant-police", email: null })).toBe("police");
    expect(agencyFromDirectory(entries, { platform: "slack", homeTenant: "T0POLICE", email: null })).toBe("police");
    expect(agencyFromDirectory(entries, { platform: "teams", homeTenant: "other", email: "pat@met.police.uk" })).toBe("police");
    expect(agencyFromDirectory(entries, { platform: "slack", homeTenant: null, email: "hana@nhs.net" })).toBe("health");
  });

  it("matches domains exactly, or any subdomain with *., and nothing that merely ends the same way", () => {
    expect(agencyFromDirectory(entries, { platform: "teams", homeTenant: null, email: "x@police.uk" })).toBeNull();
    expect(agencyFromDirectory(entries, { platform: "teams", homeTenant: null, email: "x@notpolice.uk" })).toBeNull();
    expect(agencyFromDirectory(entries, { platform: "teams", homeTenant: null, email: "x@sub.nhs.net" })).toBeNull();
    expect(agencyFromDirectory(entries, { platform: "teams", homeTenant: null, email: "x@NHS.NET" })).toBe("health");
  });

  it("prefers the tenant over the email, and places nobody when entries disagree", () => {
    expect(agencyFromDirectory(entries, { platform: "teams", homeTenant: "tenant-school", email: "dsl@met.police.uk" })).toBe("education");
    const clash = [...entries, { match: "teams-tenant" as const, value: "tenant-police", agency: "health" as const, dutyContact: null }];
    expect(agencyFromDirectory(clash, { platform: "teams", homeTenant: "tenant-police", email: null })).toBeNull();
    // A Slack team id is not a Teams tenant.
    expect(agencyFromDirectory(entries, { platform: "teams", homeTenant: "T0POLICE", email: null })).toBeNull();
  });

  it("gives an agency's duty contact, and validates what an administrator types", () => {
    expect(dutyContactFor(entries, "police")).toBe("CAIT duty desk, 0300 000 0000");
    expect(dutyContactFor(entries, "health")).toBeNull();
    expect(AgencyDirectoryEntrySchema.safeParse({ match: "email-domain", value: "not a domain", agency: "police" }).success).toBe(false);
    expect(AgencyDirectoryEntrySchema.safeParse({ match: "email-domain", value: "*.police.uk", agency: "police" }).success).toBe(true);
    expect(AgencyDirectoryEntrySchema.safeParse({ match: "teams-tenant", value: "t1", agency: "school" }).success).toBe(false);
  });
});
