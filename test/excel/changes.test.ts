import { evaluateWorkbook } from "../../src/engine";
import { resultsSheet, SAMPLE_AS_OF } from "../../src/sheet";
import { watchWorkbook } from "../../src/excel/changes";
import { readWorkbook } from "../../src/excel/read";
import { writeResults } from "../../src/excel/write";
import { evaluateInExcel } from "../../src/excel/run";
import { installFakeOffice, sheetValues, WorkbookState } from "../../tools/fake-excel";
import { fakeExcel, withSample } from "../support/excel-workbook";

/** Lets the events Excel raised after a request reach their handlers. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function workbookWithData(excelApi = 1.9): WorkbookState {
  const state = new WorkbookState();
  state.excelApi = excelApi;
  installFakeOffice(state);
  state.addSheet("Observations", [
    ["Project", "KPI", "Date", "Value"],
    ["Apollo", "Calls", 45292, 10],
  ]);
  return state;
}

async function writeOurSheet(): Promise<void> {
  const workbook = await Excel.run((context) => readWorkbook(context));
  const evaluation = evaluateWorkbook(workbook, { asOf: SAMPLE_AS_OF });
  await Excel.run((context) => writeResults(context, resultsSheet(evaluation, "2026-11-25 10:00")));
}

describe("watchWorkbook", () => {
  test("a cell the user edits is reported", async () => {
    const state = workbookWithData();
    const changes: number[] = [];
    expect(await watchWorkbook(() => changes.push(1))).toBe(true);
    state.typeInto("Observations", 1, 3, 12);
    await settle();
    expect(changes).toHaveLength(1);
  });

  test("writing, replacing and deleting KPI Rewards' own sheets is not reported", async () => {
    const state = workbookWithData();
    const changes: number[] = [];
    await watchWorkbook(() => changes.push(1));
    await writeOurSheet();
    await settle();
    await writeOurSheet();
    await settle();
    expect(changes).toEqual([]);
    expect(state.sheet("KPI Rewards")).toBeDefined();
  });

  test("recording runs in KPI History, beside the results, is not reported either", async () => {
    const state = fakeExcel();
    withSample(state);
    const changes: number[] = [];
    await watchWorkbook(() => changes.push(1));
    await evaluateInExcel({ asOfMode: "fixed", asOf: "2024-09-30" });
    await settle();
    state.sheet("Targets")!.set(3, 11, 9000);
    await evaluateInExcel({ asOfMode: "fixed", asOf: "2024-09-30" });
    await settle();
    expect(changes).toEqual([]);
    expect(sheetValues(state, "KPI History")[2][0]).toBe(2);
  });

  test("a sheet the user adds is reported", async () => {
    workbookWithData();
    const changes: number[] = [];
    await watchWorkbook(() => changes.push(1));
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Notes");
      await context.sync();
    });
    await settle();
    expect(changes).toHaveLength(1);
  });

  test("before ExcelApi 1.9 cell edits cannot be watched; added sheets still are", async () => {
    const state = workbookWithData(1.8);
    const changes: number[] = [];
    expect(await watchWorkbook(() => changes.push(1))).toBe(false);
    state.typeInto("Observations", 1, 3, 12);
    await settle();
    expect(changes).toEqual([]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Notes");
      await context.sync();
    });
    await settle();
    expect(changes).toHaveLength(1);
  });
});
