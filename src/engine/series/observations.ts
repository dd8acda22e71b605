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
 * Reads observations in two passes, with no object or array per observation. The first pass checks
 * every cell, reports the bad ones, and notes each observation's series (a typed array per table); the
 * second, knowing every series' size, writes each observation straight into its series' place in one
 * set of typed arrays. Each Series is then a view on those arrays, sorted by date once.
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
  /** Observations the first pass had to parse (ISO text dates): their day and value, by -2 - slot. */
  readonly parsedDays: number[] = [];
  readonly parsedValues: number[] = [];

  constructor(private readonly tables: readonly ObservationsTable[]) {}

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

  /** Slot for an observation whose day and value were parsed, not read straight from the grid. */
  parsed(series: number, day: number, value: number): number {
    this.count(series);
    this.parsedDays.push(day);
    this.parsedValues.push(value);
    return -2 - (this.parsedDays.length - 1);
  }

  private source(ref: number): { sheet: string; cell: string } {
    const column = ref % 2 ** 14;
    const rest = (ref - column) / 2 ** 14;
    const row = rest % 2 ** 20;
    const table = this.tables[(rest - row) / 2 ** 20];
    return { sheet: table.sheet, cell: table.view.address(row, column) };
  }

  /** Second pass: every observation into its series' place, in reading order; then sort and index. */
  build(plans: readonly TablePlan[], offset: number, issues: IssueLog): ObservationIndex {
    const count = this.names.length;
    const start = new Int32Array(count + 1);
    for (let s = 0; s < count; s++) start[s + 1] = start[s] + this.counts[s];
    const n = start[count];
    const next = start.slice(0, count);
    const days = new Float64Array(n);
    const values = new Float64Array(n);
    const refs = new Float64Array(n);
    plans.forEach((plan, tableIndex) => {
      const { view } = plan.table;
      const width = plan.columns.length;
      for (let r = view.firstDataRow, k = 0; r < view.endRow; r++) {
        const row = view.row(r);
        for (let c = 0; c < width; c++, k++) {
          const slot = plan.slots[k];
          if (slot === -1) continue;
          let series: number;
          let day: number;
          let value: number;
          if (slot >= 0) {
            series = slot;
            day = plan.days
              ? plan.days[r - view.firstDataRow]
              : (row![plan.dateColumn] as number) + offset;
            value = row![plan.columns[c]] as number;
          } else {
            const p = -2 - slot;
            series = plan.parsedSeries.get(p)!;
            day = this.parsedDays[p];
            value = this.parsedValues[p];
          }
          const at = next[series]++;
          days[at] = day;
          values[at] = value;
          refs[at] = packRef(tableIndex, r, plan.columns[c] - view.gridColumn(0));
        }
      }
    });
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
        const first = this.source(firstRef);
        const second = this.source(secondRef);
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
  /** Grid column of the dates (long tables, read again in the second pass). */
  readonly dateColumn: number;
  /** Wide tables: each data row's day, parsed once. */
  readonly days?: Float64Array;
  /** Per data row and value column: the series (>= 0), skipped (-1), or a parsed observation (<= -2). */
  readonly slots: Int32Array;
  readonly parsedSeries: Map<number, number>;
  /** Non-blank data rows. */
  rows: number;
}

/** Packs a table, row and column into one number so a million observations carry no objects. */
function packRef(table: number, row: number, column: number): number {
  return (table * 2 ** 20 + row) * 2 ** 14 + column;
}

/** Reads every observation table into sorted series, reporting bad cells as issues. */
export function readObservations(
  tables: readonly ObservationsTable[],
  reader: CellReader,
  issues: IssueLog
): ObservationIndex {
  const collector = new Collector(tables);
  const plans = tables.map((table) =>
    table.kind === "long observations"
      ? planLong(table, reader, issues, collector)
      : planWide(table, reader, issues, collector)
  );
  const built = collector.build(plans, reader.dateOffset, issues);
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
  const slots = new Int32Array(Math.max(0, view.endRow - view.firstDataRow)).fill(-1);
  const plan: TablePlan = {
    table,
    columns: [gridValue],
    dateColumn: gridDate,
    slots,
    parsedSeries: new Map(),
    rows: 0,
  };
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
        slots[r - view.firstDataRow] = series;
        collector.count(series);
        plan.rows++;
        continue;
      }
    }
    if (!view.isBlankRow(r)) plan.rows++;
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
    const slot = collector.parsed(series, day, number);
    slots[r - view.firstDataRow] = slot;
    plan.parsedSeries.set(-2 - slot, series);
  }
  return plan;
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
  const rowCount = Math.max(0, view.endRow - view.firstDataRow);
  const width = kpiColumns.length;
  const gridColumns = kpiColumns.map(({ column }) => view.gridColumn(column));
  const slots = new Int32Array(rowCount * width).fill(-1);
  const days = new Float64Array(rowCount);
  const plan: TablePlan = {
    table,
    columns: gridColumns,
    dateColumn: view.gridColumn(dateColumn),
    days,
    slots,
    parsedSeries: new Map(),
    rows: 0,
  };
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
    if (!view.isBlankRow(r)) plan.rows++;
    if (!anyValue) continue;
    const date = readDate(table, r, dateColumn, reader, issues);
    if (date === undefined) continue;
    days[r - view.firstDataRow] = date;
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
      slots[(r - view.firstDataRow) * width + c] = series;
    });
  }
  return plan;
}
