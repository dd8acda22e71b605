import { formatIsoDate, sampleWorkbook } from "../../src/sheet";
import { evaluateInExcel } from "../../src/excel/run";
import { SampleNamesInUseError, writeSample } from "../../src/excel/sample";
import { WriteStoppedError } from "../../src/excel/write";
import { sheetValues, WorkbookState } from "../../tools/fake-excel";
import { fakeExcel, sheetsBut } from "../support/excel-workbook";

const SAMPLE_TABLES = ["KpiTargets", "HelpdeskKpis", "ProcureToPayKpis", "KpiObservations"];
const SAMPLE_SHEETS = ["Targets", "Helpdesk Revamp", "Procure-to-Pay", "Observations"];

/** A workbook as a user starts it, with one sheet of their own. */
function startingWorkbook(): WorkbookState {
  const state = fakeExcel();
  state.addSheet("Sheet1", [["my note"]]);
  return state;
}

const write = () => Excel.run((context) => writeSample(context));

describe("the sample workbook", () => {
  test("is written as tables in 3 syncs, and evaluating it as of 30 Sep 2024 shows every status", async () => {
    const state = startingWorkbook();
    await write();
    expect(state.syncs).toBe(3);
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", ...SAMPLE_SHEETS]);
    expect(state.tables.map((t) => t.name)).toEqual(SAMPLE_TABLES);
    expect(state.sheet("Targets")!.format(1, 2)).toBe("yyyy-mm-dd");
    // The sample's sheets are the user's once written: no marks, no working sheets, no lists.
    expect(state.sheets.map((s) => s.names.size)).toEqual([0, 0, 0, 0, 0]);
    expect(state.names.size).toBe(0);
    expect(state.active?.name).toBe("Targets");
    const stages: string[] = [];
    const evaluation = await evaluateInExcel({ asOfMode: "fixed", asOf: "2024-09-30" }, (stage) =>
      stages.push(stage)
    );
    expect(stages).toEqual([
      "Reading the workbook",
      "Evaluating targets",
      "Writing the KPI Rewards sheet",
    ]);
    expect(new Set(evaluation.results.map((r) => r.status))).toEqual(
      new Set(["Met", "Missed", "Pending", "Insufficient data", "Invalid"])
    );
  });

  test("refuses to overwrite sheets of the same name, compared without case", async () => {
    const state = startingWorkbook();
    state.addSheet("targets", [["mine"]]);
    await expect(write()).rejects.toThrow(SampleNamesInUseError);
    await expect(write()).rejects.toThrow(
      "The sample needs the sheet names targets, which are in use; rename those sheets or start from an empty workbook."
    );
    expect(sheetValues(state, "targets")).toEqual([["mine"]]);
    expect(state.sheets).toHaveLength(2);
  });

  test("a failure at any single operation leaves the workbook as it was, and the next try writes it", async () => {
    const reference = startingWorkbook();
    const start = reference.operations;
    await write();
    const operations = reference.operations - start;
    const complete = sheetsBut(reference, []);
    expect(operations).toBeGreaterThan(20);
    for (let k = 0; k < operations; k++) {
      const state = startingWorkbook();
      state.failAt(k, "Excel is busy");
      const error = await write().then(
        () => undefined,
        (e: unknown) => e
      );
      if (error === undefined) {
        // Failures in the swap are completed: the sample is there, whole.
        expect(sheetsBut(state, [])).toEqual(complete);
      } else {
        expect(error).toBeInstanceOf(WriteStoppedError);
        expect((error as Error).message).toMatch(
          /^The sample was not written: Excel said "Excel is busy \(.+\)"\.$/
        );
        expect(sheetsBut(state, [])).toEqual({ Sheet1: [["my note"]] });
        expect(state.tables).toEqual([]);
        state.beforeOperation = () => undefined;
        await write();
        expect(sheetsBut(state, [])).toEqual(complete);
      }
      expect(state.tables.map((t) => t.name)).toEqual(SAMPLE_TABLES);
      expect(state.names.size).toBe(0);
    }
  });

  test("after Excel stops answering part-way, the user's sheet is untouched and what was left is named", async () => {
    const reference = startingWorkbook();
    const start = reference.operations;
    await write();
    const operations = reference.operations - start;
    const complete = sheetsBut(reference, []);
    let partial = 0;
    for (let k = 0; k < operations; k++) {
      const state = startingWorkbook();
      state.failFrom(k);
      await write().catch(() => undefined);
      state.beforeOperation = () => undefined;
      expect(sheetsBut(state, [])).toMatchObject({ Sheet1: [["my note"]] });
      const again = await write().then(
        () => undefined,
        (e: unknown) => e
      );
      if (again === undefined) {
        expect(sheetsBut(state, [])).toEqual(complete);
        expect(state.names.size).toBe(0);
      } else {
        // The sample was in place before Excel stopped, or it stopped while the sheets were being
        // put in place: the ones already in are the user's now, and the message names them.
        expect(again).toBeInstanceOf(SampleNamesInUseError);
        if (JSON.stringify(sheetsBut(state, [])) !== JSON.stringify(complete)) partial++;
      }
    }
    // Only a stop among the last renames and unmarkings of the swap leaves part of the sample.
    expect(partial).toBeLessThanOrEqual(8);
  });

  test("a 1904 workbook gets the sample's dates in its own system", async () => {
    const state = startingWorkbook();
    state.date1904 = true;
    await write();
    const targets = sampleWorkbook()[0];
    const start = targets.values[0].indexOf("Start");
    const written = sheetValues(state, "Targets")
      .slice(1)
      .map((row) => state.dateOf(row[start] as number));
    const expected = targets.values.slice(1).map((row) => formatIsoDate(row[start] as number));
    expect(written).toEqual(expected);
    expect(written[0]).toBe("2024-02-01");
    // Read back through the add-in, the 1904 sample evaluates as the 1900 one does.
    const evaluation = await evaluateInExcel({ asOfMode: "fixed", asOf: "2024-09-30" });
    expect(evaluation.results.map((r) => [r.kpi, r.status])).toEqual([
      ["Support calls", "Met"],
      ["First response hours", "Missed"],
      expect.anything(),
      expect.anything(),
      expect.anything(),
      expect.anything(),
      expect.anything(),
      expect.anything(),
      expect.anything(),
    ]);
    expect(formatIsoDate(evaluation.results[0].start!)).toBe("2024-02-01");
  });
});
