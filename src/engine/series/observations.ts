import { cellKind, cellText, describeCell, type CellValue } from "../grid/cell";
import { CellReader } from "../grid/cell-reader";
import { nameKey } from "../grid/header";
import { IssueLog } from "../grid/issue";
import { Series, SortScratch, sortByDate } from "./series";
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
 * cell, reports the bad ones, and notes each observation's series, day and value in typed arrays per
 * table; knowing every series' size, `build` then writes each observation straight into its series'
 * place in one set of typed arrays, reading only those arrays (the grid's row arrays, scattered over
 * the heap, are read once). Each Series is then a view on those arrays, sorted by date once.
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

  /** Second pass, over the plans' typed arrays only: every observation into its series' place. */
  build(plans: readonly TablePlan[], issues: IssueLog): ObservationIndex {
    const count = this.names.length;
    const start = new Int32Array(count + 1);
    for (let s = 0; s < count; s++) start[s + 1] = start[s] + this.counts[s];
    const n = start[count];
    const next = start.slice(0, count);
    const days = new Float64Array(n);
    const values = new Float64Array(n);
    // Each observation's place in reading order (its plan's slot, counted across plans): only the
    // few an issue names are turned back into cells.
    const refs = new Float64Array(n);
    let ordinal = 0;
    for (const plan of plans) {
      const { slots, width } = plan;
      const planDays = plan.days;
      const planValues = plan.values;
      for (let k = 0; k < slots.length; k++) {
        const series = slots[k];
        if (series < 0) continue;
        const at = next[series]++;
        days[at] = planDays[width === 1 ? k : Math.floor(k / width)];
        values[at] = planValues[k];
        refs[at] = ordinal + k;
      }
      ordinal += slots.length;
    }
    const index = new ObservationIndex();
    const scratch = new SortScratch();
    // One buffer holds every series' prefix sums (n + 1 each).
    const prefixes = new Float64Array(n + count);
    for (let s = 0; s < count; s++) {
      const [from, to] = [start[s], start[s + 1]];
      const seriesDays = days.subarray(from, to);
      const seriesValues = values.subarray(from, to);
      const duplicates = sortByDate(seriesDays, seriesValues, refs.subarray(from, to), scratch);
      const { project, kpi } = this.names[s];
      index.set(
        project,
        kpi,
        new Series(seriesDays, seriesValues, prefixes.subarray(from + s, to + s + 1))
      );
      for (const [firstRef, secondRef] of duplicates) {
        const first = source(plans, firstRef);
        const second = source(plans, secondRef);
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

/** What the first pass learnt of one table, for the second. */
interface TablePlan {
  readonly table: ObservationsTable;
  /** Grid columns holding values: the Value column, or each KPI column of a wide table. */
  readonly columns: readonly number[];
  /** Slots per data row: 1 for a long table, one per KPI column of a wide table. */
  readonly width: number;
  /** Per data row and value column: the series, or -1 when the cell is skipped. */
  readonly slots: Int32Array;
  /** Each slot's value, as read. */
  readonly values: Float64Array;
  /** Each data row's day, as read. */
  readonly days: Float64Array;
  /** Non-blank data rows. */
  rows: number;
}

/** The Value cell of the observation at a place in reading order, for an issue to name. */
function source(plans: readonly TablePlan[], ref: number): { sheet: string; cell: string } {
  let k = ref;
  let p = 0;
  while (k >= plans[p].slots.length) k -= plans[p++].slots.length;
  const { table, width, columns } = plans[p];
  const row = table.view.firstDataRow + Math.floor(k / width);
  return {
    sheet: table.sheet,
    cell: table.view.address(row, columns[k % width] - table.view.gridColumn(0)),
  };
}

/** Reads every observation table into sorted series, reporting bad cells as issues. */
export function readObservations(
  tables: readonly ObservationsTable[],
  reader: CellReader,
  issues: IssueLog
): ObservationIndex {
  const collector = new Collector();
  const plans = tables.map((table) =>
    table.kind === "long observations"
      ? planLong(table, reader, issues, collector)
      : planWide(table, reader, issues, collector)
  );
  const built = collector.build(plans, issues);
  for (const plan of plans) built.rows.set(plan.table, plan.rows);
  return built;
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
  const first = view.firstDataRow;
  const rowCount = Math.max(0, view.endRow - first);
  const slots = new Int32Array(rowCount).fill(-1);
  const days = new Float64Array(rowCount);
  const values = new Float64Array(rowCount);
  const offset = reader.dateOffset;
  let rows = 0;
  for (let r = first; r < view.endRow; r++) {
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
        slots[r - first] = series;
        days[r - first] = date + offset;
        values[r - first] = value;
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
    slots[r - first] = series;
    days[r - first] = day;
    values[r - first] = number;
    collector.count(series);
  }
  return { table, columns: [gridValue], width: 1, slots, values, days, rows };
}

function planWide(
  table: ObservationsTable,
  reader: CellReader,
  issues: IssueLog,
  collector: Collector
): TablePlan {
  const { view, columns, kpiColumns } = table;
  const dateColumn = columns.date!;
  const projectColumn = columns.project;
  const first = view.firstDataRow;
  const rowCount = Math.max(0, view.endRow - first);
  const width = kpiColumns.length;
  const gridColumns = kpiColumns.map(({ column }) => view.gridColumn(column));
  const slots = new Int32Array(rowCount * width).fill(-1);
  const values = new Float64Array(rowCount * width);
  const days = new Float64Array(rowCount);
  let rows = 0;
  for (let r = first; r < view.endRow; r++) {
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
    days[r - first] = date;
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
      slots[(r - first) * width + c] = series;
      values[(r - first) * width + c] = number;
    });
  }
  return { table, columns: gridColumns, width, slots, values, days, rows };
}
