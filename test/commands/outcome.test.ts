import type { RecordedEvaluation } from "../../src/excel/run";
import { failureOutcome, parseOutcome, successOutcome } from "../../src/commands/outcome";

/** Only what the outcome reads: statuses, teams, issues and the as-of date. */
const evaluation = {
  asOf: 45565, // 30 Sep 2024
  results: ["Met", "Met", "Missed", "Pending", "Insufficient data", "Invalid"].map((status) => ({
    status,
  })),
  teams: [
    { team: "A", eligible: "Yes", reward: 1000.5 },
    { team: "B", eligible: "No", reward: 250 },
    { team: "C", eligible: "Pending", reward: 0 },
  ],
  issues: [{}, {}, {}, {}],
} as unknown as RecordedEvaluation;

describe("the ribbon's outcome", () => {
  test("a success counts targets by status (Insufficient data and Invalid are to review), eligible teams and the total reward", () => {
    expect(successOutcome(evaluation)).toEqual({
      kind: "success",
      asOf: "30 Sep 2024",
      targets: 6,
      met: 2,
      missed: 1,
      pending: 1,
      review: 2,
      teams: 3,
      eligible: 1,
      issues: 4,
      totalReward: "1,250.50",
    });
  });

  test("a recorded run is named on a line of its own, with its approval", () => {
    const recorded = {
      ...evaluation,
      run: { plan: { kind: "new", run: 4 } },
      record: { run: 4 },
    } as unknown as RecordedEvaluation;
    expect(successOutcome(recorded)).toMatchObject({ run: "Run 4" });
    const repeat = {
      ...evaluation,
      run: { plan: { kind: "repeat", run: 3 } },
      record: { run: 3, approvedBy: "Ana Silva", approvedAt: 45626.5 }, // 30 Nov 2024, noon
    } as unknown as RecordedEvaluation;
    expect(successOutcome(repeat)).toMatchObject({
      run: "Same inputs as run 3 (nothing new recorded) · approved by Ana Silva on 30 Nov 2024",
    });
  });

  test("an evaluation that recorded no run has no run line", () => {
    expect(successOutcome(evaluation)).not.toHaveProperty("run");
  });

  test("a failure carries the error's own message", () => {
    expect(failureOutcome(new Error("No Targets table was found."))).toEqual({
      kind: "failure",
      message: "No Targets table was found.",
    });
    expect(failureOutcome("InvalidOperationInCellEditMode")).toEqual({
      kind: "failure",
      message: "InvalidOperationInCellEditMode",
    });
  });

  test("parsing reads back what was sent and refuses anything that is not an outcome", () => {
    const sent = successOutcome(evaluation);
    expect(parseOutcome(JSON.stringify(sent))).toEqual(sent);
    expect(parseOutcome('{"kind":"running","stage":"Reading the workbook"}')).toEqual({
      kind: "running",
      stage: "Reading the workbook",
    });
    expect(parseOutcome('{"kind":"ready"}')).toBeUndefined();
    expect(parseOutcome("<b>hi</b>")).toBeUndefined();
    expect(parseOutcome("")).toBeUndefined();
    expect(parseOutcome(null)).toBeUndefined();
  });
});
