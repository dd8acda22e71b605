import {
  cellAddress,
  type CellValue,
  DATE_1904_OFFSET,
  type Issue,
  serialFromCivil,
} from "../../engine";
import * as M from "../messages";
import { decodeOoxmlText } from "./ooxml-text";
import { PackageError } from "./package-error";
import { numberFromBytes } from "./number-bytes";
import { readPartBytes, type PartSource } from "./part-reader";
import type { StartTag } from "./xml-scanner";

/** A worksheet's cells and the relationship ids of its table parts. */
export interface WorksheetCells {
  readonly values: CellValue[][];
  /** 0-based sheet row of `values[0]`. */
  readonly top: number;
  readonly tableIds: string[];
}

/** How many formula cells without a saved value are named one by one per sheet, before a count. */
const NAMED_UNCACHED = 20;

/** Cells counted across sheets, against LIMITS.cells. */
export interface CellBudget {
  used: number;
  readonly limit: number;
}

const NONE = 0;
const VALUE = 1;
const FORMULA = 2;
const INLINE = 3;

/** Cell types (`t`, ECMA-376 §18.18.11); anything else reads as a number, as `n` does. */
const NUMBER = 0;
const SHARED = 1;
const FORMULA_TEXT = 2;
const INLINE_TEXT = 3;
const BOOLEAN = 4;
const ERROR = 5;
const ISO_DATE = 6;
const TYPES: Record<string, number> = {
  n: NUMBER,
  s: SHARED,
  str: FORMULA_TEXT,
  inlineStr: INLINE_TEXT,
  b: BOOLEAN,
  e: ERROR,
  d: ISO_DATE,
};

/**
 * Reads a worksheet part's cells by their type (ECMA-376 §18.3.1.4): a formula cell is its saved
 * value; booleans and errors stay booleans and errors for the engine to report; `t="d"` ISO dates
 * become serials in the workbook's date system. Cells and rows without `r` follow the previous one.
 *
 * It works on the part's bytes: addresses, types, numbers and shared-string indexes are read in place,
 * and only text that becomes a value is decoded (at Excel's row limit, decoding and tokenising the
 * whole part as text was most of the run).
 */
export async function readWorksheetPart(
  archive: PartSource,
  part: string,
  sheet: string,
  sharedStrings: readonly string[],
  date1904: boolean,
  issues: Issue[],
  budget: CellBudget
): Promise<WorksheetCells> {
  const values: CellValue[][] = [];
  let top = -1;
  const tableIds: string[] = [];
  let inSheetData = false;
  let row = -1;
  let column = -1;
  let type = NUMBER;
  let capture = NONE;
  // The <v> text: one run of raw bytes (the usual case), else the decoded text of all its runs.
  let hasValue = false;
  let valueRuns = 0;
  let valueBytes: Buffer | undefined;
  let valueStart = 0;
  let valueEnd = 0;
  let valueText = "";
  let formula: string | undefined;
  let inline = "";
  let phonetic = 0;
  let uncached = 0;

  // The cells of the row being read, kept until it ends and then stored as an array of exactly its
  // width: a row array grown cell by cell holds 17 slots, and at Excel's row limit copying those
  // oversized arrays between heap generations was a quarter of the run.
  const pending: CellValue[] = [];
  let pendingRow = -1;
  let pendingWidth = 0;

  const flush = () => {
    if (pendingWidth === 0) return;
    const r = pendingRow;
    const cells: CellValue[] = new Array<CellValue>(pendingWidth);
    for (let c = 0; c < pendingWidth; c++) {
      if (pending[c] !== undefined) {
        cells[c] = pending[c];
        pending[c] = undefined;
      }
    }
    pendingWidth = 0;
    if (top < 0) top = r;
    if (r < top) {
      // Rows out of order (not written by Excel, but legal to read): make room above.
      values.unshift(...Array.from({ length: top - r }, () => []));
      top = r;
    }
    const index = r - top;
    while (values.length < index) values.push([]);
    if (values.length === index) values.push(cells);
    else {
      // A row met a second time: its cells join the first ones.
      const row = values[index];
      for (let c = 0; c < cells.length; c++) if (c in cells) row[c] = cells[c];
    }
  };

  const store = (r: number, c: number, cell: CellValue) => {
    if (++budget.used > budget.limit) throw new PackageError(M.tooManyCells(budget.limit));
    if (r !== pendingRow) {
      flush();
      pendingRow = r;
    }
    pending[c] = cell;
    if (c >= pendingWidth) pendingWidth = c + 1;
  };

  const text = (): string =>
    valueBytes ? valueBytes.toString("utf8", valueStart, valueEnd) : valueText;

  const cellValue = (r: number, c: number): CellValue => {
    // An empty <v> is a saved result only for a text formula (="" is a real result).
    const empty = valueRuns === 0 || (valueBytes ? valueEnd === valueStart : valueText === "");
    const saved = hasValue && (!empty || type === FORMULA_TEXT);
    if (formula !== undefined && !saved) {
      uncached++;
      if (uncached <= NAMED_UNCACHED) {
        const address = cellAddress(r, c);
        issues.push({
          severity: "warning",
          sheet,
          cell: address,
          message: M.uncalculatedFormula(sheet, address, formula.trim()),
        });
      }
      return null;
    }
    if (type === INLINE_TEXT) return decodeOoxmlText(inline);
    // A cell without a value is blank whatever its type says.
    if (!hasValue) return null;
    switch (type) {
      case SHARED: {
        let index = valueBytes ? numberFromBytes(valueBytes, valueStart, valueEnd) : NaN;
        if (Number.isNaN(index)) index = Number(text());
        const shared = sharedStrings[index];
        if (shared === undefined)
          throw new PackageError(
            M.missingSharedString(part, sheet, cellAddress(r, c), text().trim())
          );
        return shared;
      }
      case FORMULA_TEXT:
        return decodeOoxmlText(text());
      case BOOLEAN: {
        const value = text().trim();
        return value === "1" || value.toLowerCase() === "true";
      }
      case ERROR:
        return { error: text().trim() };
      case ISO_DATE: {
        const value = text();
        return isoSerial(value, date1904) ?? value;
      }
      default: {
        if (empty) return null;
        if (valueBytes) {
          const n = numberFromBytes(valueBytes, valueStart, valueEnd);
          if (!Number.isNaN(n)) return n;
        }
        const value = text();
        if (value.trim() === "") return null;
        const n = Number(value);
        // A number cell whose text is not a number is kept as text, for the engine to report.
        return Number.isFinite(n) ? n : value;
      }
    }
  };

  const openCell = (tag: StartTag) => {
    const r = tag.find("r");
    if (r >= 0) {
      const decoded = tag.decoded[r];
      const at = decoded
        ? parseCell(Buffer.from(decoded), 0, Buffer.byteLength(decoded))
        : parseCell(tag.bytes, tag.valueStart[r], tag.valueEnd[r]);
      if (at < 0) throw new PackageError(M.notACellAddress(part, tag.value(r)));
      row = Math.floor(at / COLUMNS);
      column = at % COLUMNS;
    } else column++;
    const t = tag.find("t");
    type = t < 0 ? NUMBER : typeOf(tag, t);
    capture = NONE;
    hasValue = false;
    valueRuns = 0;
    valueBytes = undefined;
    valueText = "";
    formula = undefined;
    inline = "";
    phonetic = 0;
  };

  const openRow = (tag: StartTag) => {
    const i = tag.find("r");
    let r = NaN;
    if (i >= 0) {
      r = tag.decoded[i] ? NaN : numberFromBytes(tag.bytes, tag.valueStart[i], tag.valueEnd[i]);
      if (Number.isNaN(r)) r = Number(tag.value(i));
    }
    row = i >= 0 && Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
    column = -1;
  };

  await readPartBytes(archive, part, {
    open(name, tag) {
      if (!inSheetData) {
        if (name === "sheetData") inSheetData = true;
        else if (name === "tablePart") {
          const id = tag.find("id");
          if (id >= 0 && tag.value(id)) tableIds.push(tag.value(id));
        }
      } else if (name === "c") openCell(tag);
      else if (name === "v") {
        capture = VALUE;
        hasValue = true;
      } else if (name === "row") openRow(tag);
      else if (name === "f") {
        capture = FORMULA;
        formula ??= "";
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) capture = INLINE;
    },
    close(name) {
      if (!inSheetData) return;
      if (name === "c") {
        const cell = cellValue(row, column);
        if (cell !== null && cell !== "") store(row, column, cell);
        capture = NONE;
      } else if (name === "v" || name === "f" || name === "t") capture = NONE;
      else if (name === "rPh") phonetic--;
      else if (name === "sheetData") inSheetData = false;
    },
    text(bytes, start, end, decoded) {
      if (capture === VALUE) {
        if (valueRuns === 0 && decoded === undefined) {
          valueBytes = bytes;
          valueStart = start;
          valueEnd = end;
        } else {
          valueText = text() + (decoded ?? bytes.toString("utf8", start, end));
          valueBytes = undefined;
        }
        valueRuns++;
      } else if (capture === FORMULA) formula += decoded ?? bytes.toString("utf8", start, end);
      else if (capture === INLINE) inline += decoded ?? bytes.toString("utf8", start, end);
    },
  });
  flush();
  if (uncached > NAMED_UNCACHED)
    issues.push({
      severity: "warning",
      sheet,
      cell: "",
      message: M.moreUncalculatedFormulas(sheet, uncached - NAMED_UNCACHED),
    });
  return { values, top: Math.max(top, 0), tableIds };
}

/** A cell type from its `t` attribute, read in place for the usual one-letter types. */
function typeOf(tag: StartTag, index: number): number {
  const start = tag.valueStart[index];
  if (tag.valueEnd[index] - start === 1 && tag.decoded[index] === undefined) {
    switch (tag.bytes[start]) {
      case 115:
        return SHARED;
      case 98:
        return BOOLEAN;
      case 101:
        return ERROR;
      case 100:
        return ISO_DATE;
      default:
        return NUMBER;
    }
  }
  return TYPES[tag.value(index)] ?? NUMBER;
}

/** Columns in a sheet: a cell's place is row × COLUMNS + column. */
const COLUMNS = 16384;

/** `AB12` (or `$AB$12`) in `bytes[start, end)` → 0-based row × COLUMNS + column; -1 for anything else. */
function parseCell(bytes: Uint8Array, start: number, end: number): number {
  let column = 0;
  let at = start;
  for (; at < end; at++) {
    const c = bytes[at];
    if (c >= 65 && c <= 90) column = column * 26 + (c - 64);
    else if (c >= 97 && c <= 122) column = column * 26 + (c - 96);
    else if (c !== 36) break;
    if (column > COLUMNS) return -1;
  }
  let row = 0;
  const digits = at;
  for (; at < end; at++) {
    const c = bytes[at];
    if (c < 48 || c > 57) return -1;
    row = row * 10 + (c - 48);
    if (row > 1048576) return -1;
  }
  if (column === 0 || row === 0 || digits === end) return -1;
  return (row - 1) * COLUMNS + (column - 1);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

/** An ISO 8601 date cell (`t="d"`) as a serial in the workbook's own date system. */
export function isoSerial(text: string, date1904: boolean): number | undefined {
  const match = ISO.exec(text.trim());
  if (!match) return undefined;
  const [, y, m, d, hh, mm, ss] = match;
  const day = serialFromCivil(Number(y), Number(m), Number(d));
  const time =
    hh === undefined ? 0 : (Number(hh) * 3600 + Number(mm) * 60 + Number(ss ?? 0)) / 86400;
  return day + time - (date1904 ? DATE_1904_OFFSET : 0);
}
