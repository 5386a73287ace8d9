import { rotated } from "../../../src/bench/bench-stats";

describe("rotated rounds", () => {
  it("runs every side once a round, starting one later each round, and returns each side's results in round order", async () => {
    const order: string[] = [];
    const side = (name: string) => async () => {
      order.push(name);
      return `${name}${order.length}`;
    };
    const out = await rotated(3, [side("a"), side("b"), side("c")]);
    expect(order).toEqual(["a", "b", "c", "b", "c", "a", "c", "a", "b"]);
    expect(out).toEqual([["a1", "a6", "a8"], ["b2", "b4", "b9"], ["c3", "c5", "c7"]]);
  });
});
