import fc from "fast-check";
import { freshInvitation, type Invitation, type InviteeRole } from "../../../../src/domain/invitation/invitation";
import { checkProposedTimes, tallyTimes, type ProposedTime, type TimeAnswer } from "../../../../src/domain/meeting/time-poll";
import type { DomainError } from "../../../../src/domain/shared/domain-error";

// The rules of "find a time", without I/O: which proposed times are refused and why, and which
// time the poll stars (the earliest at which every required role can attend).

const now = new Date("2026-11-30T10:00:00Z");
const refused = (locals: string[]) => {
  try {
    checkProposedTimes(locals, now);
    return null;
  } catch (err) {
    return err as DomainError;
  }
};

describe("checking proposed times", () => {
  it("reads times as UK time across the clock change", () => {
    const [winter, summer] = checkProposedTimes(["2027-03-26T10:00", "2027-03-29T10:00"], now);
    expect(winter!.toISOString()).toBe("2027-03-26T10:00:00.000Z");
    expect(summer!.toISOString()).toBe("2027-03-29T09:00:00.000Z");
  });

  it("names every refused time by its place: past, outside 07:00–20:00, a repeat, a time that does not exist", () => {
    const err = refused(["2026-11-30T09:00", "2026-12-01T06:59", "2026-12-01T20:01", "2026-12-02T10:00", "2026-12-02T10:00"]);
    expect(err?.code).toBe("TIMES_INVALID");
    expect(err?.details?.times).toEqual({
      0: "Mon 30 Nov 2026, 09:00 has passed. Propose a later time.",
      1: "06:59 is outside 07:00–20:00. Propose a time people can attend from work.",
      2: "20:01 is outside 07:00–20:00. Propose a time people can attend from work.",
      4: "Wed 2 Dec 2026, 10:00 is already option 4.",
    });
    expect(refused(["2027-03-28T01:30", "2027-03-29T10:00"])?.details?.times).toEqual({ 0: "That date and time does not exist. Use e.g. 2026-11-24 at 10:00." });
  });

  it("needs two to five times, and takes 07:00 and 20:00 themselves", () => {
    expect(refused(["2026-12-01T10:00"])?.code).toBe("TOO_FEW_TIMES");
    expect(refused(["2026-12-01T07:00", "2026-12-01T20:00"])).toBeNull();
    expect(refused(Array.from({ length: 6 }, (_, i) => `2026-12-0${i + 1}T10:00`))?.code).toBe("TOO_MANY_TIMES");
  });
});

describe("tallying a poll", () => {
  const row = (id: string, role: InviteeRole, required = true): Invitation => freshInvitation({ id, meetingId: "m", role, agency: role, required }, { kind: "agency", label: role }, null);
  const rows = [row("sw", "social-worker"), row("h", "health"), row("p", "police"), row("s", "school", false)];
  const required: InviteeRole[] = ["social-worker", "health", "police"];
  const times: ProposedTime[] = [3, 1, 2].map((n) => ({ id: `t${n}`, meetingId: "m", ordinal: n, startsAt: new Date(Date.UTC(2026, 11, n, 10)) }));
  const answer = (invitationId: string, slotId: string, available: boolean): TimeAnswer => ({ slotId, invitationId, available, answeredById: invitationId, answeredAt: now });

  it("stars the earliest time every required role can make, whatever an optional role says", () => {
    const answers = [
      answer("sw", "t1", true), answer("sw", "t2", true), answer("sw", "t3", true),
      answer("h", "t1", false), answer("h", "t2", true), answer("h", "t3", true),
      answer("p", "t1", true), answer("p", "t2", true), answer("p", "t3", true),
      answer("s", "t2", false),
    ];
    const { tallies, bestSlotId } = tallyTimes(times, rows, answers, required);
    expect(bestSlotId).toBe("t2");
    expect(tallies.map((t) => t.slotId)).toEqual(["t1", "t2", "t3"]);
    expect(tallies[0]).toMatchObject({ canMake: ["social-worker", "police"], cannotMake: ["health"], notYet: ["school"], allRequired: false });
  });

  it("never stars a time some required role has not said yes to (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("sw", "h", "p", "s"), fc.constantFrom("t1", "t2", "t3"), fc.boolean()), { maxLength: 24 }), (raw) => {
        const answers = raw.map(([inv, slot, ok]) => answer(inv, slot, ok));
        const { bestSlotId, tallies } = tallyTimes(times, rows, answers, required);
        const yes = (inv: string, slot: string) => answers.filter((a) => a.invitationId === inv && a.slotId === slot).at(-1)?.available === true;
        const suits = (slot: string) => ["sw", "h", "p"].every((inv) => yes(inv, slot));
        const earliest = ["t1", "t2", "t3"].find(suits) ?? null;
        expect(bestSlotId).toBe(earliest);
        expect(tallies.filter((t) => t.allRequired).map((t) => t.slotId)).toEqual(["t1", "t2", "t3"].filter(suits));
      }),
    );
  });
});
