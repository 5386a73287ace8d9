import { retryAfterMs, toDeliveryError } from "../../../../src/channels/teams/teams-gateway";

describe("Teams gateway error mapping", () => {
  it("turns a 429 into a retry with the Retry-After delay", () => {
    const err = toDeliveryError(Object.assign(new Error("Too many"), { statusCode: 429, response: { headers: { get: (n: string) => (n === "retry-after" ? "7" : undefined) } } }));
    expect(err.permanent).toBe(false);
    expect(err.retryAfterMs).toBe(7000);
  });
  it("treats 403 and 404 as permanent", () => {
    expect(toDeliveryError(Object.assign(new Error("x"), { statusCode: 403 })).permanent).toBe(true);
    expect(toDeliveryError(Object.assign(new Error("x"), { statusCode: 404 })).permanent).toBe(true);
  });
  it("retries 5xx and network failures", () => {
    expect(toDeliveryError(Object.assign(new Error("x"), { statusCode: 502 })).permanent).toBe(false);
    expect(toDeliveryError(new Error("ECONNRESET")).permanent).toBe(false);
  });
  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs("Wed, 21 Oct 2026 07:28:10 GMT", Date.parse("Wed, 21 Oct 2026 07:28:00 GMT"))).toBe(10000);
    expect(retryAfterMs(null)).toBeNull();
  });
});
