/**
 * The reader choice, measured (issue 9): our streaming OOXML reader against SheetJS Community Edition
 * (@e965/xlsx, which republishes 0.20.3) and exceljs (its in-memory reader, and the streaming reader the
 * CLI used before). On the corpus: does each read every cell exactly, and does the engine then give the
 * hand-computed results? On long sheets: time to read into a grid and the process's peak memory, each
 * run in its own process (bench/read-with.js). Part of `npm run bench`; alone:
 * `npm run build:cli && npx ts-node --transpile-only bench/readers.ts`.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { evaluateWorkbook, type CellValue, type WorkbookGrid } from "../src/engine";
import { readXlsx } from "../src/cli/xlsx-read";
import { writeLongWorkbook } from "./long-workbook";

const root = path.join(__dirname, "..");
const CORPUS = path.join(root, "test", "fixtures", "corpus");
export const READERS = ["ours", "sheetjs", "exceljs", "exceljs-stream"] as const;
type Reader = (typeof READERS)[number];
const NAMES: Record<Reader, string> = {
  ours: "our reader (src/cli/ooxml)",
  sheetjs: "SheetJS CE 0.20.3 (@e965/xlsx)",
  exceljs: "exceljs 4.4 xlsx.load",
  "exceljs-stream": "exceljs 4.4 streaming WorkbookReader",
};

interface Grid {
  date1904: boolean;
  sheets: { name: string; values: CellValue[][] }[];
}
interface Run {
  ms?: number;
  cpuMs?: number;
  cells?: number;
  grid?: Grid;
  maxRssKb?: number;
  failure?: string;
}

export type Report = (what: string, figure: string, budget?: string, ok?: boolean) => void;

function run(reader: Reader, file: string, grid: boolean, timeoutMs: number): Run {
  const child = spawnSync(
    process.execPath,
    [
      // Room for the libraries that hold a whole workbook's objects, so they are measured, not killed.
      "--max-old-space-size=8192",
      "--require",
      path.join(__dirname, "max-rss.js"),
      path.join(__dirname, "read-with.js"),
      reader,
      file,
      ...(grid ? ["--grid"] : []),
    ],
    { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs }
  );
  const rss = /maxRSS (\d+)/.exec(child.stderr ?? "");
  const maxRssKb = rss ? Number(rss[1]) : undefined;
  if (child.error || child.status !== 0)
    return {
      maxRssKb,
      failure:
        child.signal === "SIGTERM"
          ? `did not finish in ${timeoutMs / 1000} s`
          : (child.stderr ?? "").split("\n")[0] || `exit ${child.status} ${child.signal ?? ""}`,
    };
  return { ...(JSON.parse(child.stdout) as Run), maxRssKb };
}

/** What differs between a library's grid and ours, as a few readable lines. */
function differences(ours: Grid, theirs: Grid): string[] {
  const found: string[] = [];
  const names = (g: Grid) => g.sheets.map((s) => s.name).join(" | ");
  if (names(ours) !== names(theirs)) found.push(`sheets [${names(theirs)}]`);
  if (ours.date1904 !== theirs.date1904) found.push(`date1904 ${theirs.date1904}`);
  ours.sheets.forEach((sheet, i) => {
    const other = theirs.sheets[i];
    if (!other) return;
    const rows = Math.max(sheet.values.length, other.values.length);
    for (let r = 0; r < rows; r++) {
      const a = sheet.values[r] ?? [];
      const b = other.values[r] ?? [];
      for (let c = 0; c < Math.max(a.length, b.length); c++) {
        const x = a[c] ?? null;
        const y = b[c] ?? null;
        const same =
          JSON.stringify(x) === JSON.stringify(y) ||
          (typeof x === "number" && typeof y === "number" && Math.abs(x - y) < 1e-9);
        if (!same)
          found.push(
            `${sheet.name}!R${r + 1}C${c + 1} ${JSON.stringify(y)} (is ${JSON.stringify(x)})`
          );
      }
    }
  });
  return found;
}

/** The engine's results on a grid, as comparable text. */
function results(grid: Grid, asOf: number, full?: WorkbookGrid): string {
  const workbook: WorkbookGrid = full ?? {
    date1904: grid.date1904,
    sheets: grid.sheets.map((s) => ({ name: s.name, values: s.values, top: 0, left: 0 })),
  };
  return JSON.stringify(
    evaluateWorkbook(workbook, { asOf }).results.map((r) => [
      r.project,
      r.kpi,
      r.status,
      r.actual,
      r.payout,
    ])
  );
}

/**
 * Each corpus workbook through each library, against our reader's grid (which test/cli/corpus.test.ts
 * pins cell by cell and to hand-computed results): the cells, the date system, and the engine's results
 * from the library's cells alone (no library here gives the engine table parts: SheetJS CE does not
 * read them at all, so a totals row or a header-less table cannot be known from it).
 */
export async function corpusExactness(report: Report): Promise<void> {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx"));
  const libraries = READERS.filter((r) => r !== "ours");
  const exact = new Map<Reader, number>(libraries.map((r) => [r, 0]));
  const asOf = 45473; // 30 Jun 2024, as the corpus tests evaluate
  for (const file of files) {
    const full = path.join(CORPUS, file);
    const reference = run("ours", full, true, 60_000).grid as Grid;
    const expected = results(reference, asOf, await readXlsx(readFileSync(full)));
    for (const reader of libraries) {
      const read = run(reader, full, true, 60_000);
      const found = read.grid ? differences(reference, read.grid) : [read.failure ?? "failed"];
      if (found.length === 0) exact.set(reader, (exact.get(reader) ?? 0) + 1);
      const same = read.grid !== undefined && results(read.grid, asOf) === expected;
      report(
        `corpus ${file}: ${NAMES[reader]}`,
        `${found.length === 0 ? "every cell exact" : `${found.length} difference(s): ${found.slice(0, 3).join("; ")}${found.length > 3 ? "; …" : ""}`}; results from its cells ${same ? "the hand-computed ones" : "differ"}`
      );
    }
  }
  for (const reader of libraries)
    report(
      `corpus: ${NAMES[reader]}`,
      `cells and date system exact in ${exact.get(reader)} of ${files.length} workbooks (ours: ${files.length} of ${files.length}, test/cli/corpus.test.ts)`
    );
}

/** Time to read into a grid and peak memory, per reader, on the long-layout workbooks. */
export async function longSheetReads(report: Report, work: string): Promise<void> {
  mkdirSync(work, { recursive: true });
  for (const [rows, targets] of [
    [200_000, 1_000],
    [1_048_575, 3_000],
  ]) {
    const file = path.join(work, `long-${rows}.xlsx`);
    if (!existsSync(file)) await writeLongWorkbook(file, rows, targets);
    for (const reader of READERS) {
      const load = os.loadavg()[0];
      const read = run(reader, file, false, 300_000);
      const memory = read.maxRssKb ? `${(read.maxRssKb / 1024).toFixed(0)} MB peak` : "";
      report(
        `read ${rows.toLocaleString("en-US")} rows into a grid: ${NAMES[reader]}`,
        read.failure
          ? `failed: ${read.failure}${memory ? ` (${memory})` : ""}`
          : `${((read.ms ?? 0) / 1000).toFixed(2)} s (CPU ${((read.cpuMs ?? 0) / 1000).toFixed(2)} s), ${memory}, ${read.cells?.toLocaleString("en-US")} cells (load average ${load.toFixed(2)})`
      );
    }
  }
}

if (require.main === module) {
  const log: Report = (what, figure, budget) =>
    console.log(`${what}: ${figure}${budget ? `  (budget ${budget})` : ""}`);
  (async () => {
    await corpusExactness(log);
    await longSheetReads(log, path.join(root, "build", "bench"));
  })().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
