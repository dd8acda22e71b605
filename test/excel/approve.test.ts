import { ApprovalError, approveRun } from "../../src/excel/approve";
import { evaluateInExcel } from "../../src/excel/run";
import { sheetValues } from "../../tools/fake-excel";
import { fakeExcel, sampleWithRuns, sheetsBut, withSample } from "../support/excel-workbook";

const SAMPLE = { asOfMode: "fixed", asOf: "2024-09-30" } as const;
/** 30 Nov 2024 is serial 45626; 10:00 is 10/24 of a day. */
const NOV_30_10AM = 45626 + 10 / 24;

describe("approving a run", () => {
  test("writes Approved by and Approved at of that run and no other cell, in 4 syncs", async () => {
    const state = fakeExcel();
    await sampleWithRuns(state, 2);
    const before = sheetsBut(state, []);
    const syncs = state.syncs;
    const approved = await approveRun(1, "  Ana Silva ", new Date(2024, 10, 30, 10, 0));
    expect(state.syncs - syncs).toBe(4);
    expect(approved).toMatchObject({ run: 1, approvedBy: "Ana Silva", approvedAt: NOV_30_10AM });
    const after = sheetsBut(state, []);
    const history = before["KPI History"].map((row) => row.slice());
    history[1][10] = "Ana Silva";
    history[1][11] = NOV_30_10AM;
    expect(after).toEqual({ ...before, "KPI History": history });
    // Run 2 is untouched.
    expect(after["KPI History"][2].slice(10, 12)).toEqual(["", ""]);
  });

  test("the run's row is found in KpiRuns alone: approving reads its header and two lines (3 × 12 cells), never KpiRunResults", async () => {
    const state = fakeExcel();
    await sampleWithRuns(state, 2);
    // Run 2 was appended in place: KpiRuns grew over its line, KpiRunResults over its nine rows.
    state.largestRead = 0;
    const responses = state.responses.length;
    await approveRun(2, "Ana Silva", new Date(2024, 10, 30, 10, 0));
    // KpiRuns' header and two lines are the largest range read; KpiRunResults' 19 rows are not read.
    expect(state.largestRead).toBe(36);
    expect(Math.max(...state.responses.slice(responses))).toBeLessThan(1024);
    expect(sheetValues(state, "KPI History")[2].slice(10, 12)).toEqual(["Ana Silva", NOV_30_10AM]);
  });

  test("an approved run cannot be approved again: the refusal names who approved it and when", async () => {
    const state = fakeExcel();
    await sampleWithRuns(state, 1);
    await approveRun(1, "Ana Silva", new Date(2024, 10, 30, 10, 0));
    const before = sheetsBut(state, []);
    await expect(approveRun(1, "Ben Okafor")).rejects.toThrow(
      new ApprovalError(
        "Run 1 was already approved by Ana Silva on 30 Nov 2024; an approved run cannot be approved again."
      )
    );
    expect(sheetsBut(state, [])).toEqual(before);
  });

  test("a run the history does not have, a workbook without history and a blank name are refused", async () => {
    const state = fakeExcel();
    withSample(state);
    await expect(approveRun(1, "Ana Silva")).rejects.toThrow(
      "This workbook has no KPI History sheet: evaluate it first, then approve the run."
    );
    await evaluateInExcel(SAMPLE);
    await expect(approveRun(4, "Ana Silva")).rejects.toThrow(
      "This workbook has no run 4; its runs are 1–1."
    );
    await expect(approveRun(1, "   ")).rejects.toThrow(
      "Enter the name of the person approving the run."
    );
    expect(sheetValues(state, "KPI History")[1].slice(10, 12)).toEqual(["", ""]);
  });

  test("a KPI History sheet KPI Rewards did not write is never approved in", async () => {
    const state = fakeExcel();
    withSample(state);
    state.addSheet("KPI History", [["Run", "As of"]]);
    await expect(approveRun(1, "Ana Silva")).rejects.toThrow(
      "The KPI History sheet was not written by KPI Rewards (or lost its KpiRuns table), so no run is approved there."
    );
    expect(sheetValues(state, "KPI History")).toEqual([["Run", "As of"]]);
  });

  test("in a 1904 workbook Approved at is stored 1,462 lower and reads back as 30 Nov 2024", async () => {
    const state = fakeExcel();
    state.date1904 = true;
    state.addSheet("Targets", [
      ["Project", "KPI", "Start", "Window", "Target"],
      ["Helpdesk", "Calls", state.serialOf("2024-02-01"), "1 month", -0.2],
    ]);
    state.addSheet("Obs", [
      ["Project", "KPI", "Date", "Value"],
      ["Helpdesk", "Calls", state.serialOf("2024-01-10"), 10],
      ["Helpdesk", "Calls", state.serialOf("2024-02-10"), 7],
    ]);
    await evaluateInExcel({ asOfMode: "fixed", asOf: "2024-03-31" });
    const approved = await approveRun(1, "Ana Silva", new Date(2024, 10, 30, 10, 0));
    expect(approved.approvedAt).toBe(NOV_30_10AM);
    const cell = sheetValues(state, "KPI History")[1][11] as number;
    expect(cell).toBe(NOV_30_10AM - 1462);
    expect(state.dateOf(cell)).toBe("2024-11-30");
    await expect(approveRun(1, "Ben Okafor")).rejects.toThrow(
      "Run 1 was already approved by Ana Silva on 30 Nov 2024; an approved run cannot be approved again."
    );
  });
});
