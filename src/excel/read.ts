import {
  type CellValue,
  comparedRuns,
  isHeaderRow,
  NO_HISTORY,
  readRunHistory,
  runRecords,
  RUN_RESULTS_HEADER,
  RUNS_HEADER,
  runTargetRows,
  type RunHistory,
  type RunRecord,
  type SheetGrid,
  type TableArea,
  type WorkbookGrid,
} from "../engine";
import { HISTORY_SHEET, isOwnedSheet, OWNER_NAME, RESULTS_SHEET, sameSheetName } from "../sheet";
import { probeDateSystem } from "./date-system";
import { READ_CANCELLED, readingRows } from "./messages";
import { CHECKED_NAME, isWorkingNameOf, WORKING_NAME } from "./swap";
import {
  type HistoryPlace,
  recordedResultRows,
  recordedRunRows,
  runBlocks,
  runSpans,
  todaysTables,
  type HistoryTable,
} from "./history-place";

/**
 * Excel on the web fails a sync whose response passes 5 MB and a range read of more than 5 million
 * cells ("Resource limits and performance optimization for Office Add-ins"). Each sync of the read is
 * planned to return about 4 MiB of values, which leaves room for an estimate that runs a little short.
 */
export const READ_RESPONSE_BYTES = 4 * 1024 * 1024;
export const READ_CELLS = 5_000_000;
/** Each range costs a few hundred request bytes; this keeps a sync's request far below 5 MB. */
const RANGES_PER_SYNC = 500;
/**
 * The second sync also reads each sheet's first rows (at most this many cells in all, 64 columns wide):
 * they give the bytes per row the chunks are sized from, and a small sheet is then already read.
 */
const SAMPLE_CELLS = 200_000;
const SAMPLE_COLUMNS = 64;
/** Bytes per cell assumed for a sheet whose first rows tell nothing (its data starts far down or right). */
const DEFAULT_CELL_BYTES = 16;
/** A KpiRunResults Run cell as JSON, `[25],`: a run number of a few digits and its brackets. */
const RUN_CELL_BYTES = 8;
/** Appending a run needs Table.resize (ExcelApi 1.13); an older host has the history rewritten whole. */
const APPEND_API = "1.13";

/** Sheets the add-in writes: never input. Excel compares sheet names without case. */
const OUTPUT_SHEETS = new Set([RESULTS_SHEET, HISTORY_SHEET].map((name) => name.toLowerCase()));

/** Which rows the next sync reads, counted over every input sheet's used range in sheet order. */
export interface ReadProgress {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalRows: number;
}

export function readProgressText(progress: ReadProgress): string {
  return readingRows(progress.firstRow, progress.lastRow, progress.totalRows);
}

export interface ReadOptions {
  /** Told before each sync that reads values. */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Checked between syncs: once aborted, the read stops with a ReadCancelledError. */
  readonly signal?: AbortSignal;
  /**
   * Also read the runs recorded on `KPI History` (an evaluation that writes compares with them and
   * appends to them). Only a sheet KPI Rewards wrote is read; its rows join the chunked reads.
   */
  readonly history?: boolean;
  /**
   * The as-of date the run will be evaluated at: only the results it compares with are read (with none,
   * those of both runs it might compare with).
   */
  readonly asOf?: number;
}

/** The input sheets, and the run history when it was asked for (empty when none is ours). */
export interface WorkbookRead extends WorkbookGrid {
  readonly history?: RunHistory;
  /** The runs were read from a sheet a stopped swap left unfinished: the next write puts them in place. */
  readonly historyStrayed?: boolean;
  /**
   * The history was read in part (every run, only the compared runs' results): a new run must be
   * appended here, never written as the whole history. Absent when the sheet was read whole.
   */
  readonly historyPlace?: HistoryPlace;
}

export class ReadCancelledError extends Error {
  constructor() {
    super(READ_CANCELLED);
  }
}

/** One sheet's used range, read in row chunks. */
interface SheetRead {
  readonly name: string;
  readonly proxy: Excel.Worksheet;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
  /** Rows before this sheet's, over all input sheets: where its rows fall in the progress count. */
  readonly offset: number;
  /** The history's rows are not in the count of input rows the progress shows. */
  readonly counted: boolean;
  /** Rows of the used range read so far, in order. */
  readonly values: CellValue[][];
  bytes: number;
  bytesPerRow: number;
}

interface Chunk {
  readonly sheet: SheetRead;
  readonly first: number;
  readonly rows: number;
  range?: Excel.Range;
}

/** A table's area as the engine recognises it, from its loaded range. */
function areaOf({ table, range }: { table: Excel.Table; range: Excel.Range }): Required<TableArea> {
  return {
    name: table.name,
    top: range.rowIndex,
    left: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
    // The range holds the header and totals rows when shown: the engine reads neither as data.
    hasHeaderRow: table.showHeaders,
    totalsRowCount: table.showTotals ? 1 : 0,
  };
}

/**
 * Reads every input sheet's used range and its Excel tables within the platform's limits: one sync for
 * the sheet and table names, one for the used ranges, the tables' geometry and the sheets' first rows,
 * then a sync per chunk of about 4 MiB of values. Only `values` and table metadata are loaded.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name,items/showHeaders,items/showTotals");
  const dateSystem = probeDateSystem(context);
  await context.sync();

  const inputs = worksheets.items.filter((sheet) => !OUTPUT_SHEETS.has(sheet.name.toLowerCase()));
  const history = options.history ? historySheet(context, worksheets.items) : undefined;
  const tableRanges = tables.items.map((table) => {
    const range = table.getRange();
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    const worksheet = table.worksheet;
    worksheet.load("name");
    return { table, range, worksheet };
  });
  const candidates = history?.candidates ?? [];
  const read = await usedRanges(context, [...inputs, ...candidates], candidates, options);
  const historyProxy = history?.ours();
  const historyUsed = read.find((sheet) => sheet.proxy === historyProxy);
  const sheets = read.filter((sheet) => sheet.counted);
  const totalRows = sheets.reduce((sum, sheet) => sum + sheet.rows, 0);

  // Today's layout on the final sheet is read in part; anything else (a stopped swap's checked sheet,
  // whose tables still carry their working names, an older layout, an older host) is read whole.
  const tablesOf = (sheet: string) =>
    tableRanges.filter(({ worksheet }) => sameSheetName(worksheet.name, sheet)).map(areaOf);
  const layout =
    historyUsed &&
    !history!.unfinished() &&
    Office.context.requirements.isSetSupported("ExcelApi", APPEND_API)
      ? todaysTables(tablesOf(historyUsed.name))
      : undefined;
  const partial =
    historyUsed &&
    layout &&
    new HistoryInPart(historyUsed, layout, options.asOf, dateSystem.date1904());
  const wholeHistory = historyUsed && !partial ? [historyUsed] : [];
  await readAll(
    context,
    [...sheets, ...wholeHistory, ...(partial?.first ?? [])],
    totalRows,
    options,
    partial?.more
  );
  const inPart = await partial?.finish(context, totalRows, options);
  if (partial && !inPart) {
    // Headers that are not today's: the engine finds the tables by their header rows in the whole sheet.
    wholeHistory.push(partial.sheet);
    await readAll(context, wholeHistory, totalRows, options);
  }

  const areas = new Map<string, TableArea[]>();
  for (const tableRange of tableRanges) {
    const list = areas.get(tableRange.worksheet.name) ?? [];
    list.push(areaOf(tableRange));
    areas.set(tableRange.worksheet.name, list);
  }
  const grids: SheetGrid[] = sheets.map((sheet) => ({
    name: sheet.name,
    values: sheet.values,
    top: sheet.top,
    left: sheet.left,
    tables: areas.get(sheet.name) ?? [],
  }));
  const date1904 = dateSystem.date1904();
  if (!options.history) return { sheets: grids, date1904 };
  if (inPart)
    return { sheets: grids, date1904, history: inPart.history, historyPlace: inPart.place };
  // The engine finds both tables by their header rows, wherever the used range starts.
  const runs = wholeHistory[0] ? readRunHistory(wholeHistory[0].values, date1904) : NO_HISTORY;
  const strayed = historyProxy !== undefined && history!.unfinished();
  return { sheets: grids, date1904, history: runs, ...(strayed ? { historyStrayed: true } : {}) };
}

/**
 * Reads the rows of every sheet (or part) still unread, a sync per chunk. `more` is asked before each
 * sync for parts that what is read so far calls for: they join that sync.
 */
async function readAll(
  context: Excel.RequestContext,
  sheets: SheetRead[],
  totalRows: number,
  options: ReadOptions,
  more: () => SheetRead[] = () => []
): Promise<void> {
  for (;;) {
    sheets.push(...more());
    const chunks = nextChunks(sheets);
    if (chunks.length === 0) break;
    await readChunks(context, chunks, totalRows, options);
  }
}

const done = (sheet: SheetRead) => sheet.values.length === sheet.rows;

/** A block of the history sheet read like a sheet of its own: its rows ride in the input sheets' syncs. */
function historyBlock(
  sheet: SheetRead,
  top: number,
  left: number,
  rows: number,
  columns: number,
  cellBytes = DEFAULT_CELL_BYTES
): SheetRead {
  return {
    name: sheet.name,
    proxy: sheet.proxy,
    top,
    left,
    rows,
    columns,
    offset: 0,
    counted: false,
    values: [],
    bytes: 0,
    bytesPerRow: cellBytes * columns,
  };
}

/**
 * `KPI History` of today's layout read in part, its blocks riding in the inputs' syncs: KpiRuns and the
 * results' header first; once they are in, the compared runs' rows where the runs' Targets put them,
 * with the last row's Run cell that proves the table ends as counted. Without that proof (rows added,
 * removed or moved by hand, a stopped run's rows in the table) the Run column says which rows are whose.
 */
class HistoryInPart {
  /** KpiRuns, header included, and KpiRunResults' header: what the first syncs read. */
  readonly first: readonly [SheetRead, SheetRead];
  /** The runs, once KpiRuns is in under today's headers. */
  private runs: RunRecord[] | undefined;
  /** The compared runs' rows where their Targets put them, and the table's last Run cell. */
  private planned: { blocks: { run: number; read: SheetRead }[]; lastCell?: SheetRead } | undefined;

  constructor(
    readonly sheet: SheetRead,
    private readonly layout: { runs: HistoryTable; results: HistoryTable },
    private readonly asOf: number | undefined,
    private readonly date1904: boolean
  ) {
    this.first = [
      historyBlock(sheet, 0, 0, layout.runs.rowCount, RUNS_HEADER.length),
      historyBlock(sheet, 0, layout.results.left, 1, RUN_RESULTS_HEADER.length),
    ];
  }

  /** KpiRunResults' rows under its header, as the table stood when read. */
  private get tableRows(): number {
    return this.layout.results.rowCount - 1;
  }

  /** `rows` rows of KpiRunResults from its row `first` (0-based under the header). */
  private results(
    first: number,
    rows: number,
    columns: number = RUN_RESULTS_HEADER.length
  ): SheetRead {
    const cellBytes = columns === 1 ? RUN_CELL_BYTES : DEFAULT_CELL_BYTES;
    return historyBlock(this.sheet, 1 + first, this.layout.results.left, rows, columns, cellBytes);
  }

  /** The runs, when both first blocks are in and their headers are today's. */
  private recordedRuns(): RunRecord[] | undefined {
    const [runs, head] = this.first;
    if (this.runs || !done(runs) || !done(head)) return this.runs;
    if (isHeaderRow(runs.values[0], RUNS_HEADER) && isHeaderRow(head.values[0], RUN_RESULTS_HEADER))
      this.runs = runRecords(runs.values.slice(1), this.date1904);
    return this.runs;
  }

  /** Asked before each sync: the compared runs' blocks, once, as soon as KpiRuns is in. */
  readonly more = (): SheetRead[] => {
    const runs = this.recordedRuns();
    if (!runs || this.planned) return [];
    this.planned = { blocks: [] };
    const at = runBlocks(runs, this.tableRows);
    if (!at) return [];
    // In the sheet's order, as the Run column's stretches would be.
    const wanted = [...comparedRuns(runs, this.asOf)].sort(
      (a, b) => at.get(a)!.first - at.get(b)!.first
    );
    for (const run of wanted) {
      const { first, rows } = at.get(run)!;
      if (rows > 0) this.planned.blocks.push({ run, read: this.results(first, rows) });
    }
    this.planned.lastCell = this.results(this.tableRows - 1, 1, 1);
    return [...this.planned.blocks.map((b) => b.read), this.planned.lastCell];
  };

  /**
   * Once the shared reads are done: the history (every run, the compared runs' results) and where
   * the next run goes; undefined when the headers are not today's, and the sheet must be read whole.
   */
  async finish(
    context: Excel.RequestContext,
    totalRows: number,
    options: ReadOptions
  ): Promise<{ history: RunHistory; place: HistoryPlace } | undefined> {
    const runs = this.recordedRuns();
    if (!runs) return undefined;
    const { blocks, lastCell } = this.planned ?? { blocks: [] };
    const counted =
      lastCell !== undefined &&
      lastCell.values[0]?.[0] === runs[runs.length - 1]?.run &&
      blocks.every((b) => b.read.values.every((row) => row[0] === b.run));
    let resultRows = this.tableRows;
    let parts = blocks.map((b) => b.read);
    if (!counted) {
      const runColumn = this.results(0, resultRows, 1);
      await readAll(context, [runColumn], totalRows, options);
      const runCells = runColumn.values.map((row) => row[0]);
      resultRows = recordedResultRows(runCells, runs);
      parts = runSpans(runCells, comparedRuns(runs, this.asOf), resultRows).map((span) =>
        this.results(span.first, span.rows)
      );
      await readAll(context, parts, totalRows, options);
    }
    const results = runTargetRows(
      parts.flatMap((part) => part.values),
      this.date1904
    );
    return {
      history: { runs, results },
      place: {
        sheet: this.sheet.name,
        runsTable: this.layout.runs.name,
        resultsTable: this.layout.results.name,
        runRows: recordedRunRows(this.first[0].values.slice(1)),
        resultRows,
        resultsTableRows: this.tableRows,
        usedRows: this.sheet.top + this.sheet.rows,
      },
    };
  }
}

/**
 * Where the recorded runs are, decided with the used ranges' sync: `KPI History` when KPI Rewards wrote
 * it (a foreign sheet of that name is never read), else, when Excel stopped a swap after deleting it, the
 * checked working sheet that stands for it (swap.ts). Candidates are read only if they are the one.
 */
function historySheet(context: Excel.RequestContext, worksheets: Excel.Worksheet[]) {
  const final = worksheets.find((sheet) => sameSheetName(sheet.name, HISTORY_SHEET));
  const legacy = context.workbook.names.getItemOrNullObject(OWNER_NAME);
  legacy.load("formula");
  const candidates = final
    ? [final]
    : worksheets.filter((sheet) => isWorkingNameOf(sheet.name, HISTORY_SHEET));
  const marks = candidates.map((sheet) => {
    const names = {
      own: sheet.names.getItemOrNullObject(OWNER_NAME),
      working: sheet.names.getItemOrNullObject(WORKING_NAME),
      checked: sheet.names.getItemOrNullObject(CHECKED_NAME),
    };
    names.own.load("formula");
    names.working.load("name");
    names.checked.load("name");
    return { sheet, ...names };
  });
  const owned = ({ sheet, own }: (typeof marks)[number]) =>
    isOwnedSheet(sheet.name, [
      ...(own.isNullObject ? [] : [{ name: OWNER_NAME, formula: own.formula, sheet: sheet.name }]),
      // Read through `ours()`, which is called after the sync that loaded it.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
      ...(legacy.isNullObject ? [] : [{ name: OWNER_NAME, formula: legacy.formula }]),
    ]);
  return {
    candidates,
    /** After the sync: the sheet to read the runs from, if any. */
    ours: (): Excel.Worksheet | undefined =>
      marks.find((m) =>
        final ? owned(m) : owned(m) && !m.working.isNullObject && !m.checked.isNullObject
      )?.sheet,
    /** After the sync: the runs' sheet is a stopped swap's (still marked as being built or checked). */
    unfinished: (): boolean =>
      marks.some((m) => !m.working.isNullObject || !m.checked.isNullObject),
  };
}

/** The second sync: each input sheet's used range (empty sheets drop out) and its first rows. */
async function usedRanges(
  context: Excel.RequestContext,
  inputs: Excel.Worksheet[],
  history: Excel.Worksheet[],
  options: ReadOptions
): Promise<SheetRead[]> {
  stopIfCancelled(options);
  const sampleRows = Math.max(
    1,
    Math.floor(SAMPLE_CELLS / (Math.max(1, inputs.length) * SAMPLE_COLUMNS))
  );
  const queue = (withSample: boolean) =>
    inputs.map((proxy) => {
      const used = proxy.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      const sample = withSample
        ? used.getIntersectionOrNullObject(
            proxy.getRangeByIndexes(0, 0, sampleRows, SAMPLE_COLUMNS)
          )
        : undefined;
      sample?.load("values,rowIndex,columnIndex,rowCount,columnCount");
      return { proxy, used, sample };
    });
  let queued = queue(true);
  try {
    await context.sync();
  } catch (error) {
    // First rows full of long text can overflow the response: size the chunks without them.
    if (!isResponseTooLarge(error)) throw error;
    queued = queue(false);
    await context.sync();
  }

  const sheets: SheetRead[] = [];
  let offset = 0;
  for (const { proxy, used, sample } of queued) {
    if (used.isNullObject) continue;
    const sheet: SheetRead = {
      name: proxy.name,
      proxy,
      top: used.rowIndex,
      left: used.columnIndex,
      rows: used.rowCount,
      columns: used.columnCount,
      offset,
      counted: !history.includes(proxy),
      values: [],
      bytes: 0,
      bytesPerRow: 0,
    };
    if (sheet.counted) offset += sheet.rows;
    if (sample && !sample.isNullObject) {
      const bytes = jsonBytes(sample.values);
      sheet.bytesPerRow = (bytes / (sample.rowCount * sample.columnCount)) * sheet.columns;
      // The first rows are the sheet's own first rows when they span its whole width.
      if (sample.rowIndex === sheet.top && sample.columnCount === sheet.columns) {
        for (const row of sample.values) sheet.values.push(row);
        sheet.bytes = bytes;
      }
    }
    sheets.push(sheet);
  }
  const known = sheets.filter((s) => s.bytesPerRow > 0);
  const cellBytes =
    known.length > 0
      ? known.reduce((sum, s) => sum + s.bytesPerRow / s.columns, 0) / known.length
      : DEFAULT_CELL_BYTES;
  for (const sheet of sheets)
    if (sheet.bytesPerRow === 0) sheet.bytesPerRow = cellBytes * sheet.columns;
  return sheets;
}

/** The chunks of the next sync: rows in sheet order until the response, cell or range budget is spent. */
function nextChunks(sheets: SheetRead[], scale = 1): Chunk[] {
  const chunks: Chunk[] = [];
  let bytes = READ_RESPONSE_BYTES * scale;
  let cells = READ_CELLS;
  for (const sheet of sheets) {
    const left = sheet.rows - sheet.values.length;
    if (left === 0) continue;
    // Sizing the chunk from the estimate leaves each sync close to the budget, never one row short.
    const fit = Math.min(
      left,
      Math.floor(bytes / sheet.bytesPerRow),
      Math.floor(cells / sheet.columns)
    );
    const rows = chunks.length === 0 ? Math.max(1, fit) : fit;
    if (rows < 1) break;
    chunks.push({ sheet, first: sheet.values.length, rows });
    bytes -= rows * sheet.bytesPerRow;
    cells -= rows * sheet.columns;
    if (rows < left || chunks.length === RANGES_PER_SYNC) break;
  }
  return chunks;
}

/** One sync per call; a response that still overflows is read again in halves. */
async function readChunks(
  context: Excel.RequestContext,
  chunks: Chunk[],
  totalRows: number,
  options: ReadOptions
): Promise<void> {
  stopIfCancelled(options);
  const counted = chunks.filter((chunk) => chunk.sheet.counted);
  if (counted.length > 0) {
    const first = counted[0];
    const last = counted[counted.length - 1];
    options.onProgress?.({
      firstRow: first.sheet.offset + first.first + 1,
      lastRow: last.sheet.offset + last.first + last.rows,
      totalRows,
    });
  }
  for (const chunk of chunks) {
    const { sheet } = chunk;
    chunk.range = sheet.proxy.getRangeByIndexes(
      sheet.top + chunk.first,
      sheet.left,
      chunk.rows,
      sheet.columns
    );
    chunk.range.load("values");
  }
  try {
    await context.sync();
  } catch (error) {
    const rows = chunks.reduce((sum, chunk) => sum + chunk.rows, 0);
    if (!isResponseTooLarge(error) || rows === 1) throw error;
    // The estimate ran short (e.g. long notes further down): read the same rows in two halves.
    const half = Math.ceil(rows / 2);
    let taken = 0;
    const halves: Chunk[][] = [[], []];
    for (const chunk of chunks) {
      const head = Math.max(0, Math.min(chunk.rows, half - taken));
      if (head > 0) halves[0].push({ sheet: chunk.sheet, first: chunk.first, rows: head });
      if (head < chunk.rows)
        halves[1].push({ sheet: chunk.sheet, first: chunk.first + head, rows: chunk.rows - head });
      taken += chunk.rows;
    }
    for (const part of halves) await readChunks(context, part, totalRows, options);
    return;
  }
  for (const chunk of chunks) {
    const { sheet } = chunk;
    const values = chunk.range!.values;
    for (const row of values) sheet.values.push(row);
    sheet.bytes += jsonBytes(values);
    sheet.bytesPerRow = sheet.bytes / sheet.values.length;
  }
}

function stopIfCancelled(options: ReadOptions): void {
  if (options.signal?.aborted) throw new ReadCancelledError();
}

function isResponseTooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "ResponsePayloadSizeLimitExceeded";
}

/** UTF-8 bytes of the values as JSON: what the response carries. */
function jsonBytes(values: unknown): number {
  const text = JSON.stringify(values);
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}
