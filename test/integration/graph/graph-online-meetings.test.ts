import { readFileSync } from "node:fs";
import { GraphError } from "../../../src/integrations/graph/graph-http";
import { GraphOnlineMeetings } from "../../../src/integrations/graph/graph-online-meetings";
import { GraphTokenSource } from "../../../src/integrations/graph/graph-token-source";
import { FakeGraphServer } from "../../helpers/fake-graph-server";

// The Graph client and msal's token source against the fake identity platform and Graph over
// HTTPS on loopback: what goes over the wire, what comes back, and what never reaches a log.

const APP = { tenantId: "tenant-int", clientId: "client-int", clientSecret: "int-secret-do-not-log" };
const MAILBOX = "convene@council.example";

describe("GraphOnlineMeetings with msal tokens", () => {
  const graph = new FakeGraphServer(APP);
  const logs: string[] = [];
  const logger = {
    info: (o: object, m?: string) => logs.push(JSON.stringify(o) + (m ?? "")),
    warn: (o: object, m?: string) => logs.push(JSON.stringify(o) + (m ?? "")),
    error: (o: object, m?: string) => logs.push(JSON.stringify(o) + (m ?? "")),
    debug: (o: object, m?: string) => logs.push(JSON.stringify(o) + (m ?? "")),
  };
  const client = (secret = APP.clientSecret) => {
    const ca = readFileSync(graph.caFile, "utf8");
    const tokens = new GraphTokenSource({ ...APP, clientSecret: secret, authorityUrl: graph.url, graphBaseUrl: `${graph.url}/v1.0`, ca }, logger);
    return { tokens, calendar: new GraphOnlineMeetings({ baseUrl: `${graph.url}/v1.0`, mailbox: MAILBOX, ca }, () => tokens.token()) };
  };
  const event = { subject: "Core group · CS-2026-0900", body: "Core group for case CS-2026-0900.", start: new Date("2026-07-01T09:00:00Z"), end: new Date("2026-07-01T10:00:00Z"), attendees: [{ email: "a@x.example", name: "A" }] };

  beforeAll(() => graph.start());
  afterAll(() => graph.stop());

  it("creates once per transactionId, in London wall-clock time (BST in summer), and reuses msal's cached token", async () => {
    const { calendar } = client();
    const first = await calendar.create(event, "meeting-1");
    const again = await calendar.create(event, "meeting-1");
    expect(again).toEqual(first);
    expect(first.joinUrl).toBe(`https://teams.example/l/meetup-join/${first.eventId}`);
    expect([...graph.events.values()].filter((e) => e.transactionId === "meeting-1")).toHaveLength(1);
    expect(graph.calls("POST", /\/events$/)[0]!.body).toMatchObject({ start: { dateTime: "2026-07-01T10:00:00", timeZone: "Europe/London" } });
    expect(graph.calls("POST", /oauth2\/v2\.0\/token$/)).toHaveLength(1);
  });

  it("a refused secret is a GraphError naming msal's code; neither the secret nor any token is logged", async () => {
    const { calendar } = client("wrong-secret-do-not-log");
    const err = await calendar.create(event, "meeting-2").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as Error).message).toBe("token request failed: invalid_client");
    expect((err as Error).message).not.toContain("wrong-secret");
    const all = logs.join("\n");
    expect(all).not.toContain("do-not-log");
    expect(all).not.toContain("fake-graph-token");
  });

  it("Graph down is a GraphError with the status and Retry-After; cancelling an event already gone is done", async () => {
    const { calendar } = client();
    graph.graphDown = true;
    const err = (await calendar.update("event-1", event).catch((e: unknown) => e)) as GraphError;
    graph.graphDown = false;
    expect([err.status, err.retryAfterMs]).toEqual([503, 1000]);
    expect(err.message).toContain("ServiceUnavailable");
    await expect(calendar.cancel("no-such-event", "Cancelled.")).resolves.toBeUndefined();
  });

  it("getSchedule: busy, out-of-office and tentative items become busy stretches, an error entry is unreadable, and Graph down throws", async () => {
    const { calendar } = client();
    graph.busy.set("hana@la.example", [
      { start: "2026-12-01T14:15:00Z", end: "2026-12-01T15:00:00Z", status: "oof" },
      { start: "2026-12-01T16:00:00Z", end: "2026-12-01T16:30:00Z", status: "free" },
      { start: "2026-12-02T10:00:00Z", end: "2026-12-02T10:30:00Z", status: "tentative" },
    ]);
    graph.unreadable.add("guest@other.example");
    const got = await calendar.getSchedule(["Hana@la.example", "sam@la.example", "guest@other.example"], new Date("2026-12-01T09:00:00Z"), new Date("2026-12-02T11:00:00Z"));
    expect(got.get("Hana@la.example")).toEqual({
      readable: true,
      busy: [
        { start: new Date("2026-12-01T14:15:00Z"), end: new Date("2026-12-01T15:00:00Z") },
        { start: new Date("2026-12-02T10:00:00Z"), end: new Date("2026-12-02T10:30:00Z") },
      ],
    });
    expect(got.get("sam@la.example")).toEqual({ readable: true, busy: [] });
    expect(got.get("guest@other.example")).toEqual({ readable: false });
    const call = graph.calls("POST", /\/calendar\/getSchedule$/).at(-1)!;
    expect(call.path).toBe(`/v1.0/users/${encodeURIComponent(MAILBOX)}/calendar/getSchedule`);
    expect(call.body).toMatchObject({ startTime: { dateTime: "2026-12-01T09:00:00", timeZone: "UTC" }, endTime: { dateTime: "2026-12-02T11:00:00", timeZone: "UTC" }, availabilityViewInterval: 15 });

    graph.graphDown = true;
    const err = (await calendar.getSchedule(["sam@la.example"], new Date("2026-12-01T09:00:00Z"), new Date("2026-12-01T10:00:00Z")).catch((e: unknown) => e)) as GraphError;
    graph.graphDown = false;
    expect(err).toBeInstanceOf(GraphError);
    expect([err.status, err.retryAfterMs]).toEqual([503, 1000]);
    graph.busy.clear();
    graph.unreadable.clear();
  });
});
