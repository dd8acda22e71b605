import { readFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import { successOutcome } from "../src/commands/outcome";
import type { CellValue } from "../src/engine";
import { SAMPLE_AS_OF, sampleWorkbook } from "../src/sheet";
import { writeSample } from "../src/excel/sample";
import * as KPI from "../src/functions/functions";
import { runCli } from "./support/cli";
import { evaluateAndWrite, fakeExcel } from "./support/excel-workbook";
import type { WorkbookState } from "../tools/fake-excel";
import { temporaryFolder } from "./support/xlsx";

/**
 * What every surface gives on the demo workbook as of 30 Sep 2024, pinned from main before the code
 * was re-laid out (issue 11): the CLI's --json and text summary, every part of the workbook the CLI
 * writes (the results sheet's cells, styles and tables), the add-in's results and sample sheets in the
 * in-memory Excel, the ribbon's outcome and the custom functions' answers. A re-layout must keep all
 * of it identical; a behaviour change updates test/fixtures/layout-pin.json on purpose.
 */
const GOLDEN = path.join(__dirname, "fixtures", "layout-pin.json");

/** JSON keeps no `undefined`; spell it so an `undefined` that becomes `null` still shows. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_, v) => (v === undefined ? "<undefined>" : v)));
}

async function cliSurfaces() {
  const folder = temporaryFolder();
  const demo = path.join(folder, "demo.xlsx");
  const out = path.join(folder, "results.xlsx");
  const sample = await runCli("sample", demo);
  const json = await runCli("evaluate", demo, "--as-of", "2024-09-30", "--json");
  const text = await runCli("evaluate", demo, "--as-of", "2024-09-30", "--out", out);
  const zip = await JSZip.loadAsync(readFileSync(out));
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    // The sample's creation time is the only part that differs between runs.
    if (zip.files[name].dir || name === "docProps/core.xml") continue;
    parts[name] = await zip.files[name].async("string");
  }
  // The temporary folder's name differs between runs.
  const here = (text: string) => text.split(folder).join("<folder>");
  return {
    sample: [sample.status, here(sample.out), sample.err],
    json: [json.status, JSON.parse(json.out), json.err],
    text: [text.status, here(text.out), text.err],
    parts,
  };
}

/** Everything the in-memory Excel recorded about one sheet. */
function sheetPicture(state: WorkbookState, name: string) {
  const sheet = state.sheet(name)!;
  const rows = [...sheet.cells.keys()].sort((a, b) => a - b);
  return {
    cells: rows.map((r) => [r, Array.from(sheet.cells.get(r)!, (v) => v ?? "")]),
    formats: [...sheet.formats.keys()]
      .sort((a, b) => a - b)
      .map((r) => [r, [...sheet.formats.get(r)!.entries()].sort((a, b) => a[0] - b[0])]),
    conditionalFormats: sheet.conditionalFormats,
    looks: sheet.looks,
    frozenRows: sheet.frozenRows,
    pageLayout: sheet.pageLayout,
    names: [...sheet.names.keys()],
    tables: state.tables
      .filter((t) => t.sheet === sheet)
      .map((t) => [t.name, t.top, t.left, t.rowCount, t.columnCount]),
  };
}

async function addInSurfaces() {
  const state = fakeExcel();
  await Excel.run((context) => writeSample(context));
  const sheets = state.sheets.map((s) => s.name);
  const evaluation = await evaluateAndWrite("2026-11-24 10:00");
  return {
    sheets: [...sheets, "→", ...state.sheets.map((s) => s.name)],
    pictures: Object.fromEntries(state.sheets.map((s) => [s.name, sheetPicture(state, s.name)])),
    outcome: successOutcome(evaluation),
  };
}

/** A formula's answer, or the error it returns. */
function answer(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return error instanceof KPI.FormulaError ? `${error.code} ${error.message}` : String(error);
  }
}

function functionSurfaces() {
  const sheets = Object.fromEntries(sampleWorkbook().map((s) => [s.name, s.values]));
  const targets = sheets.Targets;
  const asOf = SAMPLE_AS_OF;
  const observationSheets = ["Observations", "Helpdesk Revamp", "Procure-to-Pay"];
  const whole = Object.fromEntries(
    observationSheets.map((name) => [
      name,
      {
        evaluate: answer(() => KPI.evaluate(targets, sheets[name], asOf)),
        teams: answer(() => KPI.teams(targets, sheets[name], asOf)),
      },
    ])
  );
  const header = targets[0].map(String);
  const at = (row: CellValue[], name: string) => row[header.indexOf(name)] ?? undefined;
  const allTeams = [
    ...new Set(targets.slice(1).map((row) => String(at(row, "Team") ?? at(row, "Project")))),
    "Nobody",
  ];
  const eligible = Object.fromEntries(
    allTeams.map((team) => [
      team,
      answer(() => KPI.eligible(team, targets, sheets.Observations, asOf)),
    ])
  );
  // Each target's own series: its project and KPI from the long sheet, or its KPI's column of a wide one.
  const single = targets.slice(1).map((row) => {
    const project = at(row, "Project");
    const kpi = at(row, "KPI");
    const long = sheets.Observations.slice(1).filter((o) => o[0] === project && o[1] === kpi);
    const wide = sheets[String(project)];
    const column = wide ? wide[0].indexOf(kpi as CellValue) : -1;
    const dates = column > 0 ? wide.slice(1).map((r) => [r[0]]) : long.map((o) => [o[2]]);
    const values = column > 0 ? wide.slice(1).map((r) => [r[column]]) : long.map((o) => [o[3]]);
    const start = at(row, "Start");
    const window = at(row, "Window");
    const target = at(row, "Target");
    const baseline = at(row, "Baseline");
    const aggregate = at(row, "Aggregate");
    const type = at(row, "Target type");
    const attainment = answer(() =>
      KPI.attainment(dates, values, start, window, target, baseline, aggregate, type)
    );
    return {
      kpi,
      windowEnd: answer(() => KPI.windowEnd(start, window)),
      windowAggregate: answer(() => KPI.windowAggregate(dates, values, start, window, aggregate)),
      change: answer(() => KPI.change(dates, values, start, window, baseline, aggregate)),
      attainment,
      status: answer(() =>
        KPI.status(dates, values, start, window, target, baseline, aggregate, type, asOf)
      ),
      pace: answer(() =>
        KPI.pace(dates, values, start, window, target, baseline, aggregate, type, asOf)
      ),
      payout: answer(() => KPI.payout(attainment, at(row, "Reward"), 0.8, 1.2)),
      payCurve: answer(() =>
        KPI.payCurve(attainment, at(row, "Reward"), [
          [0.8, 0.5],
          [1, 1],
          [1.2, 1.5],
        ])
      ),
    };
  });
  return { whole, eligible, single };
}

describe("the demo through every surface, as pinned before the re-layout", () => {
  const golden = JSON.parse(readFileSync(GOLDEN, "utf8"));

  test("the CLI's --json, text summary and every part of the workbook it writes are unchanged", async () => {
    expect(plain(await cliSurfaces())).toEqual(golden.cli);
  });

  test("the add-in's sample and results sheets, tables, formats, highlighting and outcome are unchanged", async () => {
    expect(plain(await addInSurfaces())).toEqual(golden.addIn);
  });

  test("the custom functions' answers on the demo are unchanged", () => {
    expect(plain(functionSurfaces())).toEqual(golden.functions);
  });
});
