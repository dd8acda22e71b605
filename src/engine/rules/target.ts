import type { CellRef } from "../grid/address";
import { parseBaseline, type BaselineRule } from "../series/baseline";
import { parseAggregate, AGGREGATE_NAMES, type Aggregate } from "../series/aggregate";
import { cellKind, cellText, describeCell, type CellValue } from "../grid/cell";
import { parsePercentText, type CellReader } from "../grid/cell-reader";
import { headerKey, type TargetColumn } from "../grid/header";
import type { IssueLog } from "../grid/issue";
import type { TargetsTable } from "../grid/tables";
import {
  parseSpan,
  windowAfter,
  windowBefore,
  WINDOW_EXAMPLE,
  type Window,
} from "../series/window";
import type { Parsed } from "../grid/parsed";
import { formatDay } from "../grid/date";

export type TargetType = "%" | "change" | "value";
export type Direction = "increase" | "decrease";

/** One promise from the Targets table, read and checked. */
export interface Target {
  readonly source: CellRef;
  /** The KPI cell, where a problem with the name is shown. */
  readonly kpiCell: CellRef;
  /** The Target cell, where a target the data makes impossible is shown. */
  readonly targetCell: CellRef;
  readonly project: string;
  readonly team: string;
  readonly kpi: string;
  readonly start: number;
  readonly evaluation: Window;
  readonly baseline: BaselineRule;
  /** The Target cell: a fraction for `%`, an amount for `change`, a level for `value`. */
  readonly target: number;
  readonly targetType: TargetType;
  /** The Direction cell, when filled. */
  readonly direction?: Direction;
  readonly aggregate: Aggregate;
  readonly minPoints: number;
  readonly reward: number;
  readonly weight: number;
  readonly threshold?: number;
  readonly cap?: number;
  /** The name of the pay curve that decides the payout (SPEC §12), and its cell. */
  readonly payCurve?: { readonly name: string; readonly cell: CellRef };
}

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

const TARGET_TYPES: Record<string, TargetType> = {
  "%": "%",
  percent: "%",
  percentage: "%",
  relative: "%",
  change: "change",
  absolute: "change",
  absolutechange: "change",
  value: "value",
  level: "value",
};

const DIRECTIONS: Record<string, Direction> = {
  increase: "increase",
  up: "increase",
  higher: "increase",
  atleast: "increase",
  decrease: "decrease",
  down: "decrease",
  lower: "decrease",
  atmost: "decrease",
};

export function parseTargetType(text: string): TargetType | undefined {
  return TARGET_TYPES[headerKey(text)];
}

export function parseDirection(text: string): Direction | undefined {
  return DIRECTIONS[headerKey(text)];
}

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
  const message = `The Targets table ${table.view.rangeAddress} has no ${missing.join(", ")} column; add it to the header row`;
  issues.error(table.sheet, table.view.address(table.view.headerRow, 0), message);
  return message;
}

/** Reads one Targets row; every wrong cell becomes an issue that names it. */
export function readTargetRow(
  table: TargetsTable,
  row: number,
  reader: CellReader,
  issues: IssueLog,
  tableProblem: string | undefined
): TargetRow {
  const { view, columns } = table;
  const sheet = table.sheet;
  const source: CellRef = { sheet, cell: view.address(row, 0) };
  const kpiCell: CellRef = { sheet, cell: view.address(row, columns.kpi ?? 0) };
  const targetCell: CellRef = { sheet, cell: view.address(row, columns.target ?? 0) };
  const errors: string[] = tableProblem ? [tableProblem] : [];

  const cell = (column: TargetColumn): CellValue => {
    const index = columns[column];
    return index === undefined ? null : view.cell(row, index);
  };
  const at = (column: TargetColumn): string => {
    const index = columns[column];
    return `${COLUMN_LABELS[column]} (${sheet}!${view.address(row, index ?? 0)})`;
  };
  const fail = (column: TargetColumn, message: string): undefined => {
    const index = columns[column] ?? 0;
    issues.error(sheet, view.address(row, index), message);
    errors.push(message);
    return undefined;
  };
  const filled = (column: TargetColumn): boolean => cellKind(cell(column)) !== "blank";
  const text = (column: TargetColumn): string => cellText(cell(column));

  const required = (column: TargetColumn, what: string): string => {
    if (columns[column] !== undefined && !filled(column))
      fail(column, `${at(column)} is blank; enter ${what}`);
    return text(column);
  };
  const project = required("project", "the project's name");
  const kpi = required("kpi", "the KPI's name as it appears in the observations");
  const team = text("team") || project;

  const day = (column: TargetColumn): number | undefined => {
    if (columns[column] === undefined) return undefined;
    if (!filled(column)) return void fail(column, `${at(column)} is blank; enter the date`);
    const date = reader.date(cell(column), () => at(column));
    return date.ok ? Math.floor(date.value) : fail(column, date.message);
  };
  const start = day("start");

  // The evaluation window, and the span a default baseline repeats.
  let evaluation: Window | undefined;
  let defaultBaseline: Window | undefined;
  if (filled("end")) {
    const end = day("end");
    if (filled("window")) {
      issues.warning(
        sheet,
        view.address(row, columns.window!),
        `Both Window and End are filled; End (${end === undefined ? "unreadable" : formatDay(end)}) is used — clear one of them`
      );
    }
    if (start !== undefined && end !== undefined) {
      if (end < start)
        fail(
          "end",
          `${at("end")} ${formatDay(end)} is before Start ${formatDay(start)}; correct one of them`
        );
      else {
        evaluation = { from: start, to: end + 1 };
        defaultBaseline = { from: start - (end + 1 - start), to: start };
      }
    }
  } else if (filled("window")) {
    const span = parseSpan(cell("window"));
    if (!span.ok) fail("window", `${at("window")}: ${span.message}`);
    else if (span.value.negative) fail("window", negativeWindow(at("window"), span.value.text));
    else if (start !== undefined) {
      evaluation = windowAfter(start, span.value);
      defaultBaseline = windowBefore(start, span.value);
    }
  } else if (columns.window !== undefined || columns.end !== undefined) {
    fail(
      columns.window !== undefined ? "window" : "end",
      `Window and End are both blank in row ${view.address(row, 0).replace(/^[A-Z]+/, "")}; enter a window like "3 months" or an End date`
    );
  }

  const targetType = readTargetType();
  function readTargetType(): TargetType {
    if (!filled("targetType")) return "%";
    const parsed = parseTargetType(text("targetType"));
    if (parsed) return parsed;
    fail(
      "targetType",
      `${at("targetType")} "${text("targetType")}" is not a target type; use %, change or value`
    );
    return "%";
  }

  let direction: Direction | undefined;
  if (filled("direction")) {
    direction = parseDirection(text("direction"));
    if (!direction)
      fail(
        "direction",
        `${at("direction")} "${text("direction")}" is not a direction; use increase or decrease`
      );
  }

  let targetValue: number | undefined;
  if (columns.target !== undefined) {
    const parsed = parseTargetCell(cell("target"), targetType, at("target"));
    if (parsed.ok) targetValue = parsed.value;
    else fail("target", parsed.message);
  }
  if (targetValue !== undefined) {
    for (const problem of checkTarget(targetValue, targetType, direction, at)) {
      if (problem.severity === "error") fail(problem.column, problem.message);
      else issues.warning(sheet, view.address(row, columns[problem.column]!), problem.message);
    }
  }

  let baseline: BaselineRule | undefined;
  if (start !== undefined && evaluation && defaultBaseline) {
    const parsed = parseBaseline(cell("baseline"), start, evaluation, defaultBaseline);
    if (parsed.ok) baseline = parsed.value;
    else fail("baseline", `${at("baseline")} ${parsed.message}`);
  }

  let aggregate: Aggregate = "average";
  if (filled("aggregate")) {
    const parsed = parseAggregate(text("aggregate"));
    if (parsed) aggregate = parsed;
    else
      fail(
        "aggregate",
        `${at("aggregate")} "${text("aggregate")}" is not an aggregate; use ${AGGREGATE_NAMES}`
      );
  }

  const numberOr = (
    column: TargetColumn,
    fallback: number,
    check: (n: number) => boolean,
    rule: string
  ): number => {
    if (!filled(column)) return fallback;
    const parsed = reader.number(cell(column), () => at(column));
    if (!parsed.ok) return fail(column, parsed.message) ?? fallback;
    if (!check(parsed.value))
      return fail(column, `${at(column)} is ${parsed.value}; ${rule}`) ?? fallback;
    return parsed.value;
  };
  const minPoints = numberOr(
    "minPoints",
    1,
    (n) => Number.isInteger(n) && n >= 1,
    "enter a whole number of 1 or more"
  );
  const reward = numberOr("reward", 0, (n) => n >= 0, "enter an amount of 0 or more");
  const weight = numberOr("weight", 1, (n) => n >= 0, "enter a weight of 0 or more");

  const fraction = (column: "threshold" | "cap"): number | undefined => {
    if (!filled(column)) return undefined;
    const parsed = reader.fraction(cell(column), () => at(column));
    return parsed.ok ? parsed.value : fail(column, parsed.message);
  };
  const threshold = fraction("threshold");
  const cap = fraction("cap");
  if (threshold !== undefined && cap !== undefined && threshold > cap) {
    fail(
      "cap",
      `${at("cap")} ${formatSignedPercent(cap, false)} is below Threshold ${formatSignedPercent(threshold, false)}; the cap must be at least the threshold`
    );
  }

  let payCurve: Target["payCurve"];
  if (filled("payCurve")) {
    payCurve = {
      name: text("payCurve").trim(),
      cell: { sheet, cell: view.address(row, columns.payCurve!) },
    };
    const ignored = (["threshold", "cap"] as const).filter(filled);
    if (ignored.length > 0) {
      issues.warning(
        sheet,
        view.address(row, columns[ignored[0]]!),
        `${ignored.map(at).join(" and ")} ${ignored.length > 1 ? "are" : "is"} ignored: the pay curve "${payCurve.name}" decides the payout — clear ${ignored.length > 1 ? "them" : "it"}`
      );
    }
  }

  if (
    errors.length > 0 ||
    start === undefined ||
    !evaluation ||
    !baseline ||
    targetValue === undefined
  ) {
    const message =
      errors.length > 1
        ? `${errors[0]} (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""} in this row, see KpiIssues)`
        : (errors[0] ?? "The row cannot be read");
    return { ok: false, invalid: { source, project, team, kpi, start, evaluation, message } };
  }
  return {
    ok: true,
    target: {
      source,
      kpiCell,
      targetCell,
      project,
      team,
      kpi,
      start,
      evaluation,
      baseline,
      target: targetValue,
      targetType,
      direction,
      aggregate,
      minPoints,
      reward,
      weight,
      threshold: payCurve ? undefined : threshold,
      cap: payCurve ? undefined : cap,
      payCurve,
    },
  };
}

/** A Target cell as a number: `%` targets also take percent text (`-20%`). `label` names the cell. */
export function parseTargetCell(
  value: CellValue,
  targetType: TargetType,
  label: string
): Parsed<number> {
  if (cellKind(value) === "blank")
    return {
      ok: false,
      message: `${label} is blank; enter the promised movement, e.g. -20% or 0.15`,
    };
  if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value };
  if (typeof value === "string" && targetType === "%") {
    const percent = parsePercentText(value);
    if (percent !== undefined) return { ok: true, value: percent };
  }
  return {
    ok: false,
    message: `${label} holds ${describeCell(value)}; enter a number${targetType === "%" ? " such as -0.2 or the text -20%" : ""}`,
  };
}

/** A problem with a target's own numbers, found before any observation is read (SPEC §3). */
export interface TargetProblem {
  readonly column: "target" | "direction";
  /** `error` makes the target Invalid; `warning` is evaluated but worth a look. */
  readonly severity: "error" | "warning";
  readonly message: string;
}

/**
 * The SPEC §3 rules on `t` itself: no movement, a `%` fall of 100% or more (with the `-20` for `-20%`
 * hint), more than doubling (a warning), a Direction that contradicts the sign.
 */
export function checkTarget(
  t: number,
  targetType: TargetType,
  direction: Direction | undefined,
  label: (column: "target" | "direction") => string
): TargetProblem[] {
  if (targetType === "value") return [];
  const shown = targetType === "%" ? `${t} (${formatSignedPercent(t)})` : String(t);
  const error = (column: "target" | "direction", message: string): TargetProblem => ({
    column,
    severity: "error",
    message,
  });
  if (t === 0) {
    return [
      error(
        "target",
        `${label("target")} is 0, which promises no movement at all; enter the change you expect, or use Target type value for a level to hold`
      ),
    ];
  }
  if (targetType === "%" && t <= -1) {
    const hint = t <= -2 ? `; for ${t}% write ${t / 100} or ${t}%` : "";
    return [
      error(
        "target",
        `${label("target")} ${shown} asks for a fall of 100% or more, which cannot be measured as a percent${hint}`
      ),
    ];
  }
  const problems: TargetProblem[] = [];
  if (targetType === "%" && t > 1) {
    problems.push({
      column: "target",
      severity: "warning",
      message: `${label("target")} ${shown} promises more than doubling; if you meant ${t}%, write ${t / 100} or ${t}%`,
    });
  }
  const implied: Direction = t > 0 ? "increase" : "decrease";
  if (direction && direction !== implied) {
    problems.push(
      error(
        "direction",
        `${label("direction")} says ${direction} but Target ${targetType === "%" ? formatSignedPercent(t) : t} is ${implied === "increase" ? "an increase" : "a decrease"}; change one of them`
      )
    );
  }
  return problems;
}

/** Why a negative Window cannot be a target's evaluation window; `label` names the cell. */
export function negativeWindow(label: string, text: string): string {
  return `${label} "-${text}" is negative; the evaluation window runs forward from Start — ${WINDOW_EXAMPLE}`;
}

/** `-0.2` → `−20%`, `-0.22402` → `−22.4%`; signed unless asked not to. */
export function formatSignedPercent(fraction: number, signed = true): string {
  const percent = Math.round(fraction * 1000) / 10;
  const text = `${Math.abs(percent)}%`;
  if (percent < 0) return `−${text}`;
  return signed && percent > 0 ? `+${text}` : text;
}
