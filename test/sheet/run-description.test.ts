import { runDescription } from "../../src/sheet/run-description";

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
