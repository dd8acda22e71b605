import {
  cellAddress,
  columnName,
  type CellValue,
  type RunHistory,
  type RunRecord,
  type RunTargetRecord,
} from "../engine";
import {
  bodyRows,
  cutToCellLimit,
  HISTORY_SHEET,
  historySheet,
  type HistorySheet,
  type OutputTable,
  RUN_RESULTS_LEFT,
} from "../sheet";
import { escapeXml, highlightXml, MAIN, REL, type TablePart } from "./results-sheet-xml";
import { deflateSegment, inflateSegment, type Segment, type SegmentedPart } from "./segmented-part";
import type { Styles } from "./styles-part";
import { setWorksheetCells } from "./worksheet-cells";
import type { OwnedSheet } from "./xlsx-package";

/**
 * The `KPI History` sheet (SPEC §9) as SpreadsheetML, rendered from the layout in src/sheet, written as
 * segments (segmented-part.ts) so that recording a run costs the run, not the history: KpiRunResults
 * grows by one row per target per run (240,000 rows after two years of 10,000 targets, about 140 MB of
 * XML). The first segment (`H`) holds the sheet's head and its first rows: KpiRuns with room for
 * RUN_ROOM more runs, and the results rows beside them. Each run's later results rows are a segment of
 * their own (`R3`), and the sheet's tail is the last (`T`). Recording a run re-encodes the first and
 * the last segment and adds one; every other run's compressed bytes are kept as they were.
 */

/** Runs that can be recorded after a whole write before KpiRuns outgrows the first segment. */
export const RUN_ROOM = 48;

/** Rows encoded per batch: one 140 MB string would be built, flattened and encoded again. */
const BATCH = 4096;

/** The last row (1-based) in the first segment, from its tag: `H51` holds rows 1–51. */
export function firstSegmentRows(tag: string): number | undefined {
  const match = /^H(\d+)$/.exec(tag);
  return match ? Number(match[1]) : undefined;
}

/** A table's cells, styled by its columns' formats. */
class TableCells {
  private readonly styles: number[];
  private readonly letters: string[];

  constructor(
    readonly table: OutputTable,
    readonly left: number,
    styles: Styles
  ) {
    this.styles = table.formats.map((format) => styles.cellFormat(format));
    this.letters = table.header.map((_, c) => columnName(left + c));
  }

  /** The cells of one body row (0-based `values` of the table), at 1-based sheet row `row`. */
  row(values: readonly CellValue[], row: number): string {
    let cells = "";
    for (let c = 0; c < this.letters.length; c++)
      cells += cellXml(`${this.letters[c]}${row}`, values[c], this.styles[c]);
    return cells;
  }

  /** One cell of a body row, for an edit of a row that holds other cells already. */
  cell(values: readonly CellValue[], column: number, ref: string): string {
    return cellXml(ref, values[column], this.styles[column]);
  }
}

function cellXml(ref: string, value: CellValue | undefined, style: number): string {
  if (typeof value === "number") return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  if (typeof value === "string" && value !== "")
    return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cutToCellLimit(value))}</t></is></c>`;
  // Blank cells keep their column's format, so approving a run writes only a value.
  return `<c r="${ref}" s="${style}"/>`;
}

function headerXml(table: OutputTable, left: number, row: number, textStyle: number): string {
  return table.header
    .map(
      (name, c) =>
        `<c r="${columnName(left + c)}${row}" s="${textStyle}" t="inlineStr"><is><t>${escapeXml(name)}</t></is></c>`
    )
    .join("");
}

/** A segment's bytes built a batch of rows at a time. */
class SegmentText {
  private readonly chunks: Buffer[] = [];
  private batch: string[] = [];

  add(text: string): void {
    this.batch.push(text);
    if (this.batch.length >= BATCH) this.flush();
  }

  bytes(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    this.chunks.push(Buffer.from(this.batch.join(""), "utf8"));
    this.batch = [];
  }
}

function headXml(sheet: HistorySheet, lastRow: number): string {
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join("");
  const frozen = sheet.frozenRows;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<dimension ref="A1:${columnName(sheet.columns.length - 1)}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0">` +
    `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
  );
}

/**
 * The sheet's tail: status colours over the whole Status column of KpiRunResults (so rows added later
 * are coloured without touching the rule), margins and the table parts.
 */
function tailXml(sheet: HistorySheet, styles: Styles, tableRelIds: readonly string[]): string {
  let priority = 1;
  const formats = sheet.tables.flatMap(({ table, top, left }) =>
    highlightXml(table, top + 1, 1_048_575, styles, () => priority++, left ?? 0)
  );
  return (
    `</sheetData>${formats.join("")}` +
    `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts></worksheet>`
  );
}

/** A table part's range: header row `top` (0-based), `rows` data rows (an empty table keeps one blank). */
function tableRef(left: number, width: number, top: number, rows: number): string {
  return `${columnName(left)}${top + 1}:${columnName(left + width - 1)}${top + 1 + Math.max(rows, 1)}`;
}

/** The worksheet part of a whole history (its dates already in the workbook's system) and its table parts. */
export function historySheetXml(
  sheet: HistorySheet,
  styles: Styles,
  tableNames: readonly string[],
  tableRelIds: readonly string[]
): { xml: SegmentedPart; tables: TablePart[] } {
  const [runs, results] = sheet.tables;
  const textStyle = styles.cellFormat("text");
  const runCells = new TableCells(runs.table, runs.left ?? 0, styles);
  const resultCells = new TableCells(results.table, results.left ?? 0, styles);
  const runRows = bodyRows(runs.table);
  const resultRows = bodyRows(results.table);
  // Both tables are headed on the same row (history-sheet.ts).
  const header = runs.top + 1;
  const lastRow = header + Math.max(runRows.length, resultRows.length);
  const firstRows = header + runRows.length + RUN_ROOM;
  const segments: Segment[] = [];
  let text = new SegmentText();
  text.add(headXml(sheet, lastRow));
  text.add(
    `<row r="${header}">${headerXml(runs.table, runs.left ?? 0, header, textStyle)}${headerXml(results.table, results.left ?? 0, header, textStyle)}</row>`
  );
  let tag = `H${firstRows}`;
  for (let row = header + 1; row <= lastRow; row++) {
    const i = row - header - 1;
    const result = resultRows[i];
    if (row > firstRows) {
      // Past the first segment: one segment per run of consecutive rows of one run.
      const runTag = `R${typeof result[0] === "number" ? result[0] : ""}`;
      if (tag !== runTag) {
        segments.push(deflateSegment(tag, text.bytes()));
        text = new SegmentText();
        tag = runTag;
      }
    }
    const cells =
      (i < runRows.length ? runCells.row(runRows[i], row) : "") +
      (result ? resultCells.row(result, row) : "");
    text.add(`<row r="${row}">${cells}</row>`);
  }
  segments.push(deflateSegment(tag, text.bytes()));
  segments.push(deflateSegment("T", Buffer.from(tailXml(sheet, styles, tableRelIds)), true));
  return {
    xml: { segments },
    tables: [
      {
        name: tableNames[0],
        ref: tableRef(runs.left ?? 0, runs.table.header.length, runs.top, runs.table.rows.length),
        columns: runs.table.header,
      },
      {
        name: tableNames[1],
        ref: tableRef(
          results.left ?? 0,
          results.table.header.length,
          results.top,
          results.table.rows.length
        ),
        columns: results.table.header,
      },
    ],
  };
}

/** The `KPI History` sheet holding `history` (earlier runs as read, the new run appended), written whole. */
export function historySheetPart(history: RunHistory): OwnedSheet {
  return {
    name: HISTORY_SHEET,
    tableNames: historySheet({ runs: [], results: [] }).tables.map(({ table }) => table.name),
    render: (styles, date1904, tableNames, relIds) =>
      historySheetXml(historySheet(history, date1904), styles, tableNames, relIds),
  };
}

/** A history sheet as this module wrote it: its segments and how many rows each table holds. */
export interface StoredHistorySheet {
  readonly segments: readonly Segment[];
  /** Data rows of KpiRuns and of KpiRunResults. */
  readonly runs: number;
  readonly results: number;
}

/** Whether the next run's KpiRuns row still falls in the first segment; else the sheet is written whole. */
export function canAppend(stored: StoredHistorySheet): boolean {
  const first = firstSegmentRows(stored.segments[0]?.tag ?? "");
  const last = stored.segments[stored.segments.length - 1]?.tag;
  return first !== undefined && last === "T" && 1 + stored.runs + 1 <= first;
}

/**
 * The stored sheet with one run recorded: its KpiRuns row and its results rows that fall in the first
 * segment are set there (setWorksheetCells: every other byte stays), the rest of its rows are a new
 * segment, and the tail is written again with the table parts' ids; the runs between keep their bytes.
 */
export function appendedHistoryXml(
  stored: StoredHistorySheet,
  record: RunRecord,
  records: readonly RunTargetRecord[],
  styles: Styles,
  date1904: boolean,
  tableNames: readonly string[],
  tableRelIds: readonly string[]
): { xml: SegmentedPart; tables: TablePart[] } {
  const first = stored.segments[0];
  const firstRows = firstSegmentRows(first.tag)!;
  const laid = historySheet({ runs: [record], results: [...records] }, date1904);
  const [runs, results] = laid.tables;
  const runCells = new TableCells(runs.table, 0, styles);
  const resultCells = new TableCells(results.table, RUN_RESULTS_LEFT, styles);
  const runRow = 1 + stored.runs + 1;
  const firstResultRow = 1 + stored.results + 1;
  const lastRow = Math.max(1 + stored.runs + 1, 1 + stored.results + records.length);
  const edits: Parameters<typeof setWorksheetCells>[1][number][] = [];
  const runValues = runs.table.rows[0];
  runValues.forEach((_, c) =>
    edits.push({ row: runRow, column: c, cell: (ref) => runCells.cell(runValues, c, ref) })
  );
  const later = new SegmentText();
  results.table.rows.forEach((values, i) => {
    const row = firstResultRow + i;
    if (row > firstRows) later.add(`<row r="${row}">${resultCells.row(values, row)}</row>`);
    else
      values.forEach((_, c) =>
        edits.push({
          row,
          column: RUN_RESULTS_LEFT + c,
          cell: (ref) => resultCells.cell(values, c, ref),
        })
      );
  });
  const close = "</sheetData>";
  const edited = setWorksheetCells(`${inflateSegment(first).toString("utf8")}${close}`, edits)
    .slice(0, -close.length)
    .replace(
      /(<dimension ref=")[^"]*(")/,
      `$1A1:${cellAddress(lastRow - 1, laid.columns.length - 1)}$2`
    );
  const middle = stored.segments.slice(1, -1);
  const added = later.bytes();
  const segments = [
    deflateSegment(first.tag, Buffer.from(edited, "utf8")),
    ...middle,
    ...(added.length > 0 ? [deflateSegment(`R${record.run}`, added)] : []),
    deflateSegment("T", Buffer.from(tailXml(laid, styles, tableRelIds)), true),
  ];
  return {
    xml: { segments },
    tables: [
      {
        name: tableNames[0],
        ref: tableRef(0, runs.table.header.length, 0, stored.runs + 1),
        columns: runs.table.header,
      },
      {
        name: tableNames[1],
        ref: tableRef(
          RUN_RESULTS_LEFT,
          results.table.header.length,
          0,
          stored.results + records.length
        ),
        columns: results.table.header,
      },
    ],
  };
}

/** The stored `KPI History` sheet with one run appended, kept segment by segment. */
export function appendedHistoryPart(
  stored: StoredHistorySheet,
  record: RunRecord,
  records: readonly RunTargetRecord[]
): OwnedSheet {
  return {
    name: HISTORY_SHEET,
    tableNames: historySheet({ runs: [], results: [] }).tables.map(({ table }) => table.name),
    render: (styles, date1904, tableNames, relIds) =>
      appendedHistoryXml(stored, record, records, styles, date1904, tableNames, relIds),
  };
}
