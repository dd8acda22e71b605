/**
 * `npm run bench`: how fast and how big, against what a user would do instead. Writes BENCHMARKS.md and
 * exits non-zero when a budget is broken. Not part of the test command.
 */
import { execFileSync, spawn, spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { gzipSync } from "zlib";
import ExcelJS from "exceljs";
import { evaluateWorkbook } from "../src/engine";
import {
  formatIsoDate,
  historySheet,
  resultsSheet,
  SAMPLE_AS_OF,
  sampleWorkbook,
} from "../src/sheet";
import { readWorkbook, READ_RESPONSE_BYTES } from "../src/excel/read";
import { writeResults } from "../src/excel/write";
import { evaluateInExcel } from "../src/excel/run";
import type { PaneSettings } from "../src/excel/settings";
import { evaluate as kpiEvaluate } from "../src/functions/functions";
import { installFakeOffice, WorkbookState, type Value } from "../tools/fake-excel";
import { locate } from "../scripts/test-tools";
import { AS_OF as HISTORY_AS_OF, grownHistory, historyGrowth } from "./history";
import { writeLongWorkbook } from "./long-workbook";
import { naiveWindows } from "./naive";
import { corpusExactness, longSheetReads } from "./readers";
import { FIRST_DAY, portfolio } from "./workloads";

const root = path.join(__dirname, "..");
const work = path.join(root, "build", "bench");
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface Row {
  what: string;
  figure: string;
  budget: string;
  ok: boolean | undefined;
}
const rows: Row[] = [];
function report(what: string, figure: string, budget = "", ok?: boolean): void {
  rows.push({ what, figure, budget, ok });
  console.log(
    `${ok === false ? "✗" : ok ? "✓" : "·"} ${what}: ${figure}${budget ? `  (budget ${budget})` : ""}`
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Median of timed runs after warm-ups. Each run starts after a full GC and a short pause, so it pays
 * for its own garbage, not the previous run's, and V8's background sweeping does not compete with it.
 */
async function time(
  run: () => void,
  times: number,
  warmups = 2
): Promise<{ median: number; steady: number }> {
  for (let i = 0; i < warmups; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    gc();
    await pause(150);
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  // Also the steady state of back-to-back runs, as a long-lived runtime (Excel's) sees it.
  const steady: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    run();
    steady.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { median: median(samples), steady: median(steady) };
}

async function engine(): Promise<void> {
  console.log("Engine: 1,000,000 observations × 10,000 targets");
  const input = portfolio(1_000_000, 10_000);
  const asOf = FIRST_DAY + 400;
  const { median: ms, steady } = await time(() => evaluateWorkbook(input.workbook, { asOf }), 7);
  report(
    "engine, 1M observations × 10k targets (median of 7, recognition included)",
    `${ms.toFixed(0)} ms (back to back: ${steady.toFixed(0)} ms)`,
    "< 300 ms",
    ms < 300
  );
  report(
    "engine, peak resident memory of the process (input grid included)",
    mb(process.resourceUsage().maxRSS * 1024)
  );

  // The straightforward alternative: filter all rows per target. Time-boxed, then scaled to 10k targets.
  const evaluation = evaluateWorkbook(input.workbook, { asOf });
  const targets = input.targets.slice(1);
  const budgetMs = 8000;
  const started = Date.now();
  let done = 0;
  let checked = 0;
  for (; done < targets.length && Date.now() - started < budgetMs; done++) {
    const [project, kpi, start] = targets[done] as [string, string, number];
    const naive = naiveWindows(input.observations, project, kpi, start, 30);
    const result = evaluation.results[done];
    // Targets with a "30 days" window and the average aggregate are directly comparable.
    if (targets[done][3] === "30 days" && targets[done][5] === "average") {
      checked++;
      if (
        naive.actual !== result.actual &&
        Math.abs((naive.actual ?? 0) - (result.actual ?? 0)) > 1e-9
      ) {
        throw new Error(
          `naive and engine disagree on target ${done}: ${naive.actual} vs ${result.actual}`
        );
      }
    }
  }
  const perTarget = (Date.now() - started) / done;
  const naiveTotal = perTarget * targets.length;
  const ratio = naiveTotal / ms;
  report(
    "per-target filter over all rows (the same input)",
    `${(naiveTotal / 1000).toFixed(1)} s for 10k targets (${done} run in ${(budgetMs / 1000).toFixed(0)} s, ${perTarget.toFixed(2)} ms each, scaled; ${checked} results cross-checked)`
  );
  report(
    "engine speed-up over the per-target filter",
    `${ratio.toFixed(0)}×`,
    "≥ 100×",
    ratio >= 100
  );
}

async function formulas(): Promise<void> {
  for (const [observations, targets, budget] of [
    [100_000, 1_000, 50],
    [1_000_000, 10_000, 300],
  ]) {
    console.log(
      `KPI.EVALUATE: ${observations.toLocaleString("en-US")} rows × ${targets.toLocaleString("en-US")} targets`
    );
    const input = portfolio(observations, targets);
    const { median: ms, steady } = await time(
      () => kpiEvaluate(input.targets as never, input.observations as never, FIRST_DAY + 400),
      observations > 100_000 ? 5 : 9
    );
    report(
      `KPI.EVALUATE, ${observations / 1000}k observation rows × ${targets / 1000}k targets (spill included)`,
      `${ms.toFixed(1)} ms (back to back: ${steady.toFixed(1)} ms)`,
      `< ${budget} ms`,
      ms < budget
    );
    // The same range with one #N/A per 1,000 rows, as Excel passes error cells (allowErrorForDataTypeAny).
    const withErrors = input.observations.map((row, i) =>
      i > 0 && i % 1000 === 0
        ? [
            ...row.slice(0, 3),
            { type: "Error", basicType: "Error", basicValue: "#N/A", code: "#N/A" },
          ]
        : row
    );
    const { median: errorMs } = await time(
      () => kpiEvaluate(input.targets as never, withErrors as never, FIRST_DAY + 400),
      observations > 100_000 ? 5 : 9
    );
    report(
      `KPI.EVALUATE, ${observations / 1000}k rows × ${targets / 1000}k targets, 1 error cell per 1,000 rows`,
      `${errorMs.toFixed(1)} ms`
    );
  }
}

const CLI_ROWS = 200_000;
const CLI_TARGETS = 1_000;

/** The CLI's input, and its twin whose results are native AVERAGEIFS/SUMIFS formulas. */
async function cliWorkbooks(): Promise<{ input: string; twin: string; expected: number[] }> {
  const input = portfolio(CLI_ROWS, CLI_TARGETS, 1_000);
  // Only what spreadsheet formulas can express directly: average and sum over "30 days" windows.
  const targets = input.targets.map((row, i) =>
    i === 0
      ? row
      : [row[0], row[1], row[2], "30 days", row[4], i % 2 ? "average" : "sum", row[6], row[7]]
  );
  const evaluation = evaluateWorkbook(
    {
      sheets: [
        { name: "Targets", values: targets },
        { name: "Observations", values: input.observations },
      ],
    },
    { asOf: FIRST_DAY + 400 }
  );
  mkdirSync(work, { recursive: true });
  const write = async (file: string, withFormulas: boolean) => {
    const workbook = new ExcelJS.Workbook();
    if (withFormulas) {
      // The formulas sheet first: LibreOffice's CSV export writes the first sheet.
      const check = workbook.addWorksheet("Check");
      check.addRow(["Project", "KPI", "Start", "End", "Actual", "Baseline"]);
      targets.slice(1).forEach((row, i) => {
        const r = i + 2;
        const fn = row[5] === "sum" ? "SUMIFS" : "AVERAGEIFS";
        const range = `Observations!$A$2:$A$${CLI_ROWS + 1},A${r},Observations!$B$2:$B$${CLI_ROWS + 1},B${r},Observations!$C$2:$C$${CLI_ROWS + 1}`;
        const values = `Observations!$D$2:$D$${CLI_ROWS + 1}`;
        check.addRow([
          row[0],
          row[1],
          row[2],
          (row[2] as number) + 30,
          {
            formula: `${fn}(${values},${range},">="&C${r},Observations!$C$2:$C$${CLI_ROWS + 1},"<"&D${r})`,
          },
          {
            formula: `${fn}(${values},${range},">="&(C${r}-30),Observations!$C$2:$C$${CLI_ROWS + 1},"<"&C${r})`,
          },
        ]);
      });
    }
    const targetSheet = workbook.addWorksheet("Targets");
    targets.forEach((row) => targetSheet.addRow(row as ExcelJS.CellValue[]));
    const observations = workbook.addWorksheet("Observations");
    input.observations.forEach((row) => observations.addRow(row as ExcelJS.CellValue[]));
    await workbook.xlsx.writeFile(file);
  };
  const inputFile = path.join(work, "cli-200k.xlsx");
  const twinFile = path.join(work, "libreoffice-twin.xlsx");
  await write(inputFile, false);
  await write(twinFile, true);
  return {
    input: inputFile,
    twin: twinFile,
    expected: evaluation.results.map((r) => r.actual ?? NaN),
  };
}

function measureChild(
  command: string,
  args: string[],
  cwd = root
): {
  ms: number;
  maxRssKb?: number;
  cpuMs?: number;
  stdout: string;
  stderr: string;
  status: number | null;
} {
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /maxRSS (\d+)/.exec(child.stderr ?? "");
  const cpu = /cpu (\d+)/.exec(child.stderr ?? "");
  if (child.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${child.stderr}`);
  return {
    ms,
    maxRssKb: rss ? Number(rss[1]) : undefined,
    cpuMs: cpu ? Number(cpu[1]) / 1000 : undefined,
    stdout: child.stdout,
    stderr: child.stderr,
    status: child.status,
  };
}

async function cli(): Promise<void> {
  console.log("CLI: a 200,000-row workbook, against LibreOffice recalculating AVERAGEIFS/SUMIFS");
  const { input, twin, expected } = await cliWorkbooks();
  const bin = path.join(root, "bin", "kpi-rewards.js");
  const out = path.join(work, "cli-200k-rewards.xlsx");
  const runs = [0, 1, 2].map(() =>
    measureChild(process.execPath, [
      "--require",
      path.join(__dirname, "max-rss.js"),
      bin,
      "evaluate",
      input,
      "--as-of",
      "2024-02-05",
      "--out",
      out,
      // Each run replaces the previous run's output.
      "--force",
    ])
  );
  const cliMs = median(runs.map((r) => r.ms));
  const cliRss = Math.max(...runs.map((r) => r.maxRssKb ?? 0)) * 1024;
  report(
    "CLI evaluate --out, 200k rows × 1k targets (wall time, median of 3)",
    `${(cliMs / 1000).toFixed(2)} s`
  );
  report("CLI peak memory", mb(cliRss), "< 400 MB", cliRss < 400 * 1024 * 1024);
  const json = measureChild(process.execPath, [
    "--require",
    path.join(__dirname, "max-rss.js"),
    bin,
    "evaluate",
    input,
    "--as-of",
    "2024-02-05",
    "--json",
  ]);
  report(
    "CLI evaluate --json (no workbook written)",
    `${(json.ms / 1000).toFixed(2)} s, ${mb((json.maxRssKb ?? 0) * 1024)}`
  );

  const libreOffice = locate("libreoffice");
  if (!libreOffice.found) {
    report(
      "LibreOffice twin",
      `not run: ${libreOffice.message}`,
      "CLI ≤ 1/5 of LibreOffice",
      undefined
    );
    return;
  }
  const soffice = libreOffice.path;
  const profile = path.join(work, "lo-profile");
  const csvDir = path.join(work, "lo-out");
  rmSync(csvDir, { recursive: true, force: true });
  const lo = measureChild(soffice, [
    "--headless",
    "--norestore",
    `-env:UserInstallation=file://${profile}`,
    "--convert-to",
    "csv",
    "--outdir",
    csvDir,
    twin,
  ]);
  const csv = readFileSync(path.join(csvDir, "libreoffice-twin.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  const mismatches = csv.filter((line, i) => {
    const actual = Number(line.split(",")[4]);
    return (
      Number.isFinite(expected[i]) &&
      Math.abs(actual - expected[i]) > 1e-6 * Math.max(1, Math.abs(expected[i]))
    );
  }).length;
  report(
    "LibreOffice headless: open the twin, recalculate 2k AVERAGEIFS/SUMIFS, export",
    `${(lo.ms / 1000).toFixed(2)} s (${csv.length} rows, ${mismatches} differ from the engine)`
  );
  const ratio = lo.ms / cliMs;
  report("CLI speed-up over LibreOffice", `${ratio.toFixed(1)}×`, "≥ 5×", ratio >= 5);
}

/** The syncs, largest request, largest response and response bytes of the syncs since `from`. */
function traffic(state: WorkbookState, from = 0) {
  const requests = state.requests.slice(from);
  const responses = state.responses.slice(from);
  return {
    syncs: requests.length,
    request: Math.max(...requests),
    response: Math.max(...responses),
    bytes: responses.reduce((sum, b) => sum + b, 0),
  };
}

const EXCEL_LIMIT = 5 * 1024 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * Reads and writes through the in-memory Excel of test/support (the same one the tests drive, which
 * enforces Excel on the web's 5 MB request and response limits and counts their bytes).
 */
async function excelLayer(): Promise<void> {
  console.log("Excel layer (in-memory Excel)");
  for (const count of [100_000, 1_048_575]) {
    const state = new WorkbookState();
    installFakeOffice(state);
    const input = portfolio(count, 1_000, 1_000);
    state.addSheet("Targets", input.targets as Value[][]);
    state.addSheet("Observations", input.observations as Value[][]);
    const started = performance.now();
    await Excel.run((context) => readWorkbook(context));
    const ms = performance.now() - started;
    const read = traffic(state);
    const budget = Math.ceil(read.bytes / READ_RESPONSE_BYTES) + 2;
    const what = `read of ${count.toLocaleString("en-US")} observation rows`;
    report(
      `${what}: syncs`,
      `${read.syncs} for ${mb(read.bytes)} of values (${(ms / 1000).toFixed(1)} s in the in-memory Excel)`,
      `≤ ⌈bytes / 4 MiB⌉ + 2 = ${budget}`,
      read.syncs <= budget
    );
    report(
      `${what}: largest request / largest response`,
      `${kb(read.request)} / ${kb(read.response)}`,
      "each ≤ 5 MB",
      read.request <= EXCEL_LIMIT && read.response <= EXCEL_LIMIT
    );
  }

  const state = new WorkbookState();
  installFakeOffice(state);
  const input = portfolio(100_000, 10_000, 10_000);
  state.addSheet("Targets", input.targets as Value[][]);
  state.addSheet("Observations", input.observations as Value[][]);
  const workbook = await Excel.run((context) => readWorkbook(context));
  const evaluation = evaluateWorkbook(workbook, { asOf: FIRST_DAY + 400 });
  const before = state.syncs;
  await Excel.run((context) => writeResults(context, resultsSheet(evaluation, "bench")));
  const write = traffic(state, before);
  report(
    `write of ${evaluation.results.length.toLocaleString("en-US")} results: syncs, largest request / largest response`,
    `${write.syncs}, ${kb(write.request)} / ${kb(write.response)}`,
    "each ≤ 5 MB",
    write.request <= EXCEL_LIMIT && write.response <= EXCEL_LIMIT
  );

  const sample = new WorkbookState();
  installFakeOffice(sample);
  for (const sheet of sampleWorkbook())
    sample.addSheet(
      sheet.name,
      sheet.values.map((row) =>
        row.map((v) => (v === null || v === undefined || typeof v === "object" ? "" : v))
      )
    );
  const sampleWorkbookGrid = await Excel.run((context) => readWorkbook(context));
  const readSyncs = sample.syncs;
  const sampleEvaluation = evaluateWorkbook(sampleWorkbookGrid, { asOf: SAMPLE_AS_OF });
  await Excel.run((context) => writeResults(context, resultsSheet(sampleEvaluation, "bench")));
  const writeSyncs = sample.syncs - readSyncs;
  report("sample: read syncs", String(readSyncs), "≤ 2", readSyncs <= 2);
  report("sample: write syncs", String(writeSyncs), "≤ 3", writeSyncs <= 3);
}

/**
 * The add-in's whole run (read with the history, evaluate, write results and record the run) on a
 * workbook of 10,000 targets carrying 24 monthly runs (240,000 KpiRunResults rows), against the same
 * workbook with no history: what the history costs in Excel's round trips, message sizes and time.
 * The in-memory Excel supports ExcelApi 1.13, so run 25 is appended to the history in place.
 */
async function addInHistory(): Promise<void> {
  console.log("Add-in run with a 240,000-row KPI History");
  const input = portfolio(100_000, 10_000, 10_000);
  const settings = { asOfMode: "fixed", asOf: formatIsoDate(HISTORY_AS_OF) } as PaneSettings;
  const measure = async (history: boolean) => {
    const state = new WorkbookState();
    installFakeOffice(state);
    state.addSheet("Targets", input.targets as Value[][]);
    state.addSheet("Observations", input.observations as Value[][]);
    if (history) {
      const earlier = evaluateWorkbook(input.workbook, { asOf: HISTORY_AS_OF - 30 });
      await Excel.run((context) =>
        writeResults(
          context,
          resultsSheet(earlier, "bench"),
          historySheet(grownHistory(input.workbook))
        )
      );
    }
    const before = state.syncs;
    gc();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const evaluation = await evaluateInExcel(settings);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (evaluation.run?.plan.kind !== "new") throw new Error("the add-in run recorded no new run");
    const sent = state.requests.slice(before).reduce((sum, b) => sum + b, 0);
    return {
      ...traffic(state, before),
      sent,
      ms,
      cpu: (used.user + used.system) / 1000,
      run: evaluation.run.plan.run,
    };
  };
  // In turn, five times each: the machine's load moves both alike (with three, one bench run in five
  // went over the budget on noise alone).
  const loadBefore = os.loadavg()[0];
  const nones: Awaited<ReturnType<typeof measure>>[] = [];
  const growns: Awaited<ReturnType<typeof measure>>[] = [];
  for (let i = 0; i < 5; i++) {
    nones.push(await measure(false));
    growns.push(await measure(true));
  }
  const loadAfter = os.loadavg()[0];
  const none = nones[0];
  const grown = growns[0];
  report(
    "add-in evaluate with a 240k-row KPI History (run 25): syncs, largest request / largest response",
    `${grown.syncs} (${none.syncs} without history), ${kb(grown.request)} / ${kb(grown.response)}`,
    "each ≤ 5 MB; ≤ 4 syncs more",
    grown.run === 25 &&
      grown.request <= EXCEL_LIMIT &&
      grown.response <= EXCEL_LIMIT &&
      grown.syncs <= none.syncs + 4
  );
  report(
    "add-in evaluate with a 240k-row KPI History: bytes of responses / of requests",
    `${mb(grown.bytes)} / ${mb(grown.sent)} vs ${mb(none.bytes)} / ${mb(none.sent)} without history`
  );
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const wall = median(growns.map((m) => m.ms)) / median(nones.map((m) => m.ms));
  const cpu = median(growns.map((m) => m.cpu)) / median(nones.map((m) => m.cpu));
  report(
    "add-in evaluate with a 240k-row KPI History against none: time in the in-memory Excel (median of 5)",
    `${s(median(growns.map((m) => m.ms)))} vs ${s(median(nones.map((m) => m.ms)))} (×${wall.toFixed(2)}); CPU ${s(median(growns.map((m) => m.cpu)))} vs ${s(median(nones.map((m) => m.cpu)))} (×${cpu.toFixed(2)}); load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`,
    "≤ ×1.20",
    wall <= 1.2
  );
}

function bundles(): void {
  console.log("Bundles");
  const size = (file: string) => gzipSync(readFileSync(path.join(root, "dist", file))).length;
  const pane = size("taskpane.js");
  report(
    "task pane bundle, gzipped",
    `${(pane / 1024).toFixed(0)} KB`,
    "< 350 KB",
    pane < 350 * 1024
  );
  report("functions bundle, gzipped", `${(size("functions.js") / 1024).toFixed(0)} KB`);
  report("commands bundle, gzipped", `${(size("commands.js") / 1024).toFixed(0)} KB`);
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  let lo = "not installed";
  try {
    const soffice = locate("libreoffice");
    if (soffice.found) lo = execFileSync(soffice.path, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    // stays "not installed"
  }
  return `${os.type()} ${os.release()}, ${cpu}, ${os.cpus().length} cores, ${mb(os.totalmem())} memory; Node ${process.version}; ${lo}`;
}

/** The CLI reader at Excel's row limit and at 200k rows: `evaluate --json`, wall time and peak memory. */
async function cliLongSheet(): Promise<void> {
  console.log("CLI reader: long sheets up to Excel's row limit");
  mkdirSync(work, { recursive: true });
  const cases = [
    { rows: 200_000, targets: 1_000, ms: 1_800, mb: 400 },
    { rows: 1_048_575, targets: 3_000, ms: 6_000, mb: 1_200 },
  ];
  for (const c of cases) {
    const file = path.join(work, `long-${c.rows}.xlsx`);
    if (!existsSync(file)) await writeLongWorkbook(file, c.rows, c.targets);
    const loadBefore = os.loadavg()[0];
    const runs = [0, 1, 2].map(() =>
      measureChild(process.execPath, [
        "--require",
        path.join(__dirname, "max-rss.js"),
        path.join(root, "bin", "kpi-rewards.js"),
        "evaluate",
        file,
        "--as-of",
        "2024-06-30",
        "--json",
      ])
    );
    const ms = median(runs.map((r) => r.ms));
    const cpuMs = median(runs.map((r) => r.cpuMs ?? 0));
    const rss = Math.max(...runs.map((r) => r.maxRssKb ?? 0)) * 1024;
    const results = (JSON.parse(runs[0].stdout) as { results: unknown[] }).results.length;
    report(
      `CLI evaluate --json, ${c.rows.toLocaleString("en-US")} observation rows × ${c.targets.toLocaleString("en-US")} targets (wall, median of 3; ${results} results)`,
      `${(ms / 1000).toFixed(2)} s (CPU ${(cpuMs / 1000).toFixed(2)} s), ${mb(rss)} peak (load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after)`,
      `< ${c.ms / 1000} s, < ${c.mb} MB`,
      ms < c.ms && rss < c.mb * 1024 * 1024
    );
  }
}

/** The load average (1, 5, 15 minutes): on a shared 2-core machine, what the wall times shared it with. */
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

/** Our reader, SheetJS CE and exceljs on the corpus and the long sheets (bench/readers.ts). */
async function readerChoice(): Promise<void> {
  console.log(
    "Reader choice: our reader, SheetJS CE and exceljs on the corpus and the long sheets"
  );
  await corpusExactness(report);
  await longSheetReads(report, work);
}

const PORTFOLIO_WORKBOOKS = 8;
const PORTFOLIO_ROWS = 50_000;
const PORTFOLIO_TARGETS = 500;

/**
 * A portfolio run: 8 workbooks of 50,000 rows, evaluated and written one at a time (`--jobs 1`) and
 * two at a time (`--jobs 2`), alternating so that both see the same machine. Wall time, median of 5,
 * with the CPU time of the portfolio process and of its workers (`bench/cpu-with-workers.js`) beside
 * it: on 2 cores, --jobs 2 cannot take less than half its CPU time, nor less than its busier process.
 */
async function portfolioRun(): Promise<void> {
  console.log(
    `CLI portfolio: ${PORTFOLIO_WORKBOOKS} workbooks of ${PORTFOLIO_ROWS.toLocaleString("en-US")} rows, --jobs 1 against --jobs 2`
  );
  const folder = path.join(work, "portfolio");
  mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  for (let i = 1; i <= PORTFOLIO_WORKBOOKS; i++) {
    const file = path.join(folder, `project-${i}.xlsx`);
    if (!existsSync(file)) await writeLongWorkbook(file, PORTFOLIO_ROWS, PORTFOLIO_TARGETS);
    files.push(file);
  }
  const bin = path.join(root, "bin", "kpi-rewards.js");
  const run = (jobs: number) => {
    const child = measureChild(process.execPath, [
      "--require",
      path.join(__dirname, "cpu-with-workers.js"),
      bin,
      "evaluate",
      ...files,
      "--as-of",
      "2024-06-30",
      "--jobs",
      String(jobs),
      // Each run replaces the previous run's -rewards copies.
      "--force",
    ]);
    const cpu = /cpu (\d+) workers (\d+)/.exec(child.stderr);
    return {
      ms: child.ms,
      own: Number(cpu?.[1] ?? NaN) / 1000,
      workers: Number(cpu?.[2] ?? NaN) / 1000,
    };
  };
  // What one process costs: Node's start and the CLI's modules, then its first and later workbooks.
  const warmups = [0, 1, 2].map(() =>
    execFileSync(
      process.execPath,
      [path.join(__dirname, "portfolio-warmup.js"), ...files.slice(0, 3)],
      {
        encoding: "utf8",
      }
    )
      .trim()
      .split(" ")
      .map((us) => Number(us) / 1e6)
  );
  const step = (i: number) => median(warmups.map((w) => w[i])).toFixed(2);
  report(
    "CLI portfolio, CPU time of one process: Node's start + the CLI's modules / its first workbook / its second, third (median of 3)",
    `${step(0)} s + ${step(1)} s / ${step(2)} s / ${step(3)} s, ${step(4)} s`
  );
  // The floor of any design with one process per share: the workbooks split by hand between two
  // `--jobs 1` processes started together, nothing shared and nothing to coordinate.
  const halves = [files.slice(0, files.length / 2), files.slice(files.length / 2)];
  const split = async (): Promise<number> => {
    const start = process.hrtime.bigint();
    await Promise.all(
      halves.map(
        (half) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(
              process.execPath,
              [bin, "evaluate", ...half, "--as-of", "2024-06-30", "--jobs", "1", "--force"],
              { cwd: root, stdio: "ignore" }
            );
            child.on("error", reject);
            child.on("exit", (code) =>
              code === 0 ? resolve() : reject(new Error(`a half of the portfolio exited ${code}`))
            );
          })
      )
    );
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const load = os.loadavg()[0];
  const one: ReturnType<typeof run>[] = [];
  const two: ReturnType<typeof run>[] = [];
  const byHand: number[] = [];
  for (let i = 0; i < 5; i++) {
    one.push(run(1));
    two.push(run(2));
    byHand.push(await split());
  }
  const middle = (xs: ReturnType<typeof run>[]) => [...xs].sort((a, b) => a.ms - b.ms)[2];
  const [a, b] = [middle(one), middle(two)];
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const ratio = b.ms / a.ms;
  report(
    `CLI portfolio, ${PORTFOLIO_WORKBOOKS} workbooks × ${PORTFOLIO_ROWS / 1000}k rows × ${PORTFOLIO_TARGETS} targets, evaluated and written: --jobs 1 / --jobs 2 (wall, median of 5)`,
    `${s(a.ms)} / ${s(b.ms)} (load average ${load.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after)`
  );
  report(
    "CLI portfolio, CPU time of those runs: --jobs 1 / --jobs 2 (this process + its worker)",
    `${s(a.own + a.workers)} / ${s(b.own + b.workers)} (${s(b.own)} + ${s(b.workers)})`
  );
  const floor = median(byHand);
  report(
    `CLI portfolio, the same ${PORTFOLIO_WORKBOOKS} workbooks split by hand: two --jobs 1 processes of ${PORTFOLIO_WORKBOOKS / 2} started together (wall, median of 5), and that over --jobs 1`,
    `${s(floor)} (${(floor / a.ms).toFixed(2)})`
  );
  report(
    "CLI portfolio, --jobs 2 time over --jobs 1 time",
    ratio.toFixed(2),
    "≤ 0.75",
    ratio <= 0.75
  );
}

const SECTIONS: Record<string, () => void | Promise<void>> = {
  engine,
  formulas,
  excel: excelLayer,
  "addin-history": addInHistory,
  bundles,
  cli,
  "cli-long": cliLongSheet,
  portfolio: portfolioRun,
  readers: readerChoice,
  history: () => historyGrowth(report, time, work, path.join(root, "bin", "kpi-rewards.js")),
};

const rowLine = (r: Row) =>
  `| ${r.what} | ${r.figure} | ${r.budget} | ${r.ok === undefined ? "" : r.ok ? "✓" : "✗ over budget"} |`;

/**
 * `npm run bench -- portfolio cli`: only the named parts run, and only their rows of BENCHMARKS.md
 * are replaced (or added), each row carrying its own figures; the rest of the file stays as it was.
 */
function mergeRows(): void {
  const file = path.join(root, "BENCHMARKS.md");
  const lines = readFileSync(file, "utf8").split("\n");
  for (const row of rows) {
    const at = lines.findIndex((l) => l.startsWith(`| ${row.what} |`));
    if (at >= 0) lines[at] = rowLine(row);
    else {
      let last = lines.length - 1;
      while (last > 0 && !lines[last].startsWith("| ")) last--;
      lines.splice(last + 1, 0, rowLine(row));
    }
  }
  const text = lines.join("\n");
  // The portfolio's paragraph of "How each figure is made", replaced by the current one.
  const method = /- \*\*CLI portfolio\*\*[\s\S]*?(?=\n- \*\*|\n*$)/;
  writeFileSync(
    file,
    method.test(text)
      ? text.replace(method, PORTFOLIO_METHOD)
      : `${text.replace(/\n*$/, "")}\n${PORTFOLIO_METHOD}\n`
  );
}

const PORTFOLIO_METHOD = `- **CLI portfolio**: \`kpi-rewards evaluate <8 files> --jobs 1\` and \`--jobs 2\` in child processes, alternating,
  on eight workbooks of 50,000 observation rows and 500 targets each (\`bench/long-workbook.ts\`),
  every workbook evaluated and its \`-rewards\` copy written; wall time, median of 5, and the CPU time of
  the portfolio process and of its worker (\`bench/cpu-with-workers.js\`: Linux's children's time), with
  the load average before and after, as other work on the machine moves the figure. The CPU time of one
  process (\`bench/portfolio-warmup.js\`) shows what each worker adds: Node's start, the CLI's modules
  and its first workbook on cold code, against the warm cost of the workbooks after it. On 2 cores,
  \`--jobs 2\` cannot take less wall time than its busier process's CPU time; CPU time over wall time
  is how many cores a run actually got. Linux's autogroup scheduling (on here) gives each session one
  share of the CPU, however many processes it runs: while another session keeps a core busy, the
  portfolio and its worker share one core's worth, and \`--jobs 2\` only adds the worker's own cost.
  The control run splits the eight workbooks by hand between two \`--jobs 1\` processes started together:
  no pool, nothing shared, nothing to coordinate, so its time over \`--jobs 1\` is the best any design
  with a process per share can reach here. A process pays a fixed cost before it is fast (Node's start,
  the CLI's modules, then V8 interpreting and compiling the reader and the engine anew: every process,
  and every worker thread, has its own compiled code), and one \`--jobs 1\` process already keeps more
  than one core busy (zlib on libuv's threads, V8's compiler and garbage collector on its own).`;

async function main(): Promise<void> {
  if (!existsSync(path.join(root, "dist", "taskpane.js")))
    throw new Error("run `npm run build` first (npm run bench does)");
  const loadBefore = load();
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !(name in SECTIONS));
  if (unknown.length)
    throw new Error(
      `no bench part ${unknown.join(", ")}; parts: ${Object.keys(SECTIONS).join(", ")}`
    );
  for (const [name, section] of Object.entries(SECTIONS))
    if (only.length === 0 || only.includes(name)) await section();
  const loadAfter = load();
  const broken = rows.filter((r) => r.ok === false);
  if (only.length) {
    mergeRows();
    console.log(
      `\nUpdated ${rows.length} rows of BENCHMARKS.md${broken.length ? `; ${broken.length} budget(s) broken` : "; every budget holds"}`
    );
    process.exitCode = broken.length ? 1 : 0;
    return;
  }
  const table = rows.map(rowLine).join("\n");
  writeFileSync(
    path.join(root, "BENCHMARKS.md"),
    `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine()}. Load average
(1, 5, 15 min) ${loadBefore} at the start and ${loadAfter} at the end (above 2, the number of cores,
the machine was shared with other work while measuring, and wall times suffer first).

| What | Figure | Budget | |
| --- | --- | --- | --- |
${table}

How each figure is made:

- **Engine**: \`evaluateWorkbook\` on a grid of 1,000,000 long-table observation rows (10,000 Project/KPI
  series, each observed on consecutive days, rows in random order across series) and 10,000 targets
  using every aggregate and several window texts; median of 7 runs after 2 warm-ups, each started
  after a full GC and a 150 ms pause (so it pays for its own garbage only, and V8's background
  sweeping does not compete with it on this 2-core machine). "Back to back" is the median of runs
  with no pause, as a long-lived runtime sees them.
- **Per-target filter**: for each target, scan every row, compare project and KPI, and aggregate the
  two windows — what a formula-per-target workbook or a naive script does. It runs for 8 seconds and
  is scaled to 10,000 targets; its averages are checked against the engine's.
- **KPI.EVALUATE**: the custom function called in Node on 100,000 rows and 1,000 targets, timed the
  same way.
- **CLI reader**: \`kpi-rewards evaluate --json\` in a child process on long-layout workbooks written by
  exceljs's streaming writer with shared strings (\`bench/long-workbook.ts\`): 200,000 rows × 1,000
  targets, and 1,048,575 rows (Excel's last row under the header) × 3,000 targets; Node's start-up
  included, median of 3. Reading the sheet part (inflating and scanning about 190 MB of XML at the row
  limit) is about two thirds of the CPU, collecting the garbage of building the grid most of the rest;
  the engine's share is under a second. The reader scans the inflated bytes in place (src/cli/ooxml:
  numbers, shared-string indexes and addresses are read from the bytes; only text that becomes a value
  is decoded) and inflates up to 4 MB ahead of the scan on libuv's thread pool.
- **Reader choice** (\`bench/readers.ts\`, each read in its own process by \`bench/read-with.js\`): each
  corpus workbook (test/fixtures/corpus) read by SheetJS CE 0.20.3 (\`@e965/xlsx\`), exceljs 4.4's
  \`xlsx.load\` and its streaming WorkbookReader, compared cell by cell and for the date system with our
  reader's grid (which test/cli/corpus.test.ts pins to hand-written values), then evaluated from the
  library's cells; and the time to read each long workbook into a grid (from the bytes in memory;
  loading the library's code not counted), the CPU time of all threads, and the process's peak memory.
- **CLI**: \`kpi-rewards evaluate\` in a child process on a generated 200,000-row workbook with 1,000
  targets (average and sum over 30-day windows), wall time including Node's start, reading, evaluating
  and writing the copy. Its twin holds the same data with the same results as AVERAGEIFS/SUMIFS
  formulas; LibreOffice headless opens it, calculates them and exports them, and the bench checks
  that its numbers equal the engine's.
- **History**: 24 monthly runs of the engine workload's 10,000 targets (240,000 KpiRunResults rows)
  against none: \`evaluateWorkbook\` with that history and with an empty one (both fingerprint the
  inputs and plan a run; the history adds the comparison), timed like the engine; then
  \`kpi-rewards evaluate\` in a child process on the 1,000,000-row long workbook with and without a
  \`KPI History\` sheet holding those runs as the CLI stores it (\`bench/history.ts\`): with \`--out\` it
  reads KpiRuns and the compared run's 10,000 results, compares, and appends run 25 keeping the other
  runs' compressed bytes; with \`--json\` it only reads and compares. The two workbooks are run in turn,
  three times each, wall and CPU time (all threads) medians, the load average beside them.
- **Excel layer**: the in-memory Excel of \`tools/fake-excel.ts\` (the fake the tests drive; the pane's
  browser tests load the same file), which enforces
  Excel on the web's 5 MB request and response limits and measures both as the UTF-8 JSON Office.js
  exchanges. Observations are the engine workload's long table (1,000 series); "bytes" is the sum of
  the read's responses. The write is the results sheet of 10,000 targets over 100,000 rows.
- **Add-in history** (\`addin-history\`): the add-in's whole run (\`evaluateInExcel\`: read with the history,
  evaluate, write KPI Rewards and record the run in the same swap) on 10,000 targets over 100,000 rows,
  in a workbook carrying the bench's 24 monthly runs (240,000 KpiRunResults rows) and in one without a
  history; both record a new run. The read takes KpiRuns and only the compared run's 10,000 rows,
  found from the runs' Targets counts and proven by their Run cells (the whole Run column is read only
  when rows were moved by hand); run 25's rows are written under KpiRunResults and committed with
  its KpiRuns line and the tables' resize (ExcelApi 1.13, \`src/excel/history-append.ts\`). Of the extra syncs, one is the compared rows' and one
  the survey of the old KPI Rewards sheet's marks, which only the workbook with a history has. The
  two workbooks are run in turn, five times each; wall and CPU time medians, the load average beside
  them. Every sync's request and response is under 5 MB: value
  writes are cut into blocks and a block that would not fit beside what is already queued waits for
  its own request (\`src/excel/request-budget.ts\`).
- **Bundles**: production build, gzip level 6.
${PORTFOLIO_METHOD}
`
  );
  console.log(
    `\nWrote BENCHMARKS.md${broken.length ? `; ${broken.length} budget(s) broken` : "; every budget holds"}`
  );
  process.exitCode = broken.length ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
