import { evaluateWorkbook, type Evaluation } from "../../src/engine";
import {
  type DefinedName,
  isOwnedSheet,
  resultsSheet,
  SAMPLE_AS_OF,
  sampleWorkbook,
} from "../../src/sheet";
import { readWorkbook } from "../../src/excel/read";
import { writeResults } from "../../src/excel/write";
import {
  installFakeOffice,
  sheetValues,
  WorkbookState,
  type SheetState,
  type Value,
} from "../../tools/fake-excel";

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
