import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { historySheetPart } from "../src/cli/history-sheet-xml";
import { addOwnedSheets, openPackage } from "../src/cli/xlsx-package";
import {
  evaluateWorkbook,
  NO_HISTORY,
  runRecord,
  runTargetRecords,
  type RunHistory,
  type WorkbookGrid,
} from "../src/engine";
import { formatIsoDate } from "../src/sheet";
import { writeLongWorkbook } from "./long-workbook";
import { FIRST_DAY, portfolio } from "./workloads";

/**
 * Run history growth (SPEC §9): 10,000 targets evaluated monthly for two years leave 240,000
 * KpiRunResults rows. Evaluating with such a history is measured against evaluating with none, in the
 * engine (comparing with the history) and in the command line (reading KPI History, comparing, and
 * writing it back with the new run appended).
 */

const TARGETS = 10_000;
const RUNS = 24;
const OBSERVATIONS = 1_000_000;
export const AS_OF = FIRST_DAY + 400;

export type Report = (what: string, figure: string, budget?: string, ok?: boolean) => void;
export type Timer = (run: () => void, times: number) => Promise<{ median: number; steady: number }>;

/** 24 monthly runs of the workload's targets, the last one month before the evaluation. */
export function grownHistory(workbook: WorkbookGrid): RunHistory {
  const { results } = evaluateWorkbook(workbook, { asOf: AS_OF });
  const runs = Array.from({ length: RUNS }, (_, i) => i + 1);
  return {
    runs: runs.map((run) =>
      runRecord(
        run,
        AS_OF - 30 * (RUNS + 1 - run),
        AS_OF - 30 * (RUNS + 1 - run) + 0.4,
        `${run}`.padStart(32, "0"),
        results
      )
    ),
    results: runs.flatMap((run) => runTargetRecords(run, results)),
  };
}

/** Wall and CPU seconds (all threads) of one `kpi-rewards` child process. */
function childSeconds(args: string[]): { wall: number; cpu: number } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-r", path.join(__dirname, "max-rss.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`kpi-rewards ${args.join(" ")} failed: ${child.stderr}`);
  const cpu = /cpu (\d+)/.exec(child.stderr ?? "");
  return {
    wall: Number(process.hrtime.bigint() - start) / 1e9,
    cpu: cpu ? Number(cpu[1]) / 1e6 : NaN,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Both workbooks evaluated in turn, three times each (none, history, none, …), so that other work on
 * the machine weighs on both alike; medians of wall and CPU time.
 */
function alternating(bin: string, files: readonly [string, string], more: readonly string[]) {
  const runs: { wall: number; cpu: number }[][] = [[], []];
  for (let i = 0; i < 3; i++)
    files.forEach((file, f) => runs[f].push(childSeconds([bin, "evaluate", file, ...more])));
  return runs.map((r) => ({
    wall: median(r.map((x) => x.wall)),
    cpu: median(r.map((x) => x.cpu)),
  }));
}

export async function historyGrowth(
  report: Report,
  time: Timer,
  work: string,
  bin: string
): Promise<void> {
  console.log("History: 240,000 KpiRunResults rows (10,000 targets × 24 runs) against none");
  const input = portfolio(OBSERVATIONS, TARGETS);
  const history = grownHistory(input.workbook);
  const none = await time(
    () => void evaluateWorkbook(input.workbook, { asOf: AS_OF, history: NO_HISTORY }),
    5
  );
  const grown = await time(
    () => void evaluateWorkbook(input.workbook, { asOf: AS_OF, history }),
    5
  );
  const engineRatio = grown.median / none.median;
  report(
    "engine, 1M observations × 10k targets, with a 240k-row history against none (median of 5)",
    `${grown.median.toFixed(0)} ms vs ${none.median.toFixed(0)} ms (×${engineRatio.toFixed(2)})`,
    "≤ ×1.20",
    engineRatio <= 1.2
  );

  mkdirSync(work, { recursive: true });
  const plain = path.join(work, "history-none.xlsx");
  const withHistory = path.join(work, "history-240k.xlsx");
  if (!existsSync(plain)) await writeLongWorkbook(plain, OBSERVATIONS, TARGETS);
  const pkg = await openPackage(readFileSync(plain));
  writeFileSync(
    withHistory,
    await addOwnedSheets(pkg, [historySheetPart(history)], { extension: ".xlsx" })
  );
  const asOf = formatIsoDate(AS_OF);
  const out = path.join(work, "history-out.xlsx");
  const load = os.loadavg()[0];
  const [plainOut, grownOut] = alternating(
    bin,
    [plain, withHistory],
    ["--as-of", asOf, "--out", out, "--force"]
  );
  const ratio = grownOut.wall / plainOut.wall;
  report(
    "CLI evaluate --out, 1M rows × 10k targets, with a 240k-row KPI History against none (wall, median of 3)",
    `${grownOut.wall.toFixed(2)} s vs ${plainOut.wall.toFixed(2)} s (×${ratio.toFixed(2)}); CPU ${grownOut.cpu.toFixed(2)} s vs ${plainOut.cpu.toFixed(2)} s (×${(grownOut.cpu / plainOut.cpu).toFixed(2)}); load average ${load.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after`,
    "≤ ×1.20",
    ratio <= 1.2
  );
  const [noneJson, grownJson] = alternating(bin, [plain, withHistory], ["--as-of", asOf, "--json"]);
  report(
    "CLI evaluate --json (history read and compared, nothing written), same inputs",
    `${grownJson.wall.toFixed(2)} s vs ${noneJson.wall.toFixed(2)} s (×${(grownJson.wall / noneJson.wall).toFixed(2)}); CPU ${grownJson.cpu.toFixed(2)} s vs ${noneJson.cpu.toFixed(2)} s`
  );
}
