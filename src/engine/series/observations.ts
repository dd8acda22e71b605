import { cellKind, cellText, describeCell, type CellValue } from "../grid/cell";
import { CellReader } from "../grid/cell-reader";
import { nameKey } from "../grid/header";
import { IssueLog } from "../grid/issue";
import { keepShape } from "../grid/kept-shapes";
import { Series, SortScratch, sortIndicesByDay, type Days } from "./series";
import type { ObservationsTable } from "../grid/tables";
import {
  UNNAMED_WIDE_ROW,
  duplicateObservation,
  skippedDate,
  skippedValue,
  unnamedObservation,
} from "../messages";

/** Every Project/KPI series of the workbook, each sorted once, looked up by name. */
export class ObservationIndex {
  /** Non-blank data rows of each observation table, counted while reading. */
  readonly rows = new Map<ObservationsTable, number>();

  private readonly byProject = new Map<string, Map<string, Series>>();
  private readonly kpiDisplay = new Map<string, string[]>();

  set(project: string, kpi: string, series: Series): void {
    const key = nameKey(project);
    let kpis = this.byProject.get(key);
    if (!kpis) this.byProject.set(key, (kpis = new Map()));
    kpis.set(nameKey(kpi), series);
    const names = this.kpiDisplay.get(key);
    if (names) names.push(kpi);
    else this.kpiDisplay.set(key, [kpi]);
  }

  /** The KPI names a project has, as first written. */
  kpiNames(project: string): string[] {
    return this.kpiDisplay.get(nameKey(project)) ?? [];
  }

  get(project: string, kpi: string): Series | undefined {
    return this.byProject.get(nameKey(project))?.get(nameKey(kpi));
  }

  hasProject(project: string): boolean {
    return this.byProject.has(nameKey(project));
  }
}

/**
 * Reads observations with no object or array per observation. One pass over the grid checks every
 * cell, reports the bad ones, and notes each observation's series, day and value in typed arrays
 * (`Observed`); the grid's row arrays, scattered over the heap, are read once. `build` then lists each
 * series' observations by their place in those arrays, sorts each list by day, and copies days and
 * values into one set of arrays in that order. Each Series is a view on those arrays.
 */
class Collector {
  private readonly ids = new Map<string, Map<string, number>>();
  // Names as written get small numbers, one map for projects and one for KPIs (both stay in cache),
  // and a table per project maps KPI numbers to series: no allocation, few hash lookups per row.
  private readonly projectIds = new Map<string, number>();
  private readonly kpiIds = new Map<string, number>();
  private readonly table: number[][] = [];
  private readonly names: { project: string; kpi: string }[] = [];
  private counts = new Int32Array(64);

  /** The series a Project/KPI pair goes to; -1 when either name is blank. */
  series(project: string, kpi: string): number {
    let p = this.projectIds.get(project);
    if (p === undefined) {
      this.projectIds.set(project, (p = this.projectIds.size));
      this.table.push([]);
    }
    let k = this.kpiIds.get(kpi);
    if (k === undefined) this.kpiIds.set(kpi, (k = this.kpiIds.size));
    const row = this.table[p];
    let id = row[k];
    if (id === undefined) {
      id = project.trim() === "" || kpi.trim() === "" ? -1 : this.byKey(project.trim(), kpi.trim());
      row[k] = id;
    }
    return id;
  }

  private byKey(project: string, kpi: string): number {
    const projectKey = nameKey(project);
    let kpis = this.ids.get(projectKey);
    if (!kpis) this.ids.set(projectKey, (kpis = new Map()));
    const kpiKey = nameKey(kpi);
    let id = kpis.get(kpiKey);
    if (id === undefined) {
      id = this.names.length;
      this.names.push({ project, kpi });
      kpis.set(kpiKey, id);
      if (id >= this.counts.length) {
        const grown = new Int32Array(this.counts.length * 2);
        grown.set(this.counts);
        this.counts = grown;
      }
    }
    return id;
  }

  /** Counts one observation of a series (first pass). */
  count(series: number): void {
    this.counts[series]++;
  }

  /** Every series sorted by day, as views on one set of arrays; duplicates reported. */
  build(observed: Observed, plans: readonly TablePlan[], issues: IssueLog): ObservationIndex {
    const count = this.names.length;
    const start = new Int32Array(count + 1);
    for (let s = 0; s < count; s++) start[s + 1] = start[s] + this.counts[s];
    const n = start[count];
    // Each series' places in reading order (a stable counting sort by series), then by day.
    const next = start.slice(0, count);
    const order = new Int32Array(n);
    const { slots } = observed;
    for (let k = 0; k < slots.length; k++) {
      const series = slots[k];
      if (series >= 0) order[next[series]++] = k;
    }
    // Each buffer of `Observed` serves twice, so a million observations touch 24 MB of new memory, not
    // 40 (fresh pages are what costs most here): the series are read from `slots`, whose room then takes
    // the days in order (whole days, as most data has; a time of day needs room of its own); the days as
    // read, once sorted, make room for the values in order; the values as read, once copied, for the
    // prefix sums.
    const days: Days = wholeDays(observed.days)
      ? new Int32Array(slots.buffer, 0, n)
      : new Float64Array(n);
    const scratch = new SortScratch();
    for (let s = 0; s < count; s++)
      sortIndicesByDay(order, start[s], start[s + 1], observed.days, days, scratch);
    const values = new Float64Array(observed.days.buffer, 0, n);
    for (let i = 0; i < n; i++) values[i] = observed.values[order[i]];
    const prefixes = observed.values;
    const index = new ObservationIndex();
    for (let s = 0; s < count; s++) {
      const [from, to] = [start[s], start[s + 1]];
      const { project, kpi } = this.names[s];
      index.set(project, kpi, new Series(days, values, prefixes, from, to));
      for (let i = from + 1; i < to; i++) {
        if (days[i] !== days[i - 1]) continue;
        const first = source(plans, order[i - 1]);
        const second = source(plans, order[i]);
        issues.warning(
          second.sheet,
          second.cell,
          duplicateObservation(project, kpi, `${first.sheet}!${first.cell}`)
        );
      }
    }
    return index;
  }
}

/**
 * Every observation as read, in reading order: per data row and value column of each table (its
 * plan's `base` onward), the series (-1 when the cell is skipped), the day and the value.
 */
interface Observed {
  readonly slots: Int32Array;
  readonly days: Float64Array;
  readonly values: Float64Array;
}

/** Where one table's observations stand in `Observed`. */
interface TablePlan {
  readonly table: ObservationsTable;
  /** Grid columns holding values: the Value column, or each KPI column of a wide table. */
  readonly columns: readonly number[];
  /** The table's first place in `Observed`; it has `width` places per data row. */
  readonly base: number;
  readonly width: number;
  /** Non-blank data rows. */
  rows: number;
}

/** The Value cell of the observation at a place in `Observed`, for an issue to name. */
function source(plans: readonly TablePlan[], place: number): { sheet: string; cell: string } {
  let p = plans.length - 1;
  while (plans[p].base > place) p--;
  const { table, base, width, columns } = plans[p];
  const row = table.view.firstDataRow + Math.floor((place - base) / width);
  const column = columns[(place - base) % width] - table.view.gridColumn(0);
  return { sheet: table.sheet, cell: table.view.address(row, column) };
}

/** Reads every observation table into sorted series, reporting bad cells as issues. */
export function readObservations(
  tables: readonly ObservationsTable[],
  reader: CellReader,
  issues: IssueLog
): ObservationIndex {
  const collector = new Collector();
  // Each table's places: a data row's worth of value columns per row.
  const sizes = tables.map((table) => dataRows(table) * valueColumns(table));
  const places = sizes.reduce((sum, size) => sum + size, 0);
  const observed: Observed = {
    slots: new Int32Array(places).fill(-1),
    days: new Float64Array(places),
    values: new Float64Array(places),
  };
  let base = 0;
  const plans = tables.map((table, t) => {
    const plan =
      table.kind === "long observations"
        ? planLong(table, base, observed, reader, issues, collector)
        : planWide(table, base, observed, reader, issues, collector);
    base += sizes[t];
    return plan;
  });
  const built = collector.build(observed, plans, issues);
  for (const plan of plans) built.rows.set(plan.table, plan.rows);
  return built;
}

/** Whether every day is a whole day within 32 bits (places without an observation hold 0). */
function wholeDays(days: Float64Array): boolean {
  for (let i = 0; i < days.length; i++) if ((days[i] | 0) !== days[i]) return false;
  return true;
}

function dataRows(table: ObservationsTable): number {
  return Math.max(0, table.view.endRow - table.view.firstDataRow);
}

function valueColumns(table: ObservationsTable): number {
  return table.kind === "long observations" ? 1 : table.kpiColumns.length;
}

function readDate(
  table: ObservationsTable,
  row: number,
  column: number,
  reader: CellReader,
  issues: IssueLog
): number | undefined {
  const value = table.view.cell(row, column);
  const date = reader.date(value, "Date");
  if (date.ok) return date.value;
  issues.error(table.sheet, table.view.address(row, column), skippedDate(date.message));
  return undefined;
}

/** A value cell: the number, undefined when blank (skipped silently) or wrong (reported). */
function readValue(
  table: ObservationsTable,
  value: CellValue,
  row: number,
  column: number,
  kpi: string,
  issues: IssueLog
): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const kind = cellKind(value);
  if (kind === "blank") return undefined;
  issues.error(
    table.sheet,
    table.view.address(row, column),
    skippedValue(kpi, describeCell(value))
  );
  return undefined;
}

function planLong(
  table: ObservationsTable,
  base: number,
  { slots, days, values }: Observed,
  reader: CellReader,
  issues: IssueLog,
  collector: Collector
): TablePlan {
  const { view, columns } = table;
  const dateColumn = columns.date!;
  const valueColumn = columns.value!;
  const kpiColumn = columns.kpi!;
  const projectColumn = columns.project;
  const gridValue = view.gridColumn(valueColumn);
  const gridDate = view.gridColumn(dateColumn);
  const gridKpi = view.gridColumn(kpiColumn);
  const gridProject = projectColumn === undefined ? -1 : view.gridColumn(projectColumn);
  // Row r's place in `Observed` is r + shift.
  const shift = base - view.firstDataRow;
  const offset = reader.dateOffset;
  let rows = 0;
  for (let r = view.firstDataRow; r < view.endRow; r++) {
    const row = view.row(r);
    if (!row) continue;
    const value = row[gridValue];
    const kpiCell = row[gridKpi];
    const projectCell = gridProject < 0 ? table.sheet : row[gridProject];
    const date = row[gridDate];
    // The common case first, without a look at each cell's kind: numbers in Date and Value, names as text.
    if (
      typeof value === "number" &&
      typeof date === "number" &&
      typeof kpiCell === "string" &&
      typeof projectCell === "string" &&
      Number.isFinite(value) &&
      Number.isFinite(date)
    ) {
      const series = collector.series(projectCell, kpiCell);
      if (series >= 0) {
        slots[r + shift] = series;
        days[r + shift] = date + offset;
        values[r + shift] = value;
        collector.count(series);
        rows++;
        continue;
      }
    }
    if (!view.isBlankRow(r)) rows++;
    if (cellKind(value) === "blank") continue;
    const kpi =
      cellKind(kpiCell) === "text" || typeof kpiCell === "number" ? cellText(kpiCell) : "";
    const project =
      cellKind(projectCell) === "text" || typeof projectCell === "number"
        ? cellText(projectCell)
        : "";
    if (project === "" || kpi === "") {
      const column = project === "" ? projectColumn! : kpiColumn;
      issues.error(
        table.sheet,
        view.address(r, column),
        unnamedObservation(project === "" ? "Project" : "KPI")
      );
      continue;
    }
    const number = readValue(table, value, r, valueColumn, kpi, issues);
    if (number === undefined) continue;
    const day = readDate(table, r, dateColumn, reader, issues);
    if (day === undefined) continue;
    const series = collector.series(project, kpi);
    slots[r + shift] = series;
    days[r + shift] = day;
    values[r + shift] = number;
    collector.count(series);
  }
  return { table, columns: [gridValue], base, width: 1, rows };
}

function planWide(
  table: ObservationsTable,
  base: number,
  { slots, days, values }: Observed,
  reader: CellReader,
  issues: IssueLog,
  collector: Collector
): TablePlan {
  const { view, columns, kpiColumns } = table;
  const dateColumn = columns.date!;
  const projectColumn = columns.project;
  const width = kpiColumns.length;
  const gridColumns = kpiColumns.map(({ column }) => view.gridColumn(column));
  let rows = 0;
  for (let r = view.firstDataRow; r < view.endRow; r++) {
    const row = view.row(r);
    if (!row) continue;
    let anyValue = false;
    for (const column of gridColumns) {
      if (cellKind(row[column]) !== "blank") {
        anyValue = true;
        break;
      }
    }
    if (!view.isBlankRow(r)) rows++;
    if (!anyValue) continue;
    const date = readDate(table, r, dateColumn, reader, issues);
    if (date === undefined) continue;
    let project = table.sheet;
    if (projectColumn !== undefined) {
      project = cellText(view.cell(r, projectColumn));
      if (project === "") {
        issues.error(table.sheet, view.address(r, projectColumn), UNNAMED_WIDE_ROW);
        continue;
      }
    }
    kpiColumns.forEach(({ column, kpi }, c) => {
      const number = readValue(table, row[gridColumns[c]], r, column, kpi, issues);
      if (number === undefined) return;
      const series = collector.series(project, kpi);
      collector.count(series);
      const place = base + (r - view.firstDataRow) * width + c;
      slots[place] = series;
      days[place] = date;
      values[place] = number;
    });
  }
  return { table, columns: gridColumns, base, width, rows };
}

keepShape(new ObservationIndex());
keepShape(new Collector());
