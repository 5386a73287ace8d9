import { renderDeadlinesCard } from "../../../src/cards/deadlines.card";
import { renderDecisionRecordCard } from "../../../src/cards/decision-record.card";
import { renderHelpCard } from "../../../src/cards/help.card";
import { renderNoticeCard } from "../../../src/cards/notice.card";
import { helpView } from "../../../src/app/conversation/help";

describe("deadlines, decision record, help and notice cards", () => {
  it("lists each deadline with days left or overdue", () => {
    const text = JSON.stringify(
      renderDeadlinesCard({
        caseReference: "CS-1",
        lines: [
          { id: "1", kind: "deadline", title: "Initial child protection conference", dueDate: "2026-12-15", dueDateLabel: "Tue 15 Dec 2026", workingDaysRemaining: 3, status: "open", ownerLabel: null },
          { id: "2", kind: "action", title: "Arrange the medical", dueDate: "2026-11-24", dueDateLabel: "Tue 24 Nov 2026", workingDaysRemaining: -2, status: "open", ownerLabel: "Sam Okafor" },
        ],
      }),
    );
    expect(text).toContain("Deadline: Initial child protection conference");
    expect(text).toContain("3 working days left");
    expect(text).toContain("2 working days overdue");
    expect(text).toContain("Sam Okafor");
  });

  it("shows the full decision record as a document, escaped, with the amendment reason in its header", () => {
    const text = JSON.stringify(
      renderDecisionRecordCard({
        meetingId: "m1", caseReference: "CS-1", kindTitle: "Strategy discussion", marking: "OFFICIAL-SENSITIVE", version: 2, amendmentReason: "Typo in [date]",
        header: [{ label: "Version", value: "2" }, { label: "Reason for amendment", value: "Typo in [date]" }],
        sections: [{ title: "Decisions", blocks: [{ kind: "fields", fields: [{ label: "Section 47", value: "Yes" }] }, { kind: "table", columns: ["Who", "What"], rows: [["Sam", "Visit"]] }] }],
      }),
    );
    expect(text).toContain("OFFICIAL-SENSITIVE");
    expect(text).toContain("Typo in ［date］");
    expect(text).toContain('"Decisions"');
    expect(text).toContain('"type":"Table"');
    expect(text).toContain("Section 47");
  });

  it("explains every command", () => {
    const text = JSON.stringify(renderHelpCard(helpView("")));
    for (const c of ["link CS", "strategy CS", "convene strategy", "core-group CS", "icpc", "review", "deadlines CS", "help"]) expect(text).toContain(c);
  });

  it("names the word it did not understand, escaped", () => {
    const card = renderHelpCard(helpView("", "[x](http://e.example)"));
    const text = JSON.stringify(card);
    expect(text).toContain("did not understand");
    expect(text).not.toContain("](http");
    expect(text).toContain("link CS");
  });

  it("renders a notice, red for errors", () => {
    expect(JSON.stringify(renderNoticeCard({ title: "T", text: "x" }, "error"))).toContain("Attention");
  });
});
