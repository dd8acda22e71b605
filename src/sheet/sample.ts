import type { CellValue } from "../engine/grid/cell";
import { serialFromCivil } from "../engine/grid/date";
import type { ColumnFormat } from "./column-format";

/** A sheet of the demo workbook, with the formats its columns should be shown in. */
export interface SampleSheet {
  readonly name: string;
  /** The Excel table the values form, header row first. */
  readonly table: string;
  readonly values: CellValue[][];
  readonly formats: readonly ColumnFormat[];
}

/** The as-of date the demo is meant to be read on: every status shows. */
export const SAMPLE_AS_OF = serialFromCivil(2024, 9, 30);

// A small deterministic generator, so the sample is the same on every machine.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Daily or periodic values around `level` whose average over the dates is exactly `average`
 * (to one decimal), so the demo's explanations read as round figures.
 */
function valuesWithAverage(
  count: number,
  average: number,
  spread: number,
  next: () => number
): number[] {
  const values = Array.from({ length: count }, () => round1(average + (next() - 0.5) * 2 * spread));
  const total = values.reduce((a, b) => a + b, 0);
  values[count - 1] = round1(values[count - 1] + (average * count - total));
  return values;
}

function days(from: number, to: number, step = 1): number[] {
  const out: number[] = [];
  for (let d = from; d < to; d += step) out.push(d);
  return out;
}

const d = serialFromCivil;

function helpdesk(): SampleSheet {
  const next = random(7);
  // Support calls: January averages 412.0, February 319.7 (the promise: −20% within a month of go-live).
  const periods: [number, number, number, number][] = [
    [d(2023, 11, 1), d(2023, 12, 1), 405, 25],
    [d(2023, 12, 1), d(2024, 1, 1), 398, 25],
    [d(2024, 1, 1), d(2024, 2, 1), 412, 25],
    [d(2024, 2, 1), d(2024, 3, 1), 319.7, 20],
    [d(2024, 3, 1), d(2024, 9, 1), 305, 20],
  ];
  const calls: number[] = [];
  const dates: number[] = [];
  for (const [from, to, average, spread] of periods) {
    const span = days(from, to);
    dates.push(...span);
    calls.push(...valuesWithAverage(span.length, average, spread, next));
  }
  // First response hours: 10 before go-live, falling to about 8 (the promise was −30%).
  const response = dates.map((date) =>
    round1((date < d(2024, 2, 1) ? 10 : 8.1) + (next() - 0.5) * 1.2)
  );
  // One day someone typed "n/a": the sample shows how such a cell is reported.
  const typo = dates.indexOf(d(2024, 6, 15));
  const values: CellValue[][] = dates.map((date, i) => [
    date,
    i === typo ? "n/a" : calls[i],
    response[i],
  ]);
  return {
    name: "Helpdesk Revamp",
    table: "HelpdeskKpis",
    values: [["Date", "Support calls", "First response hours"], ...values],
    formats: ["date", "number", "number"],
  };
}

function procureToPay(): SampleSheet {
  const next = random(11);
  const mondays = days(d(2023, 11, 6), d(2024, 9, 1), 7);
  const goLive = d(2024, 3, 1);
  const rows = mondays.map((date) => {
    const cost = date < goLive ? 48_000 + next() * 4_000 : 39_000 + next() * 3_000;
    const cycle = date < goLive ? 9 + next() * 1.5 : 6 + next() * 0.8;
    return [date, Math.round(cost), round1(cycle)];
  });
  return {
    name: "Procure-to-Pay",
    table: "ProcureToPayKpis",
    values: [["Date", "Process cost", "Invoice cycle days"], ...rows],
    formats: ["date", "money", "number"],
  };
}

function observations(): SampleSheet {
  const next = random(5);
  const rows: CellValue[][] = [];
  // Checkout 2.0: monthly sales since January 2023; the new checkout went live in April 2024.
  for (let m = 0; m < 21; m++) {
    const year = 2023 + Math.floor(m / 12);
    const month = (m % 12) + 1;
    const date = d(year, month, 1);
    const lift = date >= d(2024, 4, 1) ? 1.28 : 1;
    rows.push([
      "Checkout 2.0",
      "Sales",
      date,
      Math.round((250_000 + m * 1_500 + next() * 10_000) * lift),
    ]);
    if (date >= d(2024, 1, 1)) {
      rows.push([
        "Checkout 2.0",
        "Conversion rate",
        date,
        round1(2.4 + (date >= d(2024, 4, 1) ? 0.6 : 0) + next() * 0.2),
      ]);
    }
  }
  // Mobile App: weekly crash rate per thousand sessions.
  for (const date of days(d(2024, 1, 1), d(2024, 9, 30), 7)) {
    rows.push([
      "Mobile App",
      "Crash rate",
      date,
      round1((date < d(2024, 5, 1) ? 4.2 : 2.9) + next() * 0.4),
    ]);
  }
  // Data Warehouse: nightly report runtime in minutes, ahead of an October go-live.
  for (const date of days(d(2024, 6, 3), d(2024, 9, 30), 7)) {
    rows.push(["Data Warehouse", "Report runtime", date, round1(42 + next() * 6)]);
  }
  return {
    name: "Observations",
    table: "KpiObservations",
    values: [["Project", "KPI", "Date", "Value"], ...rows],
    formats: ["text", "text", "date", "number"],
  };
}

function targets(): SampleSheet {
  const header = [
    "Project",
    "KPI",
    "Start",
    "Window",
    "Target",
    "Target type",
    "Direction",
    "Baseline",
    "Aggregate",
    "Min points",
    "Team",
    "Reward",
    "Weight",
    "Threshold",
    "Cap",
  ];
  const rows: CellValue[][] = [
    [
      "Helpdesk Revamp",
      "Support calls",
      d(2024, 2, 1),
      "1 month",
      -0.2,
      "%",
      null,
      null,
      "average",
      null,
      "Service Desk",
      5000,
      2,
      null,
      null,
    ],
    [
      "Helpdesk Revamp",
      "First response hours",
      d(2024, 2, 1),
      "3 months",
      -0.3,
      "%",
      "decrease",
      null,
      "average",
      30,
      "Service Desk",
      3000,
      1,
      0.5,
      1.2,
    ],
    [
      "Procure-to-Pay",
      "Process cost",
      d(2024, 3, 1),
      "3 months",
      "-15%",
      "%",
      null,
      null,
      "sum",
      10,
      "Finance Ops",
      8000,
      2,
      null,
      null,
    ],
    [
      "Procure-to-Pay",
      "Invoice cycle days",
      d(2024, 3, 1),
      "90 days",
      5,
      "value",
      "at most",
      null,
      "average",
      null,
      "Finance Ops",
      2000,
      1,
      null,
      null,
    ],
    [
      "Checkout 2.0",
      "Sales",
      d(2024, 4, 1),
      "6 months",
      0.3,
      "%",
      "increase",
      "prior year",
      "sum",
      null,
      "Digital Commerce",
      10000,
      3,
      0.8,
      1.5,
    ],
    [
      "Checkout 2.0",
      "Conversion rate",
      d(2024, 4, 1),
      "1 quarter",
      0.5,
      "change",
      null,
      null,
      "average",
      4,
      "Digital Commerce",
      2500,
      1,
      null,
      null,
    ],
    [
      "Mobile App",
      "Crash rate",
      d(2024, 5, 1),
      "3 months",
      -20,
      "%",
      null,
      null,
      "average",
      null,
      "Mobile",
      4000,
      1,
      null,
      null,
    ],
    [
      "Mobile App",
      "App rating",
      d(2024, 5, 1),
      "3 months",
      0.1,
      "%",
      null,
      null,
      "average",
      null,
      "Mobile",
      1500,
      1,
      null,
      null,
    ],
    [
      "Data Warehouse",
      "Report runtime",
      d(2024, 10, 15),
      "2 months",
      -0.4,
      "%",
      null,
      null,
      "median",
      null,
      "BI Platform",
      3000,
      1,
      null,
      null,
    ],
  ];
  return {
    name: "Targets",
    table: "KpiTargets",
    values: [header, ...rows],
    formats: [
      "text",
      "text",
      "date",
      "text",
      "number",
      "text",
      "text",
      "text",
      "text",
      "count",
      "text",
      "money",
      "number",
      "percent",
      "percent",
    ],
  };
}

/**
 * The demo workbook: a PMO portfolio with wide and long observation sheets whose targets end Met,
 * Missed, Pending, Insufficient data and Invalid on 30 September 2024.
 */
export function sampleWorkbook(): SampleSheet[] {
  return [targets(), helpdesk(), procureToPay(), observations()];
}
