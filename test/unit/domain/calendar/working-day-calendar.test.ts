import fc from "fast-check";
import { createWorkingDayCalendar } from "../../../../src/domain/calendar/working-day-calendar";
import { DomainError } from "../../../../src/domain/shared/domain-error";
import {
  addCalendarDays,
  atLondonTime,
  endOfDayInLondon,
  isoDateInLondon,
  isoWeekday,
  parseIsoDate,
} from "../../../../src/domain/shared/iso-date";

// Oracle: England and Wales bank holidays as published on gov.uk, typed by hand so the
// tests do not trust date-holidays to check itself.
const GOV_UK_BANK_HOLIDAYS = new Set([
  "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27",
  "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26",
  "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
  "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
  "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
  "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
]);
const oracleIsWorking = (d: string, closures: ReadonlySet<string> = new Set()) =>
  isoWeekday(d) <= 5 && !GOV_UK_BANK_HOLIDAYS.has(d) && !closures.has(d);

function expectDomainError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(code);
    return;
  }
  throw new Error(`expected DomainError ${code}`);
}

const cal = createWorkingDayCalendar();

describe("isWorkingDay agrees with the gov.uk list", () => {
  it.each([2022, 2023, 2024, 2025, 2026, 2027])("every day of %i", (year) => {
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) {
      expect([d, cal.isWorkingDay(d)]).toEqual([d, oracleIsWorking(d)]);
    }
  });
});

describe("addWorkingDays", () => {
  it.each([
    // Christmas 2022: Sun 25 Dec, Mon 26 Boxing Day, Tue 27 Christmas substitute.
    ["2022-12-23", 1, "2022-12-28"],
    ["2022-12-23", 5, "2023-01-04"], // 28, 29, 30 Dec; Mon 2 Jan is the New Year substitute; 3, 4 Jan
    ["2022-12-30", 1, "2023-01-03"],
    // Easter: Good Friday and Easter Monday.
    ["2024-03-28", 1, "2024-04-02"],
    ["2025-04-17", 1, "2025-04-22"],
    ["2026-04-02", 1, "2026-04-07"],
    // One-off holidays.
    ["2022-06-01", 1, "2022-06-06"], // Thu 2 Jun spring holiday moved, Fri 3 Jun Platinum Jubilee
    ["2022-09-16", 1, "2022-09-20"], // Mon 19 Sep state funeral
    ["2023-05-05", 1, "2023-05-09"], // Mon 8 May coronation
    // Substitute days.
    ["2027-12-24", 1, "2027-12-29"], // Mon 27 and Tue 28 Dec 2027 both substitutes
    ["2026-12-24", 1, "2026-12-29"], // Fri 25 Christmas, Mon 28 Boxing Day substitute
    // ICPC from Fri 18 Dec 2026: 21-24 (4), 29-31 (7), 4-8 Jan (12), 11-13 Jan (15).
    ["2026-12-18", 15, "2027-01-13"],
    // The start day is never counted, whatever it is.
    ["2024-06-08", 1, "2024-06-10"], // Saturday
    ["2024-06-09", 1, "2024-06-10"], // Sunday
    ["2024-06-08", 5, "2024-06-14"],
    ["2024-12-25", 1, "2024-12-27"], // from a bank holiday
    ["2024-06-07", 0, "2024-06-07"],
    ["2024-06-08", 0, "2024-06-08"], // n = 0 returns from even on a weekend
    // Across a year end, a long way.
    ["2023-12-31", 254, "2024-12-31"], // 2024: 262 weekdays less 8 bank holidays
  ])("%s + %i working days = %s", (from, n, expected) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected);
  });

  it("rejects negative, fractional and absurd n", () => {
    expectDomainError(() => cal.addWorkingDays("2024-06-07", -1), "INVALID_WORKING_DAYS");
    expectDomainError(() => cal.addWorkingDays("2024-06-07", 1.5), "INVALID_WORKING_DAYS");
    expectDomainError(() => cal.addWorkingDays("2024-06-07", Number.NaN), "INVALID_WORKING_DAYS");
    expectDomainError(() => cal.addWorkingDays("2024-06-07", 10_000_000), "INVALID_WORKING_DAYS");
  });
});

describe("workingDaysBetween", () => {
  it.each([
    ["2024-06-07", "2024-06-10", 1], // Fri to Mon
    ["2024-06-08", "2024-06-09", 0], // Sat to Sun
    ["2024-06-07", "2024-06-07", 0],
    ["2024-06-10", "2024-06-07", -1],
    ["2024-06-09", "2024-06-08", 0], // mirrored with nothing between: +0, not -0
    ["2026-12-18", "2027-01-13", 15],
    ["2027-01-13", "2026-12-18", -15],
    ["2023-12-31", "2024-12-31", 254],
    ["2025-12-31", "2026-12-31", 253], // 261 weekdays less 8 (Sat 26 Dec not a weekday)
    // Weekdays less weekday bank holidays: 2022 260-10, 2023 260-9, 2024 262-8,
    // 2025 261-8, 2026 261-8, 2027 261-8.
    ["2021-12-31", "2027-12-31", 250 + 251 + 254 + 253 + 253 + 253],
  ])("(%s, %s] = %i", (from, to, expected) => {
    expect(cal.workingDaysBetween(from, to)).toBe(expected);
  });
});

describe("yearly working day totals (oracle sums)", () => {
  it.each([2022, 2023, 2024, 2025, 2026, 2027])("%i", (year) => {
    let count = 0;
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) if (oracleIsWorking(d)) count++;
    expect(cal.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(count);
  });
});

describe("onOrBeforeWorkingDay and whyNotWorking", () => {
  it("steps back over weekends and holidays", () => {
    expect(cal.onOrBeforeWorkingDay("2024-06-07")).toBe("2024-06-07");
    expect(cal.onOrBeforeWorkingDay("2024-06-09")).toBe("2024-06-07");
    expect(cal.onOrBeforeWorkingDay("2027-12-28")).toBe("2027-12-24");
    expect(cal.onOrBeforeWorkingDay("2024-04-01")).toBe("2024-03-28");
  });

  it("explains non-working days", () => {
    expect(cal.whyNotWorking("2024-06-07")).toBeNull();
    expect(cal.whyNotWorking("2024-06-08")).toBe("weekend");
    // date-holidays lists Sat 25 Dec 2027 as a public holiday; the weekend wins.
    expect(cal.whyNotWorking("2027-12-25")).toBe("weekend");
    expect(cal.whyNotWorking("2027-12-27")).toBe("bank holiday: Christmas Day (substitute day)");
    expect(cal.whyNotWorking("2026-12-28")).toBe("bank holiday: Boxing Day (substitute day)");
    expect(cal.whyNotWorking("2023-05-08")).toMatch(/^bank holiday: .*Coronation/);
    expect(cal.whyNotWorking("2024-03-17")).toBe("weekend"); // Mother's Day is an observance, and a Sunday
  });

  it("ignores observances that are not bank holidays", () => {
    expect(cal.isWorkingDay("2022-06-20")).toBe(true); // day after Father's Day
  });
});

describe("closure days", () => {
  const local = createWorkingDayCalendar({ closureDays: ["2024-06-10", "2024-12-27"] });

  it("are non-working and counted around", () => {
    expect(local.isWorkingDay("2024-06-10")).toBe(false);
    expect(local.whyNotWorking("2024-06-10")).toBe("local closure");
    expect(local.addWorkingDays("2024-06-07", 1)).toBe("2024-06-11");
    expect(local.addWorkingDays("2024-12-24", 1)).toBe("2024-12-30");
    expect(local.workingDaysBetween("2024-06-07", "2024-06-11")).toBe(1);
    expect(cal.isWorkingDay("2024-06-10")).toBe(true); // other calendars unaffected
  });

  it("are validated strictly", () => {
    expectDomainError(() => createWorkingDayCalendar({ closureDays: ["2024-02-30"] }), "INVALID_DATE");
  });
});

describe("strict dates", () => {
  it.each(["2023-02-29", "2023-2-1", "2023-13-01", "2023-04-31", "2023-00-10", "20230101", " 2023-01-01", "2023-01-01T00:00", ""])(
    "rejects %p",
    (bad) => {
      expectDomainError(() => cal.isWorkingDay(bad), "INVALID_DATE");
      expectDomainError(() => cal.addWorkingDays(bad, 1), "INVALID_DATE");
      expectDomainError(() => parseIsoDate(bad), "INVALID_DATE");
    },
  );

  it("accepts leap days that exist", () => {
    expect(parseIsoDate("2024-02-29")).toBe("2024-02-29");
    expect(parseIsoDate("2000-02-29")).toBe("2000-02-29");
    expectDomainError(() => parseIsoDate("1900-02-29"), "INVALID_DATE");
  });

  it("names the problem", () => {
    expect(() => parseIsoDate("2023-02-29")).toThrow(/2023-02 has 28 days/);
  });
});

describe("London helpers", () => {
  it("maps instants to London dates across midnight and BST", () => {
    expect(isoDateInLondon(new Date("2024-06-07T23:30:00Z"))).toBe("2024-06-08"); // 00:30 BST
    expect(isoDateInLondon(new Date("2024-01-07T23:30:00Z"))).toBe("2024-01-07"); // GMT
  });

  it("builds London wall-clock instants", () => {
    expect(atLondonTime("2024-06-10", "09:00").toISOString()).toBe("2024-06-10T08:00:00.000Z");
    expect(atLondonTime("2024-01-10", "09:00").toISOString()).toBe("2024-01-10T09:00:00.000Z");
    expect(endOfDayInLondon("2024-06-10").toISOString()).toBe("2024-06-10T22:59:59.999Z");
    expect(endOfDayInLondon("2024-12-10").toISOString()).toBe("2024-12-10T23:59:59.999Z");
  });
});

describe("properties", () => {
  const START = "2022-01-01";
  // Dates 2022-01-01 .. ~2027-06, so n <= 120 stays inside the oracle's years.
  const dateArb = fc.integer({ min: 0, max: 365 * 5 + 180 }).map((k) => addCalendarDays(START, k));
  const nArb = fc.integer({ min: 0, max: 120 });
  const closuresArb = fc.uniqueArray(dateArb, { maxLength: 15 });

  function oracleAdd(from: string, n: number, closures: ReadonlySet<string>): string {
    let d = from;
    for (let left = n; left > 0; ) {
      d = addCalendarDays(d, 1);
      if (oracleIsWorking(d, closures)) left--;
    }
    return d;
  }

  it("add matches a day-by-day count over the gov.uk list and closure days", () => {
    fc.assert(
      fc.property(dateArb, nArb, closuresArb, (from, n, closureList) => {
        const local = createWorkingDayCalendar({ closureDays: closureList });
        expect(local.addWorkingDays(from, n)).toBe(oracleAdd(from, n, new Set(closureList)));
      }),
    );
  });

  it("add never lands on a non-working day for n >= 1, nor on a closure day", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 120 }), closuresArb, (from, n, closureList) => {
        const local = createWorkingDayCalendar({ closureDays: closureList });
        const due = local.addWorkingDays(from, n);
        expect(local.isWorkingDay(due)).toBe(true);
        expect(closureList).not.toContain(due);
        expect(local.whyNotWorking(due)).toBeNull();
      }),
    );
  });

  it("between(d, add(d, n)) == n and mirrors", () => {
    fc.assert(
      fc.property(dateArb, nArb, closuresArb, (from, n, closureList) => {
        const local = createWorkingDayCalendar({ closureDays: closureList });
        const to = local.addWorkingDays(from, n);
        expect(local.workingDaysBetween(from, to)).toBe(n);
        expect(local.workingDaysBetween(to, from)).toBe(0 - n); // 0 - n: +0 not -0 for n = 0
      }),
    );
  });

  it("add is strictly increasing in n", () => {
    fc.assert(
      fc.property(dateArb, nArb, (from, n) => {
        expect(cal.addWorkingDays(from, n + 1) > cal.addWorkingDays(from, n)).toBe(true);
      }),
    );
  });

  it("onOrBeforeWorkingDay is a working day at or before d, with none in between", () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        const back = cal.onOrBeforeWorkingDay(d);
        expect(cal.isWorkingDay(back)).toBe(true);
        expect(back <= d).toBe(true);
        expect(cal.workingDaysBetween(back, d)).toBe(0);
      }),
    );
  });
});

describe("performance", () => {
  it("evaluates many deadlines quickly", () => {
    const started = Date.now();
    for (let i = 0; i < 20_000; i++) cal.addWorkingDays(addCalendarDays("2024-01-01", i % 700), 45);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
