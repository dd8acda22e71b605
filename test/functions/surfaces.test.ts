import path from "path";
import { main, type Io } from "../../src/cli/main";
import { type CellValue, evaluateSingleTarget, type Status } from "../../src/engine";
import { parseDirection, parseTargetType } from "../../src/engine/rules/target";
import { SeriesBuilder } from "../../src/engine/series/series";
import { RESULTS_HEADER } from "../../src/sheet";
import * as KPI from "../../src/functions/functions";
import { FormulaError } from "../../src/functions/functions";
import { day, everyDay, longRows } from "../support/workbooks";
import { temporaryFolder, writeWorkbook } from "../support/xlsx";

/** A KpiResults column's index in KPI.EVALUATE's spill. */
const column = (name: string) => (RESULTS_HEADER as readonly string[]).indexOf(name);

/**
 * One table of targets through every surface: the single-target formulas (KPI.STATUS, ATTAINMENT,
 * CHANGE), the engine's single-target entry, KPI.EVALUATE and the CLI's --json. Every row states its
 * hand-computed outcome once; each surface must give the same status, numbers and error kind.
 *
 * Observations: Support calls 412 on each day of January 2024, 319.7 on each day of February.
 * As of 1 Jun 2024. A = 319.7 and B = 412 unless said otherwise.
 */
const AS_OF = "2024-06-01";
const A = 319.7;
const B = 412;

interface Row {
  readonly rule: string;
  readonly start?: string;
  readonly window?: string;
  readonly target: CellValue;
  readonly targetType?: string;
  readonly baseline?: CellValue;
  /** Only Targets rows have a Direction: the formulas take it from the sign (SPEC §7). */
  readonly direction?: string;
  readonly status: Status;
  readonly baselineValue: number | null;
  readonly actual: number | null;
  readonly targetValue: number | null;
  readonly change: number | null;
  readonly attainment: number | null;
}

const NONE = {
  baselineValue: null,
  actual: null,
  targetValue: null,
  change: null,
  attainment: null,
};
const CHANGE = (A - B) / B;

const ROWS: Row[] = [
  {
    rule: "% target met: T = 412 × 0.8 = 329.6",
    target: -0.2,
    status: "Met",
    baselineValue: B,
    actual: A,
    targetValue: 329.6,
    change: CHANGE,
    attainment: 92.3 / 82.4,
  },
  {
    rule: "% target missed: T = 288.4",
    target: -0.3,
    status: "Missed",
    baselineValue: B,
    actual: A,
    targetValue: 288.4,
    change: CHANGE,
    attainment: 92.3 / 123.6,
  },
  {
    rule: 'percent text "-20%" is -0.2',
    target: "-20%",
    status: "Met",
    baselineValue: B,
    actual: A,
    targetValue: 329.6,
    change: CHANGE,
    attainment: 92.3 / 82.4,
  },
  { rule: "t <= -1: -20 (the slip for -20%) is Invalid", target: -20, status: "Invalid", ...NONE },
  { rule: 't <= -1: "-100%" is Invalid', target: "-100%", status: "Invalid", ...NONE },
  { rule: "a target of 0 promises nothing: Invalid", target: 0, status: "Invalid", ...NONE },
  {
    rule: "a Direction contradicting the sign is Invalid",
    target: -0.2,
    direction: "increase",
    status: "Invalid",
    ...NONE,
  },
  {
    rule: "% on a zero baseline is Invalid",
    target: -0.2,
    baseline: 0,
    status: "Invalid",
    baselineValue: 0,
    actual: A,
    targetValue: null,
    change: null,
    attainment: null,
  },
  {
    rule: "% on a negative baseline is Invalid",
    target: 0.1,
    baseline: -5,
    status: "Invalid",
    baselineValue: -5,
    actual: A,
    targetValue: null,
    change: (A + 5) / 5,
    attainment: null,
  },
  {
    rule: "T = B is Invalid",
    target: 412,
    targetType: "value",
    status: "Invalid",
    baselineValue: B,
    actual: A,
    targetValue: 412,
    change: CHANGE,
    attainment: null,
  },
  {
    rule: "value target: T 300 below B, a decrease, missed",
    target: 300,
    targetType: "value",
    status: "Missed",
    baselineValue: B,
    actual: A,
    targetValue: 300,
    change: CHANGE,
    attainment: 92.3 / 112,
  },
  {
    rule: "value target with its Direction: at least 300 is met by 319.7",
    target: 300,
    targetType: "value",
    direction: "increase",
    status: "Met",
    baselineValue: B,
    actual: A,
    targetValue: 300,
    change: CHANGE,
    attainment: A / 300,
  },
  {
    rule: "change target: T = 412 − 100 = 312, missed",
    target: -100,
    targetType: "change",
    status: "Missed",
    baselineValue: B,
    actual: A,
    targetValue: 312,
    change: CHANGE,
    attainment: 0.923,
  },
  {
    rule: "tolerance: an average of 319.7s a hair above T = 319.7 is met",
    target: 319.7,
    targetType: "value",
    status: "Met",
    baselineValue: B,
    actual: A,
    targetValue: 319.7,
    change: CHANGE,
    attainment: 1,
  },
  {
    rule: "a fixed baseline: T = 400 × 0.8 = 320, met",
    target: -0.2,
    baseline: 400,
    status: "Met",
    baselineValue: 400,
    actual: A,
    targetValue: 320,
    change: (A - 400) / 400,
    attainment: 80.3 / 80,
  },
  {
    rule: "a % target above 100% is evaluated: T = 1030, missed",
    target: 1.5,
    status: "Missed",
    baselineValue: B,
    actual: A,
    targetValue: 1030,
    change: CHANGE,
    attainment: -92.3 / 618,
  },
  {
    rule: "Pending: the window 15 May–14 Jun is not over; both windows empty",
    start: "2024-05-15",
    target: -0.2,
    status: "Pending",
    ...NONE,
  },
  {
    rule: "Insufficient data: March is empty, February (B = 319.7) is not",
    start: "2024-03-01",
    target: -0.2,
    status: "Insufficient data",
    baselineValue: A,
    actual: null,
    targetValue: A * 0.8,
    change: null,
    attainment: null,
  },
];

const points = [...everyDay("2024-01-01", 31, B), ...everyDay("2024-02-01", 29, A)];
const dates = points.map(([d]) => [day(d)]);
const values = points.map(([, v]) => [v]);

const HEADER = [
  "Project",
  "KPI",
  "Start",
  "Window",
  "Target",
  "Target type",
  "Baseline",
  "Direction",
];
const targetRows: CellValue[][] = ROWS.map((row) => [
  "Helpdesk",
  "Support calls",
  day(row.start ?? "2024-02-01"),
  row.window ?? "1 month",
  row.target,
  row.targetType ?? null,
  row.baseline ?? null,
  row.direction ?? null,
]);
const observationRows = [
  ["Project", "KPI", "Date", "Value"],
  ...longRows("Helpdesk", "Support calls", points),
];

/** What a surface answered for one number: the number, empty, or a formula error's kind. */
type Answer = number | null | "#VALUE!" | "#N/A";

function answer(call: () => number): Answer {
  try {
    return call();
  } catch (error) {
    if (error instanceof FormulaError) return error.code;
    throw error;
  }
}

function expectNumber(actual: unknown, expected: number | null, where: string): void {
  if (expected === null) expect({ where, actual }).toEqual({ where, actual: null });
  else
    expect({ where, close: Math.abs((actual as number) - expected) < 1e-9 }).toEqual({
      where,
      close: true,
    });
}

describe("one table of targets gives the same status, numbers and error kind on every surface", () => {
  test("the single-target formulas: STATUS, ATTAINMENT and CHANGE", () => {
    const asOf = day(AS_OF);
    for (const row of ROWS.filter((r) => r.direction === undefined)) {
      const args = [
        dates,
        values,
        day(row.start ?? "2024-02-01"),
        row.window ?? "1 month",
      ] as const;
      const status = answer(
        () => KPI.status(...args, row.target, row.baseline, null, row.targetType, asOf) as never
      );
      expect({ rule: row.rule, status }).toEqual({
        rule: row.rule,
        status: row.status === "Invalid" ? "#VALUE!" : row.status,
      });

      const attainment = answer(() =>
        KPI.attainment(...args, row.target, row.baseline, null, row.targetType)
      );
      // An Invalid target is #VALUE!; an empty window is #N/A (the engine leaves the number empty).
      const expectedAttainment: Answer =
        row.status === "Invalid"
          ? "#VALUE!"
          : row.actual === null || row.baselineValue === null
            ? "#N/A"
            : row.attainment;
      if (typeof expectedAttainment === "number")
        expectNumber(attainment, expectedAttainment, row.rule);
      else
        expect({ rule: row.rule, attainment }).toEqual({
          rule: row.rule,
          attainment: expectedAttainment,
        });

      // KPI.CHANGE has no target: it answers wherever the engine measured both windows.
      if (row.status === "Invalid" && row.actual === null) continue;
      const change = answer(() => KPI.change(...args, row.baseline));
      const expectedChange: Answer =
        row.actual === null || row.baselineValue === null
          ? "#N/A"
          : row.baselineValue === 0
            ? "#VALUE!"
            : row.change;
      if (typeof expectedChange === "number") expectNumber(change, expectedChange, row.rule);
      else expect({ rule: row.rule, change }).toEqual({ rule: row.rule, change: expectedChange });
    }
  });

  test("the engine's single-target entry, Direction included", () => {
    const builder = new SeriesBuilder();
    points.forEach(([d, v], i) => builder.add(day(d), v, i));
    const series = builder.build().series;
    for (const row of ROWS) {
      const outcome = evaluateSingleTarget(
        {
          start: day(row.start ?? "2024-02-01"),
          window: row.window ?? "1 month",
          target: row.target,
          targetType: row.targetType ? parseTargetType(row.targetType) : undefined,
          baseline: row.baseline,
          direction: row.direction ? parseDirection(row.direction) : undefined,
        },
        series,
        day(AS_OF)
      );
      const status = outcome.ok ? outcome.value.result.status : "Invalid";
      expect({ rule: row.rule, status }).toEqual({ rule: row.rule, status: row.status });
      if (!outcome.ok) continue;
      const result = outcome.value.result;
      expectNumber(result.baseline, row.baselineValue, `${row.rule}: baseline`);
      expectNumber(result.actual, row.actual, `${row.rule}: actual`);
      expectNumber(result.targetValue, row.targetValue, `${row.rule}: target value`);
      expectNumber(result.change, row.change, `${row.rule}: change`);
      expectNumber(result.attainment, row.attainment, `${row.rule}: attainment`);
    }
  });

  test("KPI.EVALUATE", () => {
    const spilled = KPI.evaluate([HEADER, ...targetRows], observationRows, day(AS_OF));
    // The results, then (the Invalid rows are issues too) an empty row and KpiIssues.
    expect(spilled[ROWS.length + 1]).toEqual(Array(RESULTS_HEADER.length).fill(""));
    ROWS.forEach((row, i) => {
      const cells = spilled[i + 1];
      const number = (cell: unknown) => (cell === "" ? null : cell);
      expect({ rule: row.rule, status: cells[column("Status")] }).toEqual({
        rule: row.rule,
        status: row.status,
      });
      expectNumber(number(cells[column("Baseline")]), row.baselineValue, `${row.rule}: baseline`);
      expectNumber(number(cells[column("Actual")]), row.actual, `${row.rule}: actual`);
      expectNumber(
        number(cells[column("Target value")]),
        row.targetValue,
        `${row.rule}: target value`
      );
      expectNumber(number(cells[column("Change")]), row.change, `${row.rule}: change`);
      expectNumber(number(cells[column("Attainment")]), row.attainment, `${row.rule}: attainment`);
    });
  });

  test("the CLI: kpi-rewards evaluate --json on an .xlsx of the same table", async () => {
    const file = path.join(temporaryFolder(), "surfaces.xlsx");
    await writeWorkbook(file, { Targets: [HEADER, ...targetRows], Observations: observationRows });
    let out = "";
    let err = "";
    const io: Io = {
      out: (t) => (out += t),
      err: (t) => (err += t),
      colour: false,
      now: () => new Date(2026, 10, 25),
    };
    expect(await main(["evaluate", file, "--as-of", AS_OF, "--json"], io)).toBe(0);
    expect(err).toBe("");
    const results = JSON.parse(out).results as Record<string, unknown>[];
    expect(results).toHaveLength(ROWS.length);
    ROWS.forEach((row, i) => {
      const result = results[i];
      expect({ rule: row.rule, status: result.status }).toEqual({
        rule: row.rule,
        status: row.status,
      });
      expectNumber(result.baseline, row.baselineValue, `${row.rule}: baseline`);
      expectNumber(result.actual, row.actual, `${row.rule}: actual`);
      expectNumber(result.targetValue, row.targetValue, `${row.rule}: target value`);
      expectNumber(result.change, row.change, `${row.rule}: change`);
      expectNumber(result.attainment, row.attainment, `${row.rule}: attainment`);
    });
  });
});
