import type { Evaluation } from "../../src/engine";
import { runJob, type SoloRun } from "../../src/cli/portfolio-job";
import { calls } from "../support/month-end";

describe("one workbook of a portfolio", () => {
  test("runs the solo command line at the portfolio's clock and captures what it printed", async () => {
    const seen: { argv: string[]; now: number; colour: boolean }[] = [];
    const solo: SoloRun = async (argv, io) => {
      seen.push({ argv, now: io.now().getTime(), colour: io.colour });
      io.out("KPI Rewards — a.xlsx");
      io.out("Wrote a-rewards.xlsx");
      return 0;
    };
    const outcome = await runJob(
      {
        argv: ["evaluate", "a.xlsx", "--force"],
        now: Date.UTC(2024, 2, 1, 8),
        colour: true,
        evaluation: false,
      },
      solo
    );
    expect(seen).toEqual([
      { argv: ["evaluate", "a.xlsx", "--force"], now: Date.UTC(2024, 2, 1, 8), colour: true },
    ]);
    expect(outcome).toEqual({
      status: 0,
      out: "KPI Rewards — a.xlsx\nWrote a-rewards.xlsx\n",
      err: "",
    });
  });

  test("a failed run keeps its status and its one line", async () => {
    const outcome = await runJob(
      { argv: ["evaluate", "gone.xlsx"], now: 0, colour: false, evaluation: true },
      async (_, io) => {
        io.err("kpi-rewards: gone.xlsx: no such file");
        return 2;
      }
    );
    expect(outcome).toEqual({
      status: 2,
      out: "",
      err: "kpi-rewards: gone.xlsx: no such file\n",
    });
  });

  test("asked for, the evaluation travels without the input tables: results, teams, issues and the as-of date", async () => {
    const full: Evaluation = calls("North", [[-0.2, 5000, "Service"]]);
    expect(full.tables.length).toBeGreaterThan(0);
    const outcome = await runJob(
      { argv: [], now: 0, colour: false, evaluation: true },
      async (_, io) => {
        io.evaluated?.(full);
        return 0;
      }
    );
    expect(outcome.evaluation).toEqual({
      asOf: full.asOf,
      results: full.results,
      teams: full.teams,
      issues: full.issues,
      tables: [],
      adjustments: [],
    });
  });

  test("not asked for, only the summary the total line counts travels", async () => {
    // North's one target: −22.4 % against −20 %, Met, pays 5,000 to team Service, eligible.
    const outcome = await runJob(
      { argv: [], now: 0, colour: false, evaluation: false },
      async (_, io) => {
        io.evaluated?.(calls("North", [[-0.2, 5000, "Service"]]));
        return 0;
      }
    );
    expect(outcome.evaluation).toBeUndefined();
    expect(outcome.summary).toEqual({
      asOf: 45352, // 1 Mar 2024
      targets: 1,
      teams: 1,
      eligible: 1,
      notEligible: 0,
      pending: 0,
      review: 0,
      totalReward: 5000,
      issues: 0,
    });
  });
});
