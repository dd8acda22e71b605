import type { CellRef } from "../grid/address";
import { cellKind, cellText, type CellValue } from "../grid/cell";
import type { CellReader } from "../grid/cell-reader";
import { formatDay } from "../grid/date";
import type { TargetColumn } from "../grid/header";
import type { IssueLog } from "../grid/issue";
import type { TargetsTable } from "../grid/tables";
import { AGGREGATE_NAMES, parseAggregate, type Aggregate } from "../series/aggregate";
import { parseBaseline, type BaselineRule } from "../series/baseline";
import {
  blankCell,
  bothWindowAndEnd,
  capBelowThreshold,
  cellLabel,
  endBeforeStart,
  ignoredForPayCurve,
  missingColumns,
  negativeWindow,
  notOneOf,
  noWindow,
  outOfRange,
  rowProblems,
} from "../messages";
import { parseSpan, windowAfter, windowBefore, type Window } from "../series/window";
import {
  checkTarget,
  formatSignedPercent,
  parseDirection,
  parseTargetCell,
  parseTargetType,
  type Direction,
  type Target,
  type TargetType,
} from "./target";

/**
 * Reading one row of a Targets table (SPEC §2), by column family: who (identity), when (window), what
 * is promised (target) and what it pays (payout). Every wrong cell becomes an issue that names it;
 * families are read in that order, so the issues of a row come in the order of its columns.
 */

/** A row that cannot be evaluated: what could be read, and why not. */
export interface InvalidTarget {
  readonly source: CellRef;
  readonly project: string;
  readonly team: string;
  readonly kpi: string;
  readonly start?: number;
  readonly evaluation?: Window;
  readonly message: string;
}

export type TargetRow = { ok: true; target: Target } | { ok: false; invalid: InvalidTarget };

const COLUMN_LABELS: Record<TargetColumn, string> = {
  project: "Project",
  kpi: "KPI",
  start: "Start",
  window: "Window",
  end: "End",
  target: "Target",
  targetType: "Target type",
  direction: "Direction",
  baseline: "Baseline",
  aggregate: "Aggregate",
  minPoints: "Min points",
  team: "Team",
  reward: "Reward",
  weight: "Weight",
  threshold: "Threshold",
  cap: "Cap",
  payCurve: "Pay curve",
};

/** Problems of a table as a whole (missing columns), reported once and repeated on each of its rows. */
export function missingTargetColumns(table: TargetsTable, issues: IssueLog): string | undefined {
  const { columns } = table;
  const missing = (["project", "kpi", "start", "target"] as const)
    .filter((c) => columns[c] === undefined)
    .map((c) => COLUMN_LABELS[c]);
  if (columns.window === undefined && columns.end === undefined) missing.push("Window or End");
  if (missing.length === 0) return undefined;
  const message = missingColumns(table.view.rangeAddress, missing);
  issues.error(table.sheet, table.view.address(table.view.headerRow, 0), message);
  return message;
}

/** One row's cells by column, and the errors found in them so far. */
class RowCells {
  readonly errors: string[];

  constructor(
    readonly table: TargetsTable,
    readonly row: number,
    readonly reader: CellReader,
    readonly issues: IssueLog,
    tableProblem: string | undefined
  ) {
    this.errors = tableProblem ? [tableProblem] : [];
  }

  get sheet(): string {
    return this.table.sheet;
  }

  has(column: TargetColumn): boolean {
    return this.table.columns[column] !== undefined;
  }

  /** The cell's address in this row; the row's first cell when the column is absent. */
  address(column: TargetColumn): string {
    return this.table.view.address(this.row, this.table.columns[column] ?? 0);
  }

  cell(column: TargetColumn): CellValue {
    const index = this.table.columns[column];
    return index === undefined ? null : this.table.view.cell(this.row, index);
  }

  /** `Target (Targets!E7)`: how a message names a cell (built only for a message that is shown). */
  at(column: TargetColumn): string {
    return cellLabel(COLUMN_LABELS[column], this.sheet, this.address(column));
  }

  filled(column: TargetColumn): boolean {
    return cellKind(this.cell(column)) !== "blank";
  }

  text(column: TargetColumn): string {
    return cellText(this.cell(column));
  }

  /** An error on the cell: the row will be Invalid, and its first error says why. */
  fail(column: TargetColumn, message: string): undefined {
    this.issues.error(this.sheet, this.address(column), message);
    this.errors.push(message);
    return undefined;
  }

  warn(column: TargetColumn, message: string): void {
    this.issues.warning(this.sheet, this.address(column), message);
  }

  required(column: TargetColumn, what: string): string {
    if (this.has(column) && !this.filled(column))
      this.fail(column, blankCell(this.at(column), what));
    return this.text(column);
  }

  day(column: TargetColumn): number | undefined {
    if (!this.has(column)) return undefined;
    if (!this.filled(column)) return this.fail(column, blankCell(this.at(column), "the date"));
    const date = this.reader.date(this.cell(column), () => this.at(column));
    return date.ok ? Math.floor(date.value) : this.fail(column, date.message);
  }

  numberOr(column: TargetColumn, fallback: number, check: (n: number) => boolean, rule: string) {
    if (!this.filled(column)) return fallback;
    const parsed = this.reader.number(this.cell(column), () => this.at(column));
    if (!parsed.ok) return this.fail(column, parsed.message) ?? fallback;
    if (!check(parsed.value))
      return this.fail(column, outOfRange(this.at(column), parsed.value, rule)) ?? fallback;
    return parsed.value;
  }

  fraction(column: "threshold" | "cap"): number | undefined {
    if (!this.filled(column)) return undefined;
    const parsed = this.reader.fraction(this.cell(column), () => this.at(column));
    return parsed.ok ? parsed.value : this.fail(column, parsed.message);
  }
}

/** Who: Project and KPI, and the Team (the project when blank). */
function readIdentity(cells: RowCells) {
  const project = cells.required("project", "the project's name");
  const kpi = cells.required("kpi", "the KPI's name as it appears in the observations");
  return { project, kpi, team: cells.text("team") || project };
}

/** When: Start, and the evaluation window from End or Window, with the span a default baseline repeats. */
function readWindow(cells: RowCells) {
  const start = cells.day("start");
  let evaluation: Window | undefined;
  let defaultBaseline: Window | undefined;
  if (cells.filled("end")) {
    const end = cells.day("end");
    if (cells.filled("window")) {
      cells.warn("window", bothWindowAndEnd(end === undefined ? undefined : formatDay(end)));
    }
    if (start !== undefined && end !== undefined) {
      if (end < start)
        cells.fail("end", endBeforeStart(cells.at("end"), formatDay(end), formatDay(start)));
      else {
        evaluation = { from: start, to: end + 1 };
        defaultBaseline = { from: start - (end + 1 - start), to: start };
      }
    }
  } else if (cells.filled("window")) {
    const span = parseSpan(cells.cell("window"));
    if (!span.ok) cells.fail("window", `${cells.at("window")} ${span.message}`);
    else if (span.value.negative)
      cells.fail("window", negativeWindow(cells.at("window"), span.value.text));
    else if (start !== undefined) {
      evaluation = windowAfter(start, span.value);
      defaultBaseline = windowBefore(start, span.value);
    }
  } else if (cells.has("window") || cells.has("end")) {
    const row = cells.table.view.address(cells.row, 0).replace(/^[A-Z]+/, "");
    cells.fail(cells.has("window") ? "window" : "end", noWindow(row));
  }
  return { start, evaluation, defaultBaseline };
}

/** What is promised and how it is measured: type, direction, target, baseline, aggregate, min points. */
function readPromise(cells: RowCells, window: ReturnType<typeof readWindow>) {
  let targetType: TargetType = "%";
  if (cells.filled("targetType")) {
    const parsed = parseTargetType(cells.text("targetType"));
    if (parsed) targetType = parsed;
    else
      cells.fail(
        "targetType",
        notOneOf(
          cells.at("targetType"),
          cells.text("targetType"),
          "a target type",
          "%, change or value"
        )
      );
  }

  let direction: Direction | undefined;
  if (cells.filled("direction")) {
    direction = parseDirection(cells.text("direction"));
    if (!direction)
      cells.fail(
        "direction",
        notOneOf(
          cells.at("direction"),
          cells.text("direction"),
          "a direction",
          "increase or decrease"
        )
      );
  }

  let target: number | undefined;
  if (cells.has("target")) {
    const parsed = parseTargetCell(cells.cell("target"), targetType, () => cells.at("target"));
    if (parsed.ok) target = parsed.value;
    else cells.fail("target", parsed.message);
  }
  if (target !== undefined) {
    for (const problem of checkTarget(target, targetType, direction, (c) => cells.at(c))) {
      if (problem.severity === "error") cells.fail(problem.column, problem.message);
      else cells.warn(problem.column, problem.message);
    }
  }

  let baseline: BaselineRule | undefined;
  const { start, evaluation, defaultBaseline } = window;
  if (start !== undefined && evaluation && defaultBaseline) {
    const parsed = parseBaseline(cells.cell("baseline"), start, evaluation, defaultBaseline);
    if (parsed.ok) baseline = parsed.value;
    else cells.fail("baseline", `${cells.at("baseline")} ${parsed.message}`);
  }

  let aggregate: Aggregate = "average";
  if (cells.filled("aggregate")) {
    const parsed = parseAggregate(cells.text("aggregate"));
    if (parsed) aggregate = parsed;
    else
      cells.fail(
        "aggregate",
        notOneOf(cells.at("aggregate"), cells.text("aggregate"), "an aggregate", AGGREGATE_NAMES)
      );
  }

  const minPoints = cells.numberOr(
    "minPoints",
    1,
    (n) => Number.isInteger(n) && n >= 1,
    "enter a whole number of 1 or more"
  );
  return { targetType, direction, target, baseline, aggregate, minPoints };
}

/** What it pays: Reward, Weight, Threshold and Cap, or a Pay curve (which makes them ignored). */
function readPayout(cells: RowCells) {
  const reward = cells.numberOr("reward", 0, (n) => n >= 0, "enter an amount of 0 or more");
  const weight = cells.numberOr("weight", 1, (n) => n >= 0, "enter a weight of 0 or more");
  const threshold = cells.fraction("threshold");
  const cap = cells.fraction("cap");
  if (threshold !== undefined && cap !== undefined && threshold > cap) {
    const shown = (fraction: number) => formatSignedPercent(fraction, false);
    cells.fail("cap", capBelowThreshold(cells.at("cap"), shown(cap), shown(threshold)));
  }

  let payCurve: Target["payCurve"];
  if (cells.filled("payCurve")) {
    payCurve = {
      name: cells.text("payCurve").trim(),
      cell: { sheet: cells.sheet, cell: cells.address("payCurve") },
    };
    const ignored = (["threshold", "cap"] as const).filter((c) => cells.filled(c));
    if (ignored.length > 0) {
      cells.warn(
        ignored[0],
        ignoredForPayCurve(
          ignored.map((c) => cells.at(c)),
          payCurve.name
        )
      );
    }
  }
  return payCurve
    ? { reward, weight, threshold: undefined, cap: undefined, payCurve }
    : { reward, weight, threshold, cap, payCurve };
}

/** Reads one Targets row; every wrong cell becomes an issue that names it. */
export function readTargetRow(
  table: TargetsTable,
  row: number,
  reader: CellReader,
  issues: IssueLog,
  tableProblem: string | undefined
): TargetRow {
  const cells = new RowCells(table, row, reader, issues, tableProblem);
  const sheet = table.sheet;
  const source: CellRef = { sheet, cell: table.view.address(row, 0) };
  const identity = readIdentity(cells);
  const window = readWindow(cells);
  const promise = readPromise(cells, window);
  const payout = readPayout(cells);

  const { start, evaluation } = window;
  const { baseline, target } = promise;
  const { errors } = cells;
  if (
    errors.length > 0 ||
    start === undefined ||
    !evaluation ||
    !baseline ||
    target === undefined
  ) {
    const message = rowProblems(errors);
    return { ok: false, invalid: { source, ...identity, start, evaluation, message } };
  }
  // Written out rather than spread: one object of one shape per row.
  return {
    ok: true,
    target: {
      source,
      kpiCell: { sheet, cell: table.view.address(row, table.columns.kpi ?? 0) },
      targetCell: { sheet, cell: table.view.address(row, table.columns.target ?? 0) },
      project: identity.project,
      kpi: identity.kpi,
      team: identity.team,
      start,
      evaluation,
      baseline,
      target,
      targetType: promise.targetType,
      direction: promise.direction,
      aggregate: promise.aggregate,
      minPoints: promise.minPoints,
      reward: payout.reward,
      weight: payout.weight,
      threshold: payout.threshold,
      cap: payout.cap,
      payCurve: payout.payCurve,
    },
  };
}
