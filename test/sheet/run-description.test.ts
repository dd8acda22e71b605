import type { RunRecord } from "../../src/engine";
import { runDescription, runLine } from "../../src/sheet/run-description";

describe("which run the results are (SPEC §9)", () => {
  test("a new run is named by its number", () => {
    expect(runDescription({ kind: "new", run: 4 })).toBe("run 4");
  });

  test("a repeat names the run whose as-of date and inputs it repeats, and that nothing was recorded", () => {
    expect(runDescription({ kind: "repeat", run: 3 })).toBe(
      "same inputs as run 3 (nothing new recorded)"
    );
  });
});

describe("the run as a line of its own (pane and ribbon)", () => {
  test("a new run starts with a capital and has no approval yet", () => {
    expect(runLine({ kind: "new", run: 4 }, { run: 4 } as RunRecord)).toBe("Run 4");
  });

  test("an approved run says by whom and on which day (the time of day is left out)", () => {
    const approved = { run: 3, approvedBy: "Ana Silva", approvedAt: 45626.75 } as RunRecord;
    expect(runLine({ kind: "repeat", run: 3 }, approved)).toBe(
      "Same inputs as run 3 (nothing new recorded) · approved by Ana Silva on 30 Nov 2024"
    );
  });

  test("an approval without a time names only the approver", () => {
    expect(runLine({ kind: "new", run: 2 }, { run: 2, approvedBy: "Li" } as RunRecord)).toBe(
      "Run 2 · approved by Li"
    );
  });

  test("no run recorded, no line", () => {
    expect(runLine(undefined, undefined)).toBe("");
  });
});
