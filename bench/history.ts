import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
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

function childSeconds(args: string[]): number {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`kpi-rewards ${args.join(" ")} failed: ${child.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

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
  const cli = (file: string, ...more: string[]) =>
    median([0, 1, 2].map(() => childSeconds([bin, "evaluate", file, "--as-of", asOf, ...more])));
  const written = [cli(plain, "--out", out, "--force"), cli(withHistory, "--out", out, "--force")];
  const ratio = written[1] / written[0];
  report(
    "CLI evaluate --out, 1M rows × 10k targets, with a 240k-row KPI History against none (wall, median of 3)",
    `${written[1].toFixed(2)} s vs ${written[0].toFixed(2)} s (×${ratio.toFixed(2)})`,
    "≤ ×1.20",
    ratio <= 1.2
  );
  const json = [cli(plain, "--json"), cli(withHistory, "--json")];
  report(
    "CLI evaluate --json (history read and compared, nothing written), same inputs",
    `${json[1].toFixed(2)} s vs ${json[0].toFixed(2)} s (×${(json[1] / json[0]).toFixed(2)})`
  );
}
