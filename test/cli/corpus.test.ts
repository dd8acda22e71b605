import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import {
  type CellValue,
  DATE_1904_OFFSET,
  evaluateWorkbook,
  type WorkbookGrid,
} from "../../src/engine";
import { readXlsx } from "../../src/cli/xlsx-read";
import { sofficePath } from "../support/libreoffice";
import { day } from "../support/workbooks";

/**
 * Workbooks other programs wrote (test/fixtures/corpus, made by scripts/make-corpus.ts): each reads to
 * its exact grid and evaluates to the hand-computed results, and each matches LibreOffice's own reading.
 */
const CORPUS = path.join(__dirname, "..", "fixtures", "corpus");
const AS_OF = day("2024-06-30");

async function read(file: string): Promise<WorkbookGrid> {
  return readXlsx(readFileSync(path.join(CORPUS, file)));
}

/** A sheet's rows with holes as undefined, for exact comparison. */
function rows(grid: WorkbookGrid, sheet: string): CellValue[][] {
  const found = grid.sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return found.values.map((r) => Array.from(r, (v) => (v === null ? undefined : v)));
}

// Every workbook holds the same two targets. Calls: January 100, 100 → baseline 100; February 120 and
// 100 → 110, +10% against +10% promised → Met, attainment 1. Defects: 10 → 9, −10% against −20% →
// attainment 0.5, Missed.
function results(grid: WorkbookGrid): unknown[] {
  return evaluateWorkbook(grid, { asOf: AS_OF }).results.map((r) => [
    r.project,
    r.kpi,
    r.baseline,
    r.actual,
    // (110 − 100) / 100 / 0.1 is 0.9999999999999986 in binary floating point.
    r.attainment === null ? null : Math.round(r.attainment * 1e9) / 1e9,
    r.status,
    r.payout,
  ]);
}
const calls = (payout: number) => ["Apollo", "Calls", 100, 110, 1, "Met", payout];
const defects = ["Apollo", "Defects", 10, 9, 0.5, "Missed", 0];

const longObservations = (dates: (iso: string) => number, feb20: number): CellValue[][] => [
  ["Project", "KPI", "Date", "Value"],
  ["Apollo", "Calls", dates("2024-01-10"), 100],
  ["Apollo", "Calls", dates("2024-01-20"), 100],
  ["Apollo", "Calls", dates("2024-02-10"), 120],
  ["Apollo", "Calls", dates("2024-02-20") + feb20, 100],
  ["Apollo", "Defects", dates("2024-01-15"), 10],
  ["Apollo", "Defects", dates("2024-02-15"), 9],
];
const TARGET_HEADER = ["Project", "KPI", "Start", "Window", "Target", "Reward"];

describe("the corpus reads exactly and evaluates to the hand-computed results", () => {
  test("Excel-style package: title lines, totals row, rich headers, cached TRUE/#N/A/#DIV/0!, hidden sheet, header-less table", async () => {
    const grid = await read("excel-style.xlsx");
    expect(grid.sheets.map((s) => s.name)).toEqual([
      "Targets 2024",
      "Notes",
      "Obs 'Nord' Ωμέγα",
      "Uptime & more",
    ]);
    expect(rows(grid, "Targets 2024")).toEqual([
      ["Q1 2024 targets — approved 2024-01-05"],
      [],
      TARGET_HEADER,
      ["Apollo", "Calls", day("2024-02-01"), "1 month", 0.1, 500],
      ["Apollo", "Defects", day("2024-02-01"), "1 month", -0.2, 300],
      ["Total", undefined, undefined, undefined, undefined, 800],
    ]);
    expect(rows(grid, "Obs 'Nord' Ωμέγα")).toEqual([
      ...longObservations(day, 0.5).slice(0, 5),
      ["Apollo", "Calls", day("2024-02-21"), true],
      ["Apollo", "Calls", day("2024-02-22"), { error: "#N/A" }],
      ["Apollo", "Calls", day("2024-02-23"), { error: "#DIV/0!" }],
      ...longObservations(day, 0.5).slice(5),
    ]);
    expect(rows(grid, "Uptime & more")).toEqual([
      ["Date", "Project", "Uptime"],
      [day("2024-01-15"), "Apollo", 99, undefined, day("2024-01-15"), 5],
      [day("2024-02-15"), "Apollo", 99.5, undefined, day("2024-02-15"), 6],
    ]);
    expect(results(grid)).toEqual([calls(500), defects]);
    const evaluation = evaluateWorkbook(grid, { asOf: AS_OF });
    expect(evaluation.issues.map((i) => [i.severity, i.sheet, i.cell])).toEqual([
      ["warning", "Uptime & more", "E2"],
      ["error", "Obs 'Nord' Ωμέγα", "D6"],
      ["error", "Obs 'Nord' Ωμέγα", "D7"],
      ["error", "Obs 'Nord' Ωμέγα", "D8"],
    ]);
    expect(evaluation.issues[1].message).toBe(
      "Calls value holds TRUE, not a number; it is skipped — enter a number or clear the cell"
    );
    expect(evaluation.tables.map((t) => [t.name, t.address, t.rows])).toEqual([
      ["Goals", "A3:F5", 2],
      ["Readings", "A1:D10", 9],
      ["Uptime", "A1:C3", 2],
    ]);
  });

  test("exceljs: a table with a totals row whose formula has no saved result", async () => {
    const grid = await read("exceljs.xlsx");
    expect(grid.sheets.map((s) => s.name)).toEqual(["Targets", "Observations"]);
    expect(rows(grid, "Targets")).toEqual([
      TARGET_HEADER,
      ["Apollo", "Calls", day("2024-02-01"), "1 month", 0.1, 500],
      ["Apollo", "Defects", day("2024-02-01"), "1 month", -0.2, 300],
      ["Total"],
    ]);
    expect(rows(grid, "Observations")).toEqual(longObservations(day, 0));
    expect(results(grid)).toEqual([calls(500), defects]);
    expect(grid.issues?.map((i) => [i.sheet, i.cell])).toEqual([["Targets", "F4"]]);
  });

  test("LibreOffice re-save of a 1904 workbook: dates are 1904 serials, evaluated as the same days", async () => {
    const grid = await read("libreoffice-1904.xlsx");
    expect(grid.date1904).toBe(true);
    const in1904 = (iso: string) => day(iso) - DATE_1904_OFFSET;
    expect(rows(grid, "Targets")).toEqual([
      TARGET_HEADER,
      ["Apollo", "Calls", in1904("2024-02-01"), "1 month", 0.1, 500],
      ["Apollo", "Defects", in1904("2024-02-01"), "1 month", -0.2, 300],
      ["Total", undefined, undefined, undefined, undefined, 800],
    ]);
    expect(rows(grid, "Observations")).toEqual(longObservations(in1904, 0));
    expect(results(grid)).toEqual([calls(500), defects]);
    expect(grid.issues).toBeUndefined();
  });

  test("LibreOffice re-save of an openpyxl workbook: the formula now has its saved result", async () => {
    const grid = await read("libreoffice-resave.xlsx");
    expect(grid.sheets.map((s) => s.name)).toEqual(["KPI Targets", "Daily data (Apollo)"]);
    expect(rows(grid, "KPI Targets")).toEqual([
      TARGET_HEADER,
      ["Apollo", "Calls", day("2024-02-01"), "1 month", 0.1, 1000],
      ["Apollo", "Defects", day("2024-02-01"), "1 month", -0.2, 300],
    ]);
    expect(rows(grid, "Daily data (Apollo)")).toEqual(longObservations(day, 0.5));
    expect(results(grid)).toEqual([calls(1000), defects]);
  });

  test.each([
    ["openpyxl-pandas.xlsx", ["KPI Targets", "Daily data (Apollo)"]],
    ["openpyxl-iso-dates.xlsx", ["Targets", "Observations"]],
  ])(
    "%s: sheet names kept, a formula without a saved result is blank and named",
    async (file, names) => {
      const grid = await read(file);
      expect(grid.sheets.map((s) => s.name)).toEqual(names);
      expect(rows(grid, names[0])).toEqual([
        TARGET_HEADER,
        ["Apollo", "Calls", day("2024-02-01"), "1 month", 0.1],
        ["Apollo", "Defects", day("2024-02-01"), "1 month", -0.2, 300],
      ]);
      expect(rows(grid, names[1])).toEqual(longObservations(day, 0.5));
      expect(results(grid)).toEqual([calls(0), defects]);
      expect(grid.issues?.map((i) => [i.severity, i.sheet, i.cell, i.message])).toEqual([
        [
          "warning",
          names[0],
          "F2",
          `${names[0]}!F2 holds the formula =500*2 with no saved result (the program that wrote the file did not calculate it), so it is read as blank — open and save the workbook in Excel or LibreOffice, then run again`,
        ],
      ]);
    }
  );
});

/** RFC 4180 CSV as LibreOffice writes it. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let rowCells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      rowCells.push(cell);
      cell = "";
    } else if (ch === "\n") {
      rowCells.push(cell);
      out.push(rowCells);
      rowCells = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || rowCells.length > 0) out.push([...rowCells, cell]);
  return out;
}

/** Whether LibreOffice's CSV text shows the same cell as the reader's value. */
function sameCell(text: string, value: CellValue, date1904: boolean): boolean {
  if (value === null || value === undefined || value === "") return text === "";
  if (typeof value === "string") return text === value;
  if (typeof value === "boolean") return text === (value ? "TRUE" : "FALSE");
  if (typeof value === "object") return text === value.error;
  // Date cells come out in their number format: ISO from openpyxl's, en-US MM/DD/YYYY from exceljs's.
  const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (us) text = `${us[3]}-${us[1]}-${us[2]}`;
  const date = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(text);
  if (date) {
    const serial =
      day(date[1]) +
      (date[2] ? (Number(date[2]) * 3600 + Number(date[3]) * 60 + Number(date[4])) / 86400 : 0) -
      (date1904 ? DATE_1904_OFFSET : 0);
    return Math.abs(serial - value) < 1e-9;
  }
  return text !== "" && Math.abs(Number(text) - value) < 1e-9;
}

describe("each corpus workbook matches LibreOffice's own CSV export, cell by cell", () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith(".xlsx"));
  const folder = mkdtempSync(path.join(os.tmpdir(), "kpi-corpus-csv-"));
  // One LibreOffice start for all: every sheet of every workbook (sheet -1), raw values, UTF-8.
  beforeAll(() => {
    execFileSync(
      sofficePath(),
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=${pathToFileURL(path.join(folder, "lo-profile")).href}`,
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir",
        folder,
        ...files.map((f) => path.join(CORPUS, f)),
      ],
      { stdio: "pipe", timeout: 600_000 }
    );
  }, 600_000);

  test.each(files)("%s", async (file) => {
    const grid = await read(file);
    // Formula cells without a saved result: LibreOffice calculates them, the reader says so instead.
    const uncached = new Set((grid.issues ?? []).map((i) => `${i.sheet}!${i.cell}`));
    let compared = 0;
    for (const sheet of grid.sheets) {
      const csvFile = path.join(folder, `${path.basename(file, ".xlsx")}-${sheet.name}.csv`);
      const csv = parseCsv(readFileSync(csvFile, "utf8"));
      const top = sheet.top ?? 0;
      const height = Math.max(csv.length, top + sheet.values.length);
      for (let r = 0; r < height; r++) {
        const width = Math.max(csv[r]?.length ?? 0, sheet.values[r - top]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          const text = csv[r]?.[c] ?? "";
          const value = r >= top ? sheet.values[r - top]?.[c] : undefined;
          const address = `${sheet.name}!${String.fromCharCode(65 + c)}${r + 1}`;
          if (uncached.has(address)) {
            expect([address, value]).toEqual([address, undefined]);
            continue;
          }
          if (!sameCell(text, value, grid.date1904 ?? false))
            throw new Error(
              `${file} ${address}: LibreOffice shows "${text}", the reader ${JSON.stringify(value)}`
            );
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
