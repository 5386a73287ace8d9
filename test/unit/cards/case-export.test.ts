import { renderCaseExportHtml, escapeHtml } from "../../../src/cards/case-export.html";
import { buildCaseExportJson, CASE_EXPORT_SCHEMA_VERSION } from "../../../src/cards/case-export.json";
import type { CaseExportModel } from "../../../src/app/views/case-export-view";
import { strategyRecordFixture } from "../../fixtures/strategy-record.fixture";

function model(): CaseExportModel {
  const amended = {
    ...strategyRecordFixture,
    recorder: "Lee Grant & <script>alert('x')</script>",
    signsOfSafety: {
      ...strategyRecordFixture.signsOfSafety,
      safetyScale: [...strategyRecordFixture.signsOfSafety.safetyScale.slice(0, 2), { agency: "Police", score: 2 }],
    },
  };
  return {
    caseReference: "CP-2025-0042",
    exportedAt: new Date("2025-04-01T10:00:00Z"),
    exportedBy: "Amira Khan",
    meetings: [
      {
        id: "m-icpc",
        kind: "icpc",
        status: "scheduled",
        scheduledAt: new Date("2025-03-28T10:00:00Z"),
        heldAt: null,
        records: [],
      },
      {
        id: "m-strategy",
        kind: "strategy-discussion",
        status: "recorded",
        heldAt: new Date("2025-03-10T14:30:00Z"),
        records: [
          {
            version: 2,
            createdAt: new Date("2025-03-11T09:00:00Z"),
            authorId: "pr-2",
            authorLabel: "Dr Helen Ode",
            reason: "Police score corrected & recorder's name <fixed>",
            payload: amended,
          },
          { version: 1, createdAt: new Date("2025-03-10T16:00:00Z"), authorId: "pr-1", authorLabel: "Amira Khan", reason: null, payload: strategyRecordFixture },
        ],
      },
    ],
    actions: [
      { id: "a2", meetingId: "m-strategy", ownerLabel: "Health", description: "Arrange the medical", dueDate: "2025-03-11", status: "done" },
      { id: "a1", meetingId: "m-strategy", ownerLabel: "Amira Khan", description: "Joint visit <b>now</b>", dueDate: "2025-03-11", status: "open" },
    ],
    deadlines: [
      { id: "d1", rule: "icpc", ruleLabel: "Initial conference within 15 working days", sourceDate: "2025-03-10", dueDate: "2025-03-31", status: "open" },
    ],
  };
}

describe("renderCaseExportHtml", () => {
  const html = renderCaseExportHtml(model());

  it("is a self-contained document with print styles and no scripts", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|src=|href=/i);
  });

  it("carries the protective marking at the top and the bottom, and the information-sharing log", () => {
    expect(html.indexOf("OFFICIAL-SENSITIVE")).toBeLessThan(html.indexOf("<h1>"));
    expect(html.lastIndexOf("OFFICIAL-SENSITIVE")).toBeGreaterThan(html.indexOf("</main>"));
    expect(html).toContain("<h2>Information-sharing log</h2>");
    expect(html).toContain("No disclosures recorded.");
  });

  it("escapes user text", () => {
    expect(html).toContain("Lee Grant &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(html).toContain("Joint visit &lt;b&gt;now&lt;/b&gt;");
    expect(html).toContain("recorder&#39;s name &lt;fixed&gt;");
    expect(escapeHtml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });

  it("shows the case reference and never the name of anyone not given to it", () => {
    expect(html).toContain("CP-2025-0042");
    expect(html).toContain("<title>Case file export: CP-2025-0042</title>");
  });

  it("shows both versions of an amended record, with the reason and the author", () => {
    expect(html).toContain("Version 1: original record");
    expect(html).toContain("Version 2: amendment");
    expect(html).toContain("Reason for amendment:</strong> Police score corrected &amp; recorder&#39;s name &lt;fixed&gt;");
    expect(html).toContain("by Dr Helen Ode</p>");
    expect(html).toContain("by Amira Khan</p>");
    // No internal ids in the printable export.
    expect(html).not.toMatch(/pr-[12]|m-strategy|m-icpc/);
    expect(html).toContain("<strong>Changed in this version:</strong>");
    expect(html.indexOf("Version 1:")).toBeLessThan(html.indexOf("Version 2:"));
    // The original recorder stays visible in version 1.
    expect(html).toContain("<dd>Lee Grant</dd>");
    // The amendment marks what changed.
    expect(html).toMatch(/Recorded by<span class="tag">changed<\/span>/);
  });

  it("labels every field as the form does, with choice labels rather than stored values", () => {
    expect(html).toContain("Will section 47 (child protection) enquiries start?");
    expect(html).toContain("Jointly with the police");
    expect(html).toContain("Legal planning meeting");
    expect(html).toContain("What are we worried about?");
    expect(html).toContain("Why it is withheld");
    expect(html).toContain("<th scope=\"col\">By when</th>");
    expect(html).toContain("Tue 11 March 2025");
    expect(html).not.toContain("joint-with-police");
  });

  it("lists actions, timescales, and meetings without records", () => {
    expect(html).toContain("Initial conference within 15 working days");
    expect(html).toContain("Mon 31 March 2025");
    expect(html).toContain("Initial child protection conference, Fri 28 March 2025, 10:00 (planned)");
    expect(html).toContain("No decision record.");
    expect(html).toContain("<td>Done</td>");
  });
});

describe("buildCaseExportJson", () => {
  it("shows each meeting's roster: who answered, when and why, who took part, and why it went ahead without the minimum", () => {
    const m = model();
    m.meetings[1] = {
      ...m.meetings[1]!,
      quorumOverrideReason: "Police joined by phone <late>",
      invitees: [
        { role: "police", roleLabel: "Police", required: true, invitee: "Police CAIT duty desk", response: "declined", attendance: "apologies", chased: 2, answeredBy: "DC Priya Shah", respondedAt: new Date("2025-03-09T09:15:00Z"), seniorityConfirmed: false, reason: "On a warrant & in court", apologiesNote: "Written report sent" },
      ],
    };
    const html = renderCaseExportHtml(m);
    expect(html).toContain("Held without the statutory minimum because: Police joined by phone &lt;late&gt;");
    expect(html).toContain("Declined by DC Priya Shah on");
    expect(html).toContain(": On a warrant &amp; in court");
    expect(html).toContain("Sent apologies: Written report sent");
    const json = buildCaseExportJson(m).meetings.find((x) => x.id === "m-strategy")!;
    expect(json.quorumOverrideReason).toBe("Police joined by phone <late>");
    expect(json.invitees[0]).toMatchObject({ answeredBy: "DC Priya Shah", respondedAt: "2025-03-09T09:15:00.000Z", reason: "On a warrant & in court", apologiesNote: "Written report sent" });
  });

  it("is stable: same content whatever the input order, with sorted keys", () => {
    const a = buildCaseExportJson(model());
    const reversed = model();
    reversed.meetings.reverse();
    reversed.actions.reverse();
    reversed.meetings.forEach((m) => m.records.reverse());
    expect(JSON.stringify(buildCaseExportJson(reversed))).toBe(JSON.stringify(a));
  });

  it("has the documented shape", () => {
    const json = buildCaseExportJson(model());
    expect(json.schemaVersion).toBe(CASE_EXPORT_SCHEMA_VERSION);
    expect(json.exportedAt).toBe("2025-04-01T10:00:00.000Z");
    expect(json.caseReference).toBe("CP-2025-0042");
    expect(json.meetings.map((m) => m.id)).toEqual(["m-strategy", "m-icpc"]);
    const strategy = json.meetings[0]!;
    expect(strategy).toMatchObject({ kind: "strategy-discussion", status: "recorded", heldAt: "2025-03-10T14:30:00.000Z" });
    expect(strategy.records.map((r) => [r.version, r.reason, r.authorId])).toEqual([
      [1, null, "pr-1"],
      [2, "Police score corrected & recorder's name <fixed>", "pr-2"],
    ]);
    expect(strategy.records[0]!.payload).toEqual(strategyRecordFixture);
    expect(Object.keys(strategy.records[0]!.payload as object)).toEqual(Object.keys(strategy.records[0]!.payload as object).sort());
    expect(json.actions.map((a) => a.id)).toEqual(["a1", "a2"]);
    expect(json.deadlines[0]).toEqual({
      id: "d1",
      rule: "icpc",
      sourceDate: "2025-03-10",
      dueDate: "2025-03-31",
      status: "open",
      waivedReason: null,
      closedAt: null,
      workingDaysTaken: null,
      closingEvent: null,
    });
    expect(json.enquiries).toEqual([]);
  });
});
