import path from "path";
import { main } from "../../src/cli/main";
import type { WorkbookJob, WorkbookOutcome } from "../../src/cli/portfolio-job";
import { runWorkbooks } from "../../src/cli/portfolio-pool";
import { monthEndFolder, NOW } from "../support/portfolio";

const job = (file: string): WorkbookJob => ({
  argv: ["evaluate", file, "--as-of", "2024-03-01", "--json"],
  now: NOW.getTime(),
  colour: false,
});

async function pooled(jobs: WorkbookJob[], parallel: number) {
  const order: number[] = [];
  const outcomes: WorkbookOutcome[] = [];
  await runWorkbooks(jobs, parallel, main, (index, outcome) => {
    order.push(index);
    outcomes[index] = outcome;
  });
  return { order, outcomes };
}

describe("running a portfolio's workbooks", () => {
  test("one at a time: here, in the input order", async () => {
    const { north, broken } = await monthEndFolder();
    const { order, outcomes } = await pooled([job(north), job(broken)], 1);
    expect(order).toEqual([0, 1]);
    expect(outcomes.map((o) => o.status)).toEqual([0, 2]);
    expect(JSON.parse(outcomes[0].out).results[0].status).toBe("Met");
    expect(outcomes[1].err).toBe(`kpi-rewards: ${broken}: is not an .xlsx workbook\n`);
  });

  test("in worker processes: each workbook once, its outcome the same as run here", async () => {
    const { north, south, broken } = await monthEndFolder();
    const jobs = [
      job(north),
      job(broken),
      job(south),
      job(path.join(path.dirname(north), "gone.xlsx")),
    ];
    const here = await pooled(jobs, 1);
    // More workers than cores asked for: still one outcome per workbook.
    const there = await pooled(jobs, 3);
    expect([...there.order].sort()).toEqual([0, 1, 2, 3]);
    expect(there.outcomes.map((o) => [o.status, o.out, o.err])).toEqual(
      here.outcomes.map((o) => [o.status, o.out, o.err])
    );
    expect(there.outcomes[0].evaluation).toEqual(here.outcomes[0].evaluation);
    expect(there.outcomes[0].evaluation?.teams[0]).toMatchObject({ team: "Service", reward: 5000 });
  }, 180_000);
});
