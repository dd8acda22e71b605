import {
  evaluateWorkbook,
  type Evaluation,
  RUN_RESULTS_HEADER,
  RUNS_HEADER,
} from "../../src/engine";
import {
  type DefinedName,
  isOwnedSheet,
  resultsSheet,
  SAMPLE_AS_OF,
  sampleWorkbook,
} from "../../src/sheet";
import { readWorkbook } from "../../src/excel/read";
import { evaluateInExcel } from "../../src/excel/run";
import { writeResults } from "../../src/excel/write";
import {
  installFakeOffice,
  parseBox,
  sheetValues,
  WorkbookState,
  type SheetState,
  type Value,
} from "../../tools/fake-excel";
import { atClock } from "./clock";

/** A fresh in-memory Excel installed as the `Excel` and `Office` globals. */
export function fakeExcel(): WorkbookState {
  const state = new WorkbookState();
  installFakeOffice(state);
  return state;
}

/** The sample workbook's sheets, as a user would have typed them (no tables). */
export function withSample(state: WorkbookState): void {
  for (const sheet of sampleWorkbook())
    state.addSheet(
      sheet.name,
      sheet.values.map((row) =>
        row.map((v) => (v === null || v === undefined || typeof v === "object" ? "" : v))
      )
    );
}

/** The sample's Procure-to-Pay Process cost row of Targets, column L (Reward): 8,000, Met. */
export const PROCESS_COST_REWARD: [number, number] = [3, 11];

/**
 * The sample with runs 1…`runs` recorded by the add-in as of 30 Sep 2024, at 09:30 on 1 Oct 2024 (a
 * stopped clock, so that workbooks built apart hold equal histories); run N pays 8,000 + N for
 * Process cost (run 1: 8,000), which is what makes it a new run.
 */
export async function sampleWithRuns(state: WorkbookState, runs: number): Promise<void> {
  withSample(state);
  const evaluate = () =>
    atClock(new Date(2024, 9, 1, 9, 30), () =>
      evaluateInExcel({ asOfMode: "fixed", asOf: "2024-09-30" })
    );
  await evaluate();
  for (let run = 2; run <= runs; run++) {
    state.sheet("Targets")!.set(...PROCESS_COST_REWARD, 8000 + run);
    await evaluate();
  }
}

/**
 * What a run 2 that Excel stopped before its commit leaves in the sample's KPI History of run 1: its
 * KpiRuns line (as of `asOf`) under the table on row 3, and 12 KpiRunResults rows (11–22) of which
 * AutoExpand took 5 into the table.
 */
export function leaveStoppedRun2(state: WorkbookState, asOf: number): void {
  const sheet = state.sheet("KPI History")!;
  sheet.set(2, 0, 2);
  sheet.set(2, 1, asOf);
  for (let row = 10; row < 22; row++)
    [2, "Ghost", "Calls", "Team", "Met", 1, 2, 2, 99, 45323, 3].forEach((v, c) =>
      sheet.set(row, 13 + c, v)
    );
  state.tables.find((t) => t.name === "KpiRunResults")!.rowCount = 15;
}

/**
 * KPI History as an earlier version laid it out, KpiRunResults under KpiRuns (A1:L2 and A4:K5): run 1
 * as of `asOf`, one target (Helpdesk Calls, Met, paying 500), with the owner mark.
 */
export function earlierLayoutHistory(state: WorkbookState, asOf: number): SheetState {
  const sheet = state.addSheet("KPI History", [
    [...RUNS_HEADER],
    [1, asOf, asOf + 1, 1, 1, 0, 0, 0, 500, "abc", "", ""],
    [],
    [...RUN_RESULTS_HEADER],
    [1, "Helpdesk", "Calls", "Support", "Met", 10, 8, 1, 500, 45323, 30],
  ]);
  sheet.names.set("KpiRewards_Owner", {
    name: "KpiRewards_Owner",
    sheet,
    box: parseBox("A1"),
    comment: "",
  });
  state.addTable(sheet, parseBox("A1:L2"), "KpiRuns");
  state.addTable(sheet, parseBox("A4:K5"), "KpiRunResults");
  return sheet;
}

/** Reads, evaluates as of the sample's date and writes, as the pane does, stamped `evaluatedAt`. */
export async function evaluateAndWrite(evaluatedAt: string): Promise<Evaluation> {
  const workbook = await Excel.run((context) => readWorkbook(context));
  const evaluation = evaluateWorkbook(workbook, { asOf: SAMPLE_AS_OF });
  await Excel.run((context) => writeResults(context, resultsSheet(evaluation, evaluatedAt)));
  return evaluation;
}

/** Every sheet but `except`, by name, with its values: what must never change. */
export function sheetsBut(state: WorkbookState, except: string[]): Record<string, Value[][]> {
  return Object.fromEntries(
    state.sheets
      .filter((s) => !except.includes(s.name))
      .map((s) => [s.name, sheetValues(state, s.name)])
  );
}

/** The defined names that decide whether `sheet` is ours, in the engine's terms. */
export function marksOn(state: WorkbookState, sheet: SheetState): DefinedName[] {
  const formula = (target: SheetState | undefined) =>
    target && state.sheets.includes(target)
      ? `='${target.name.replace(/'/g, "''")}'!$A$1`
      : "=#REF!";
  return [
    ...[...sheet.names.values()].map((n) => ({
      name: n.name,
      formula: formula(n.sheet),
      sheet: sheet.name,
    })),
    ...[...state.names.values()].map((n) => ({ name: n.name, formula: formula(n.sheet) })),
  ];
}

/** What a results sheet holds, for comparing a whole sheet at once: values, tables, marks, rules. */
export function resultsState(state: WorkbookState, name = "KPI Rewards") {
  const sheet = state.sheet(name);
  if (!sheet) return undefined;
  return {
    values: sheetValues(state, name),
    tables: state.tables
      .filter((t) => t.sheet === sheet)
      .map((t) => [t.name, t.top, t.left, t.rowCount, t.columnCount]),
    owned: isOwnedSheet(sheet.name, marksOn(state, sheet)),
    marks: [...sheet.names.keys()],
    conditionalFormats: sheet.conditionalFormats.length,
  };
}
