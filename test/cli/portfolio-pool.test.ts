import { copyFileSync, readFileSync } from "fs";
import path from "path";
import { main } from "../../src/cli/main";
import type { WorkbookJob, WorkbookOutcome } from "../../src/cli/portfolio-job";
import { causeOf, runWorkbooks, stoppedLine } from "../../src/cli/portfolio-pool";
import { CRASHING_WORKER } from "../support/crashing-worker";
import { monthEndFolder, NOW } from "../support/portfolio";

const job = (file: string): WorkbookJob => ({
  argv: ["evaluate", file, "--as-of", "2024-03-01", "--json"],
  now: NOW.getTime(),
  colour: false,
  evaluation: true,
});

async function pooled(jobs: WorkbookJob[], parallel: number, worker?: string) {
  const order: number[] = [];
  const outcomes: WorkbookOutcome[] = [];
  await runWorkbooks(
    jobs,
    parallel,
    main,
    (index, outcome) => {
      order.push(index);
      outcomes[index] = outcome;
    },
    worker
  );
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

  test("a worker that exits on a poisoned workbook: that workbook fails in one line with the exit code; the rest are evaluated", async () => {
    const { north, south } = await monthEndFolder();
    const poisoned = path.join(path.dirname(north), "exits-north.xlsx");
    copyFileSync(north, poisoned);
    // A new worker is handed its first workbook before this process takes one: the poisoned one.
    const { outcomes } = await pooled([job(poisoned), job(north), job(south)], 2, CRASHING_WORKER);
    expect(outcomes.map((o) => o.status)).toEqual([1, 0, 0]);
    expect(outcomes[0]).toEqual({
      status: 1,
      out: "",
      err: `kpi-rewards: ${poisoned}: its evaluation stopped with exit code 70; nothing was written for it\n`,
    });
    expect(JSON.parse(outcomes[1].out).results[0].status).toBe("Met");
    expect(JSON.parse(outcomes[2].out).results[0].status).toBe("Missed");
  }, 180_000);
});

describe("what a stopped worker's workbook is told", () => {
  const oom = readFileSync(
    path.join(__dirname, "..", "fixtures", "node-out-of-memory.txt"),
    "utf8"
  );

  test("V8's out-of-memory report gives its FATAL ERROR line as the cause", () => {
    expect(causeOf(oom)).toBe(
      "Reached heap limit Allocation failed - JavaScript heap out of memory"
    );
    expect(stoppedLine("big.xlsx", null, "SIGABRT", oom)).toBe(
      "kpi-rewards: big.xlsx: its evaluation was stopped by SIGABRT (Reached heap limit Allocation failed - JavaScript heap out of memory); nothing was written for it"
    );
  });

  test("an uncaught error's first line is the cause; its stack is not", () => {
    const stderr =
      "[eval]:1\nthrow new TypeError('x is not a function')\n^\n\nTypeError: x is not a function\n    at [eval]:1:7\n";
    expect(stoppedLine("a.xlsx", 1, null, stderr)).toBe(
      "kpi-rewards: a.xlsx: its evaluation stopped with exit code 1 (TypeError: x is not a function); nothing was written for it"
    );
  });

  test("SIGKILL without a word: out of memory (the kernel's killer) or killed by hand", () => {
    expect(stoppedLine("a.xlsx", null, "SIGKILL")).toBe(
      "kpi-rewards: a.xlsx: its evaluation was stopped by SIGKILL (out of memory, or killed); nothing was written for it"
    );
    expect(stoppedLine("a.xlsx", null, "SIGTERM", "some warning\n")).toBe(
      "kpi-rewards: a.xlsx: its evaluation was stopped by SIGTERM; nothing was written for it"
    );
  });
});
