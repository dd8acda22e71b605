import { spawnSync } from "child_process";
import path from "path";
import ExcelJS from "exceljs";
import { evaluateWorkbook, type Evaluation, findTables, summariseTables } from "../../src/engine";
import { jsonReport } from "../../src/cli/report";
import { readWorkbook } from "../../src/excel/read";
import { installFakeOffice, WorkbookState, type Value } from "../../tools/fake-excel";
import { day, everyDay } from "../support/workbooks";
import { temporaryFolder } from "../support/xlsx";

/**
 * One workbook as Excel holds it: a Targets table under a title line with a totals row (the Reward
 * total), a long observations table with a totals row (a count), and a table without a header row.
 */
const TITLE = ["KPI targets, Q1 2024"];
const TARGET_HEADER = ["Project", "KPI", "Start", "Window", "Target", "Reward"];
const TARGETS: Value[][] = [
  ["Helpdesk", "Calls", day("2024-03-01"), "1 month", -0.2, 1000],
  ["Helpdesk", "Tickets", day("2024-03-01"), "1 month", 0.5, 400],
];
const TARGETS_TOTAL: Value[] = ["Total", "", "", "", "", 1400];
const OBSERVATION_HEADER = ["Project", "KPI", "Date", "Value"];
const OBSERVATIONS: Value[][] = [
  // February: Calls 10 a day, Tickets 4; March: Calls 8 (−20%), Tickets 5 (+25%, short of +50%).
  ...everyDay("2024-02-01", 29, 10).map(([d, v]) => ["Helpdesk", "Calls", day(d), v]),
  ...everyDay("2024-03-01", 31, 8).map(([d, v]) => ["Helpdesk", "Calls", day(d), v]),
  ...everyDay("2024-02-01", 29, 4).map(([d, v]) => ["Helpdesk", "Tickets", day(d), v]),
  ...everyDay("2024-03-01", 31, 5).map(([d, v]) => ["Helpdesk", "Tickets", day(d), v]),
];
const OBSERVATIONS_TOTAL: Value[] = ["Total", "", "", OBSERVATIONS.length];
/** Data only: with a header row it would be a long observations table of Calls. */
const RAW: Value[][] = [
  ["Helpdesk", "Calls", day("2024-03-02"), 1_000],
  ["Helpdesk", "Calls", day("2024-03-03"), 1_000],
];
const AS_OF = day("2024-06-30");

function inExcel(): WorkbookState {
  const state = new WorkbookState();
  installFakeOffice(state);
  const targets = state.addSheet("Targets", [TITLE, [], TARGET_HEADER, ...TARGETS, TARGETS_TOTAL]);
  state.addTable(targets, { top: 2, left: 0, rows: 4, columns: 6 }, "KpiTargets", {
    showTotals: true,
  });
  const obs = state.addSheet("Obs", [OBSERVATION_HEADER, ...OBSERVATIONS, OBSERVATIONS_TOTAL]);
  state.addTable(obs, { top: 0, left: 0, rows: OBSERVATIONS.length + 2, columns: 4 }, "Calls", {
    showTotals: true,
  });
  const raw = state.addSheet("Raw", RAW, 3, 1);
  state.addTable(raw, { top: 3, left: 1, rows: 2, columns: 4 }, "Raw", { showHeaders: false });
  return state;
}

async function asXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const targets = workbook.addWorksheet("Targets");
  targets.getCell("A1").value = TITLE[0];
  targets.addTable({
    name: "KpiTargets",
    ref: "A3",
    headerRow: true,
    totalsRow: true,
    columns: TARGET_HEADER.map((name, i) =>
      i === 0
        ? { name, totalsRowLabel: "Total" }
        : i === 5
          ? { name, totalsRowFunction: "sum", totalsRowResult: 1400 }
          : { name }
    ),
    rows: TARGETS,
  });
  workbook.addWorksheet("Obs").addTable({
    name: "Calls",
    ref: "A1",
    headerRow: true,
    totalsRow: true,
    columns: OBSERVATION_HEADER.map((name, i) =>
      i === 0
        ? { name, totalsRowLabel: "Total" }
        : i === 3
          ? { name, totalsRowFunction: "count", totalsRowResult: OBSERVATIONS.length }
          : { name }
    ),
    rows: OBSERVATIONS,
  });
  workbook.addWorksheet("Raw").addTable({
    name: "Raw",
    ref: "B4",
    headerRow: false,
    columns: OBSERVATION_HEADER.map((name) => ({ name })),
    rows: RAW,
  });
  await workbook.xlsx.writeFile(file);
}

async function paneEvaluation(): Promise<Evaluation> {
  inExcel();
  const workbook = await Excel.run((context) => readWorkbook(context));
  return evaluateWorkbook(workbook, { asOf: AS_OF });
}

describe("Excel tables read exactly", () => {
  test("showTotals and showHeaders reach the engine: totals rows are not data, a header-less table is not read", async () => {
    inExcel();
    const workbook = await Excel.run((context) => readWorkbook(context));
    expect(workbook.sheets.map((s) => s.tables)).toEqual([
      [
        {
          name: "KpiTargets",
          top: 2,
          left: 0,
          rowCount: 4,
          columnCount: 6,
          hasHeaderRow: true,
          totalsRowCount: 1,
        },
      ],
      [
        {
          name: "Calls",
          top: 0,
          left: 0,
          rowCount: 122,
          columnCount: 4,
          hasHeaderRow: true,
          totalsRowCount: 1,
        },
      ],
      [
        {
          name: "Raw",
          top: 3,
          left: 1,
          rowCount: 2,
          columnCount: 4,
          hasHeaderRow: false,
          totalsRowCount: 0,
        },
      ],
    ]);
    expect(
      summariseTables(findTables(workbook)).map((t) => [t.kind, t.name, t.address, t.rows])
    ).toEqual([
      ["targets", "KpiTargets", "A3:F5", 2],
      ["long observations", "Calls", "A1:D121", 120],
    ]);
  });

  test("evaluating: no phantom Total target, the totals count is no observation, the header-less table is named in a warning", async () => {
    const evaluation = await paneEvaluation();
    expect(
      evaluation.results.map((r) => [r.kpi, r.status, r.baseline, r.actual, r.payout])
    ).toEqual([
      ["Calls", "Met", 10, 8, 1000],
      ["Tickets", "Missed", 4, 5, 0],
    ]);
    expect(evaluation.issues.map((i) => [i.severity, i.sheet, i.message])).toEqual([
      [
        "warning",
        "Raw",
        "Table Raw (Raw!B4:E5) has no header row, so it is not read — turn on its Header Row (Table Design) and name its columns",
      ],
    ]);
  });

  test("the pane and the CLI find the same tables and evaluate the same targets on the same workbook", async () => {
    const file = path.join(temporaryFolder(), "tables.xlsx");
    await asXlsx(file);
    const bin = path.join(__dirname, "..", "..", "bin", "kpi-rewards.js");
    const cli = spawnSync(
      process.execPath,
      [bin, "evaluate", file, "--json", "--as-of", "2024-06-30"],
      { encoding: "utf8" }
    );
    expect(cli.stderr).toBe("");
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(jsonReport(await paneEvaluation())));
  });
});
