import { cellKind, cellText, describeCell, type CellValue } from "./cell";
import { CellReader } from "./cell-reader";
import { nameKey } from "./header";
import { IssueLog } from "./issue";
import { SeriesBuilder, type Series } from "./series";
import type { ObservationsTable } from "./tables";

/** Every Project/KPI series of the workbook, each sorted once, looked up by name. */
export class ObservationIndex {
  private readonly byProject = new Map<string, Map<string, Series>>();
  /** Names as first written, for messages. */
  readonly projectNames = new Map<string, string>();
  private readonly kpiDisplay = new Map<string, string[]>();

  set(project: string, kpi: string, series: Series): void {
    const key = nameKey(project);
    if (!this.projectNames.has(key)) this.projectNames.set(key, project);
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

  get seriesCount(): number {
    let count = 0;
    for (const kpis of this.byProject.values()) count += kpis.size;
    return count;
  }
}

/** Collects observations by series; names are matched by their key, the first spelling is kept. */
class Collector {
  private readonly builders = new Map<
    string,
    Map<string, { project: string; kpi: string; builder: SeriesBuilder }>
  >();
  // Consecutive rows usually belong to the same series: remember the last one.
  private lastProject: unknown = undefined;
  private lastKpi: unknown = undefined;
  private lastBuilder: SeriesBuilder | undefined;

  builder(project: string, kpi: string): SeriesBuilder {
    if (project === this.lastProject && kpi === this.lastKpi && this.lastBuilder)
      return this.lastBuilder;
    const projectKey = nameKey(project);
    let kpis = this.builders.get(projectKey);
    if (!kpis) this.builders.set(projectKey, (kpis = new Map()));
    const kpiKey = nameKey(kpi);
    let entry = kpis.get(kpiKey);
    if (!entry) kpis.set(kpiKey, (entry = { project, kpi, builder: new SeriesBuilder() }));
    this.lastProject = project;
    this.lastKpi = kpi;
    this.lastBuilder = entry.builder;
    return entry.builder;
  }

  constructor(private readonly tables: readonly ObservationsTable[]) {}

  private source(ref: number): { sheet: string; cell: string } {
    const column = ref % 2 ** 14;
    const rest = (ref - column) / 2 ** 14;
    const row = rest % 2 ** 20;
    const table = this.tables[(rest - row) / 2 ** 20];
    return { sheet: table.sheet, cell: table.view.address(row, column) };
  }

  build(issues: IssueLog): ObservationIndex {
    const index = new ObservationIndex();
    for (const kpis of this.builders.values()) {
      for (const { project, kpi, builder } of kpis.values()) {
        const { series, duplicates } = builder.build();
        index.set(project, kpi, series);
        for (const [firstRef, secondRef] of duplicates) {
          const first = this.source(firstRef);
          const second = this.source(secondRef);
          issues.warning(
            second.sheet,
            second.cell,
            `Duplicate observation: ${project} / ${kpi} already has a value for this date (${first.sheet}!${first.cell}); both are kept — delete one if it was entered twice`
          );
        }
      }
    }
    return index;
  }
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
  tables.forEach((table, index) => {
    if (table.kind === "long observations") readLong(table, index, reader, issues, collector);
    else readWide(table, index, reader, issues, collector);
  });
  return collector.build(issues);
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
  issues.error(table.sheet, table.view.address(row, column), `${date.message}; the row is skipped`);
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
    `${kpi} value holds ${describeCell(value)}, not a number; it is skipped — enter a number or clear the cell`
  );
  return undefined;
}

function readLong(
  table: ObservationsTable,
  tableIndex: number,
  reader: CellReader,
  issues: IssueLog,
  collector: Collector
): void {
  const { view, columns } = table;
  const dateColumn = columns.date!;
  const valueColumn = columns.value!;
  const kpiColumn = columns.kpi!;
  const projectColumn = columns.project;
  const gridValue = view.gridColumn(valueColumn);
  for (let r = view.firstDataRow; r < view.endRow; r++) {
    const row = view.row(r);
    if (!row) continue;
    const value = row[gridValue];
    // The common case first: a number in Value, a number in Date, text names.
    const kpiCell = view.cell(r, kpiColumn);
    const projectCell = projectColumn === undefined ? table.sheet : view.cell(r, projectColumn);
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
        `${project === "" ? "Project" : "KPI"} is blank; the observation is skipped — fill in the name`
      );
      continue;
    }
    const number = readValue(table, value, r, valueColumn, kpi, issues);
    if (number === undefined) continue;
    const date = readDate(table, r, dateColumn, reader, issues);
    if (date === undefined) continue;
    collector.builder(project, kpi).add(date, number, packRef(tableIndex, r, valueColumn));
  }
}

function readWide(
  table: ObservationsTable,
  tableIndex: number,
  reader: CellReader,
  issues: IssueLog,
  collector: Collector
): void {
  const { view, columns, kpiColumns } = table;
  const dateColumn = columns.date!;
  const projectColumn = columns.project;
  for (let r = view.firstDataRow; r < view.endRow; r++) {
    const row = view.row(r);
    if (!row) continue;
    let anyValue = false;
    for (const { column } of kpiColumns) {
      if (cellKind(row[view.gridColumn(column)]) !== "blank") {
        anyValue = true;
        break;
      }
    }
    if (!anyValue) continue;
    const date = readDate(table, r, dateColumn, reader, issues);
    if (date === undefined) continue;
    let project = table.sheet;
    if (projectColumn !== undefined) {
      project = cellText(view.cell(r, projectColumn));
      if (project === "") {
        issues.error(
          table.sheet,
          view.address(r, projectColumn),
          "Project is blank; the row is skipped — fill in the name"
        );
        continue;
      }
    }
    for (const { column, kpi } of kpiColumns) {
      const number = readValue(table, row[view.gridColumn(column)], r, column, kpi, issues);
      if (number !== undefined)
        collector.builder(project, kpi).add(date, number, packRef(tableIndex, r, column));
    }
  }
}
