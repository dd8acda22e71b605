import { IssueLog } from "../../../src/engine/grid/issue";

describe("the issue log", () => {
  test("keeps errors and warnings in the order they are found, each with its sheet and cell", () => {
    const log = new IssueLog();
    log.warning("Obs", "B9", "Value is text.");
    log.error("Targets", "E7", "Target is empty.");
    expect(log.issues).toEqual([
      { severity: "warning", sheet: "Obs", cell: "B9", message: "Value is text." },
      { severity: "error", sheet: "Targets", cell: "E7", message: "Target is empty." },
    ]);
  });
});
