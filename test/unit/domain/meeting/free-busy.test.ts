import fc from "fast-check";
import { freeBusyCheckable, mapFreeBusy, scheduleWindow, statusAt, type MailboxSchedule } from "../../../../src/domain/meeting/free-busy";

// Advisory free/busy, without I/O: how a mailbox's busy stretches become a status per proposed
// time (each taken as one hour, as the calendar event is), and whose calendar may be read at all.

const at = (iso: string) => new Date(iso);
const readable = (...busy: Array<[string, string]>): MailboxSchedule => ({ readable: true, busy: busy.map(([s, e]) => ({ start: at(s), end: at(e) })) });

describe("the status at one proposed time", () => {
  const ten = at("2026-12-01T10:00:00Z");

  it("is busy when anything overlaps the hour, free when busy stretches only touch it", () => {
    expect(statusAt(readable(["2026-12-01T10:45:00Z", "2026-12-01T11:30:00Z"]), ten)).toBe("busy");
    expect(statusAt(readable(["2026-12-01T09:00:00Z", "2026-12-01T10:15:00Z"]), ten)).toBe("busy");
    expect(statusAt(readable(["2026-12-01T08:00:00Z", "2026-12-01T18:00:00Z"]), ten)).toBe("busy");
    expect(statusAt(readable(["2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"], ["2026-12-01T11:00:00Z", "2026-12-01T12:00:00Z"]), ten)).toBe("free");
    expect(statusAt(readable(), ten)).toBe("free");
  });

  it("is unknown, never free, for a calendar that could not be read or was not in the answer", () => {
    expect(statusAt({ readable: false }, ten)).toBe("unknown");
    expect(statusAt(undefined, ten)).toBe("unknown");
  });

  it("agrees with a minute-by-minute check for any busy stretch", () => {
    fc.assert(
      fc.property(fc.integer({ min: -180, max: 180 }), fc.integer({ min: 1, max: 240 }), (offset, length) => {
        const start = new Date(ten.getTime() + offset * 60_000);
        const end = new Date(start.getTime() + length * 60_000);
        const overlaps = Array.from({ length: 60 }, (_, m) => ten.getTime() + m * 60_000).some((t) => t >= start.getTime() && t < end.getTime());
        expect(statusAt({ readable: true, busy: [{ start, end }] }, ten)).toBe(overlaps ? "busy" : "free");
      }),
    );
  });
});

describe("mapping a schedule answer to every (time, row)", () => {
  const slots = [
    { id: "s1", startsAt: at("2026-12-01T09:00:00Z") },
    { id: "s2", startsAt: at("2026-12-01T14:00:00Z") },
  ];
  const people = [
    { invitationId: "row-health", practitionerId: "p-health", email: "Hana@LA.example" },
    { invitationId: "row-sw", practitionerId: "p-sw", email: "sam@la.example" },
    { invitationId: "row-guest", practitionerId: "p-guest", email: "guest@la.example" },
  ];
  const checkedAt = at("2026-11-30T10:00:00Z");

  it("gives each row's person their own status per time, matching emails case-insensitively, and unknown for an unreadable one", () => {
    const schedules = new Map<string, MailboxSchedule>([
      ["hana@la.example", readable(["2026-12-01T14:30:00Z", "2026-12-01T15:00:00Z"])],
      ["sam@la.example", readable()],
      ["guest@la.example", { readable: false }],
    ]);
    const rows = mapFreeBusy(slots, people, schedules, checkedAt);
    const status = (slotId: string, invitationId: string) => rows.find((r) => r.slotId === slotId && r.invitationId === invitationId)?.status;
    expect(rows).toHaveLength(6);
    expect(status("s1", "row-health")).toBe("free");
    expect(status("s2", "row-health")).toBe("busy");
    expect(status("s1", "row-sw")).toBe("free");
    expect(status("s2", "row-sw")).toBe("free");
    expect(status("s1", "row-guest")).toBe("unknown");
    expect(rows.every((r) => r.checkedAt === checkedAt)).toBe(true);
    expect(rows.find((r) => r.invitationId === "row-health")?.practitionerId).toBe("p-health");
  });

  it("spans the check from the earliest proposed time to the end of the latest", () => {
    expect(scheduleWindow([at("2026-12-02T10:00:00Z"), at("2026-12-01T09:00:00Z")])).toEqual({ start: at("2026-12-01T09:00:00Z"), end: at("2026-12-02T11:00:00Z") });
    expect(scheduleWindow([])).toBeNull();
  });
});

describe("whose calendar may be read", () => {
  const person = { platform: "teams", platformTenant: "tenant-la", homeTenant: "tenant-la", email: "sam@la.example" };

  it("only a Teams identity of the case's own tenant, with an email", () => {
    expect(freeBusyCheckable(person, "tenant-la")).toBe(true);
    expect(freeBusyCheckable({ ...person, homeTenant: null }, "tenant-la")).toBe(true);
    expect(freeBusyCheckable({ ...person, homeTenant: "tenant-police" }, "tenant-la")).toBe(false);
    expect(freeBusyCheckable(person, "tenant-other")).toBe(false);
    expect(freeBusyCheckable({ ...person, email: null }, "tenant-la")).toBe(false);
    expect(freeBusyCheckable({ ...person, email: "  " }, "tenant-la")).toBe(false);
    expect(freeBusyCheckable({ ...person, platform: "slack", platformTenant: "T0LA", homeTenant: "T0LA" }, "T0LA")).toBe(false);
  });
});
