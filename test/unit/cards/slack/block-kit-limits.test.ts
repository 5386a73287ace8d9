import { blockKitProblems, modalProblems, SLACK_LIMITS } from "../../../../src/cards/slack/block-kit-limits";

describe("blockKitProblems", () => {
  it("accepts blocks within every limit", () => {
    expect(blockKitProblems("message", [{ type: "section", text: { type: "mrkdwn", text: "hi" } }])).toEqual([]);
  });

  it("reports too many blocks for the surface", () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: "divider" }));
    expect(blockKitProblems("message", blocks)[0]).toMatch(/51 blocks > 50/);
    expect(blockKitProblems("modal", blocks)).toEqual([]);
    expect(blockKitProblems("modal", [...blocks, ...blocks])[0]).toMatch(/102 blocks > 100/);
  });

  it("reports long section text, long button text and too many fields", () => {
    const problems = blockKitProblems("message", [
      { type: "section", text: { type: "mrkdwn", text: "x".repeat(SLACK_LIMITS.sectionText + 1) } },
      { type: "actions", elements: [{ type: "button", action_id: "a", text: { type: "plain_text", text: "y".repeat(76) } }] },
      { type: "section", fields: Array.from({ length: 11 }, () => ({ type: "mrkdwn", text: "f" })) },
      { type: "header", text: { type: "plain_text", text: "h".repeat(151) } },
    ]);
    expect(problems.join("\n")).toMatch(/3001 chars > 3000/);
    expect(problems.join("\n")).toMatch(/76 chars > 75/);
    expect(problems.join("\n")).toMatch(/fields: 11 > 10/);
    expect(problems.join("\n")).toMatch(/151 chars > 150/);
  });

  it("reports duplicate action_ids and block_ids across the surface", () => {
    const problems = blockKitProblems("message", [
      { type: "actions", block_id: "b", elements: [{ type: "button", action_id: "same", text: { type: "plain_text", text: "1" } }] },
      { type: "actions", block_id: "b", elements: [{ type: "button", action_id: "same", text: { type: "plain_text", text: "2" } }] },
    ]);
    expect(problems.join("\n")).toMatch(/duplicate action_id "same"/);
    expect(problems.join("\n")).toMatch(/duplicate block_id "b"/);
  });

  it("reports inputs in messages, inputs without block ids, and long placeholders", () => {
    const input = { type: "input", label: { type: "plain_text", text: "L" }, element: { type: "plain_text_input", action_id: "x", placeholder: { type: "plain_text", text: "p".repeat(151) } } };
    const problems = blockKitProblems("message", [input]).join("\n");
    expect(problems).toMatch(/input blocks belong in modals/);
    expect(problems).toMatch(/need a block_id/);
    expect(problems).toMatch(/151 chars > 150/);
  });
});

describe("modalProblems", () => {
  it("reports a title over 24 characters and a missing submit", () => {
    const problems = modalProblems({
      title: { type: "plain_text", text: "Initial child protection conference" },
      blocks: [{ type: "input", block_id: "a", label: { type: "plain_text", text: "A" }, element: { type: "plain_text_input", action_id: "a" } }],
    }).join("\n");
    expect(problems).toMatch(/title: 35 chars > 24/);
    expect(problems).toMatch(/submit: required/);
  });

  it("reports private_metadata over 3,000 characters", () => {
    expect(modalProblems({ title: { text: "t" }, private_metadata: "m".repeat(3001), blocks: [] })[0]).toMatch(/private_metadata/);
  });
});
