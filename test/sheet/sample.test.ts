import { evaluateWorkbook } from "../../src/engine";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../src/sheet/sample";
import { day } from "../support/workbooks";

describe("the demo workbook", () => {
  test("four sheets, each one Excel table with a format per column", () => {
    const sample = sampleWorkbook();
    expect(sample.map((s) => [s.name, s.table, s.values[0].length, s.formats.length])).toEqual([
      ["Targets", "KpiTargets", 15, 15],
      ["Helpdesk Revamp", "HelpdeskKpis", 3, 3],
      ["Procure-to-Pay", "ProcureToPayKpis", 3, 3],
      ["Observations", "KpiObservations", 4, 4],
    ]);
  });

  test("the same on every machine: generated from fixed seeds", () => {
    expect(sampleWorkbook()).toEqual(sampleWorkbook());
  });

  test("read on 30 Sep 2024, its targets end Met, Missed, Pending, Insufficient data and Invalid", () => {
    expect(SAMPLE_AS_OF).toBe(day("2024-09-30"));
    const evaluation = evaluateWorkbook(
      { sheets: sampleWorkbook().map((s) => ({ name: s.name, values: s.values })) },
      { asOf: SAMPLE_AS_OF }
    );
    expect(new Set(evaluation.results.map((r) => r.status))).toEqual(
      new Set(["Met", "Missed", "Pending", "Insufficient data", "Invalid"])
    );
  });
});
