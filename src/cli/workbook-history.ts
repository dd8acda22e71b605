import {
  comparedRuns,
  isHeaderRow,
  NO_HISTORY,
  parseRangeAddress,
  readRunHistory,
  type RecordedRun,
  runRecords,
  RUN_RESULTS_HEADER,
  RUNS_HEADER,
  runTargetRows,
  type CellValue,
  type RunHistory,
  type RunRecord,
  type RunTargetRecord,
  type WorkbookGrid,
} from "../engine";
import { HISTORY_SHEET, RUN_RESULTS_LEFT, sameSheetName } from "../sheet";
import {
  appendedHistoryPart,
  canAppend,
  firstSegmentRows,
  historySheetPart,
  type StoredHistorySheet,
} from "./history-sheet-xml";
import { LIMITS } from "./ooxml/limits";
import { readWorksheetPart } from "./ooxml/worksheet-part";
import { inflateSegment, storedSegments, type Segment } from "./segmented-part";
import { attributeOf, element, elements, parseXml, rootOf, XmlError } from "./xml-tree";
import {
  isDate1904,
  partPath,
  relsPath,
  sheetOwner,
  sheetPartOf,
  type OwnedSheet,
  type WorkbookPackage,
} from "./xlsx-package";

/**
 * The runs a workbook holds in its `KPI History` sheet (SPEC §9), read no further than the evaluation
 * needs. A sheet of that name that KPI Rewards did not write holds no runs of ours: it is not read, and
 * writing refuses it. A sheet this tool wrote and nobody saved since is read segment by segment
 * (history-sheet-xml.ts): KpiRuns from the first segment, and only the results of the run compared
 * with; recording a run then appends to it. Any other (an earlier layout, or saved again by Excel or
 * LibreOffice) is read whole from the workbook's cells, and written whole, in segments, once.
 */
export type StoredHistory =
  | { readonly kind: "none" }
  | { readonly kind: "whole" }
  | {
      readonly kind: "segmented";
      readonly sheet: StoredHistorySheet;
      readonly runs: readonly RunRecord[];
      /** The KpiRunResults rows in the first segment, beside KpiRuns. */
      readonly firstResults: readonly RunTargetRecord[];
      readonly date1904: boolean;
    };

const NONE: StoredHistory = { kind: "none" };
const WHOLE: StoredHistory = { kind: "whole" };

/** A table of the history sheet as its table part places it: 0-based header row and column, size. */
interface TableArea {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: readonly string[];
}

/** The tables of the sheet at `part`, from their table parts (never from fixed addresses). */
async function tableAreas(pkg: WorkbookPackage, part: string): Promise<TableArea[]> {
  const rels = await pkg.zip.file(relsPath(part))?.async("string");
  if (rels === undefined) return [];
  const folder = part.slice(0, part.lastIndexOf("/"));
  const areas: TableArea[] = [];
  try {
    for (const rel of elements(rootOf(parseXml(rels), "Relationships"), "Relationship")) {
      if (!(attributeOf(rel, "Type") ?? "").endsWith("/table")) continue;
      const text = await pkg.zip
        .file(partPath(folder, attributeOf(rel, "Target") ?? ""))
        ?.async("string");
      if (text === undefined) continue;
      const table = rootOf(parseXml(text), "table");
      const range = parseRangeAddress(attributeOf(table, "ref") ?? "")?.range;
      const list = element(table, "tableColumns");
      if (!range || !list) continue;
      areas.push({
        top: range.row,
        left: range.column,
        rows: range.rowCount,
        columns: elements(list, "tableColumn").map((c) => attributeOf(c, "name") ?? ""),
      });
    }
  } catch (error) {
    // A table part that does not parse: the sheet is read whole, as any other program's would be.
    if (error instanceof XmlError) return [];
    throw error;
  }
  return areas;
}

const holds = (area: TableArea, header: readonly string[]) => isHeaderRow(area.columns, header);

/** The cells of the segments, in the sheet's rows (0-based: `values[row - top]`). */
async function segmentCells(
  segments: readonly Segment[],
  date1904: boolean
): Promise<{ values: CellValue[][]; top: number }> {
  const source = {
    async *chunks() {
      for (const [i, segment] of segments.entries()) {
        // The first segment opens the worksheet; a later one alone needs the elements around it.
        if (i === 0 && firstSegmentRows(segment.tag) === undefined)
          yield Buffer.from("<worksheet><sheetData>");
        yield inflateSegment(segment);
      }
      yield Buffer.from("</sheetData></worksheet>");
    },
  };
  const cells = await readWorksheetPart(source, HISTORY_SHEET, HISTORY_SHEET, [], date1904, [], {
    used: 0,
    limit: LIMITS.cells,
  });
  return { values: cells.values, top: cells.top };
}

/** Rows `from`…`to` (0-based sheet rows) of columns `left`… of `width`. */
function rowsOf(
  cells: { values: CellValue[][]; top: number },
  from: number,
  to: number,
  left: number,
  width: number
): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = from; r <= to; r++) {
    const row = cells.values[r - cells.top] ?? [];
    rows.push(Array.from({ length: width }, (_, c) => row[left + c] ?? null));
  }
  return rows;
}

/** How the workbook's `KPI History` can be read: not at all, whole, or segment by segment (KpiRuns read now). */
export async function storedHistory(pkg: WorkbookPackage): Promise<StoredHistory> {
  if (sheetOwner(pkg, HISTORY_SHEET).kind !== "ours") return NONE;
  const part = sheetPartOf(pkg, HISTORY_SHEET);
  const segments = part ? storedSegments(pkg.zip, part) : undefined;
  const firstRows = segments && firstSegmentRows(segments[0]?.tag ?? "");
  if (!part || !segments || firstRows === undefined) return WHOLE;
  const areas = await tableAreas(pkg, part);
  const runsArea = areas.find((a) => holds(a, RUNS_HEADER));
  const resultsArea = areas.find((a) => holds(a, RUN_RESULTS_HEADER));
  // Anything but the layout this tool writes is read whole.
  if (
    !runsArea ||
    !resultsArea ||
    runsArea.top !== 0 ||
    resultsArea.top !== 0 ||
    runsArea.left !== 0 ||
    resultsArea.left !== RUN_RESULTS_LEFT
  )
    return WHOLE;
  const date1904 = isDate1904(pkg.workbook);
  const cells = await segmentCells(segments.slice(0, 1), date1904);
  const runs = runRecords(rowsOf(cells, 1, runsArea.rows - 1, 0, RUNS_HEADER.length), date1904);
  // KpiRunResults holds each run's targets in turn: its row count is theirs added up.
  const results = runs.reduce((sum, r) => sum + r.targets, 0);
  if (
    Math.max(runs.length, 1) !== runsArea.rows - 1 ||
    Math.max(results, 1) !== resultsArea.rows - 1
  )
    return WHOLE;
  const firstResults = runTargetRows(
    rowsOf(cells, 1, Math.min(results, firstRows - 1), RUN_RESULTS_LEFT, RUN_RESULTS_HEADER.length),
    date1904
  );
  return {
    kind: "segmented",
    sheet: { segments, runs: runs.length, results },
    runs,
    firstResults,
    date1904,
  };
}

/** KPI History is not read with the other sheets when its runs are read segment by segment. */
export function skippedSheets(stored: StoredHistory): ((sheet: string) => boolean) | undefined {
  return stored.kind === "segmented" ? (sheet) => sameSheetName(sheet, HISTORY_SHEET) : undefined;
}

/** The results rows of the runs `wanted`, from the first segment and their own segments. */
async function resultsOf(
  stored: Extract<StoredHistory, { kind: "segmented" }>,
  wanted: ReadonlySet<number>
): Promise<RunTargetRecord[]> {
  const segments = stored.sheet.segments.filter(
    (s) => wanted.has(Number(s.tag.slice(1))) && s.tag.startsWith("R")
  );
  const later = segments.length === 0 ? [] : await laterResults(stored, segments);
  return [...stored.firstResults, ...later].filter((r) => wanted.has(r.run));
}

async function laterResults(
  stored: Extract<StoredHistory, { kind: "segmented" }>,
  segments: readonly Segment[]
): Promise<RunTargetRecord[]> {
  const cells = await segmentCells(segments, stored.date1904);
  const last = cells.top + cells.values.length - 1;
  return runTargetRows(
    rowsOf(cells, cells.top, last, RUN_RESULTS_LEFT, RUN_RESULTS_HEADER.length),
    stored.date1904
  );
}

/** A history not stored in segments: none, or the sheet read with the workbook's other cells. */
function sheetHistory(stored: StoredHistory, workbook: WorkbookGrid): RunHistory {
  if (stored.kind === "none") return NO_HISTORY;
  const sheet = workbook.sheets.find((s) => sameSheetName(s.name, HISTORY_SHEET));
  return sheet ? readRunHistory(sheet.values, workbook.date1904 ?? false) : NO_HISTORY;
}

/**
 * The history an evaluation as of `asOf` compares with: every run, and the results of the run it is
 * compared with — the last approved, else the last; when the as-of date is the last run's, it may
 * repeat that run and then compares with the runs before it, so their compared run is read too.
 */
export async function workbookHistory(
  stored: StoredHistory,
  workbook: WorkbookGrid,
  asOf: number
): Promise<RunHistory> {
  if (stored.kind !== "segmented") return sheetHistory(stored, workbook);
  return { runs: stored.runs, results: await resultsOf(stored, comparedRuns(stored.runs, asOf)) };
}

/** Every run and every result, however the sheet is stored. */
export async function wholeHistory(
  stored: StoredHistory,
  workbook: WorkbookGrid
): Promise<RunHistory> {
  if (stored.kind !== "segmented") return sheetHistory(stored, workbook);
  const later = stored.sheet.segments.filter((s) => s.tag.startsWith("R"));
  const results = later.length === 0 ? [] : await laterResults(stored, later);
  return { runs: stored.runs, results: [...stored.firstResults, ...results] };
}

/**
 * The `KPI History` sheet to write with a recorded run: the stored sheet with the run appended when
 * it has room, else the whole history laid out again; nothing when the run repeats the last one.
 */
export async function recordedHistoryPart(
  stored: StoredHistory,
  history: RunHistory,
  recorded: RecordedRun,
  workbook: WorkbookGrid
): Promise<OwnedSheet | undefined> {
  if (!recorded.history || !recorded.record) return undefined;
  const added = recorded.history.results.slice(history.results.length);
  if (stored.kind !== "segmented") return historySheetPart(recorded.history);
  if (canAppend(stored.sheet)) return appendedHistoryPart(stored.sheet, recorded.record, added);
  const all = await wholeHistory(stored, workbook);
  return historySheetPart({
    runs: [...all.runs, recorded.record],
    results: [...all.results, ...added],
  });
}
