import { TokenBuckets } from "../../../src/delivery/token-bucket";

describe("TokenBuckets", () => {
  it("allows a burst, then one message per refill interval, per channel", () => {
    const b = new TokenBuckets();
    const slack = { perSecond: 1, capacity: 2 };
    expect(b.take("L1", slack, 0)).toBe(0);
    expect(b.take("L1", slack, 0)).toBe(0);
    expect(b.take("L1", slack, 0)).toBe(1000);
    expect(b.take("L2", slack, 0)).toBe(0); // another channel has its own bucket
    expect(b.take("L1", slack, 500)).toBe(500);
    expect(b.take("L1", slack, 1000)).toBe(0);
  });

  it("never stores more than its capacity after a quiet spell", () => {
    const b = new TokenBuckets();
    const teams = { perSecond: 7, capacity: 7 };
    for (let i = 0; i < 7; i++) expect(b.take("T", teams, 0)).toBe(0);
    let sent = 0;
    while (b.take("T", teams, 60_000) === 0) sent++;
    expect(sent).toBe(7);
  });
});
