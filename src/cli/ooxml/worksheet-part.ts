import {
  cellAddress,
  DATE_1904_OFFSET,
  serialFromCivil,
  type CellValue,
  type Issue,
} from "../../engine";
import { decodeOoxmlText } from "./ooxml-text";
import { PackageError } from "./package-error";
import { readPart } from "./part-reader";
import type { ZipArchive } from "./zip-archive";

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

type Capture = "none" | "value" | "formula" | "inline";

/**
 * Reads a worksheet part's cells by their type (ECMA-376 §18.3.1.4): a formula cell is its saved
 * value; booleans and errors stay booleans and errors for the engine to report; `t="d"` ISO dates
 * become serials in the workbook's date system. Cells and rows without `r` follow the previous one.
 */
export async function readWorksheetPart(
  archive: ZipArchive,
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
  let type = "n";
  let capture: Capture = "none";
  let value = "";
  let hasValue = false;
  let formula: string | undefined;
  let inline = "";
  let phonetic = 0;
  let uncached = 0;

  const store = (r: number, c: number, cell: CellValue) => {
    if (++budget.used > budget.limit)
      throw new PackageError(
        `it holds more than ${budget.limit.toLocaleString("en-US")} cells, the most this tool reads (a zip bomb or a damaged file)`
      );
    if (top < 0) top = r;
    if (r < top) {
      // Rows out of order (not written by Excel, but legal to read): make room above.
      values.unshift(...Array.from({ length: top - r }, () => []));
      top = r;
    }
    const index = r - top;
    while (values.length <= index) values.push([]);
    values[index][c] = cell;
  };

  const cellValue = (address: () => string): CellValue => {
    // An empty <v> is a saved result only for a text formula (="" is a real result).
    const saved = hasValue && (value !== "" || type === "str");
    if (formula !== undefined && !saved) {
      uncached++;
      if (uncached <= NAMED_UNCACHED)
        issues.push({
          severity: "warning",
          sheet,
          cell: address(),
          message: `${sheet}!${address()} holds the formula =${formula.trim()} with no saved result (the program that wrote the file did not calculate it), so it is read as blank — open and save the workbook in Excel or LibreOffice, then run again`,
        });
      return null;
    }
    switch (type) {
      case "s": {
        const text = sharedStrings[Number(value)];
        if (text === undefined)
          throw new PackageError(
            `the part ${part} (sheet "${sheet}") points cell ${address()} at shared string ${value.trim()}, which the package does not hold`
          );
        return text;
      }
      case "inlineStr":
        return decodeOoxmlText(inline);
      case "str":
        return decodeOoxmlText(value);
      case "b":
        return value.trim() === "1" || value.trim().toLowerCase() === "true";
      case "e":
        return { error: value.trim() };
      case "d":
        return isoSerial(value, date1904) ?? value;
      default: {
        if (!hasValue || value.trim() === "") return null;
        const n = Number(value);
        // A number cell whose text is not a number is kept as text, for the engine to report.
        return Number.isFinite(n) ? n : value;
      }
    }
  };

  await readPart(archive, part, {
    open(name, attributes) {
      if (name === "sheetData") inSheetData = true;
      else if (!inSheetData) {
        if (name === "tablePart" && attributes.id) tableIds.push(attributes.id);
      } else if (name === "c") {
        const r = attributes.r;
        if (r) {
          const at = parseCell(r);
          if (!at) throw new PackageError(`the part ${part} has a cell at "${r}", not an address`);
          row = at.row;
          column = at.column;
        } else column++;
        type = attributes.t ?? "n";
        capture = "none";
        value = "";
        hasValue = false;
        formula = undefined;
        inline = "";
        phonetic = 0;
      } else if (name === "row") {
        const r = Number(attributes.r);
        row = attributes.r && Number.isInteger(r) && r >= 1 ? r - 1 : row + 1;
        column = -1;
      } else if (name === "v") {
        capture = "value";
        hasValue = true;
      } else if (name === "f") {
        capture = "formula";
        formula ??= "";
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) capture = "inline";
    },
    close(name) {
      if (name === "sheetData") inSheetData = false;
      else if (!inSheetData) return;
      else if (name === "c") {
        const r = row;
        const c = column;
        const cell = cellValue(() => cellAddress(r, c));
        if (cell !== null && cell !== "") store(r, c, cell);
        capture = "none";
      } else if (name === "v" || name === "f" || name === "t") capture = "none";
      else if (name === "rPh") phonetic--;
    },
    text(text) {
      if (capture === "value") value += text;
      else if (capture === "formula") formula += text;
      else if (capture === "inline") inline += text;
    },
  });
  if (uncached > NAMED_UNCACHED)
    issues.push({
      severity: "warning",
      sheet,
      cell: "",
      message: `${sheet}: ${(uncached - NAMED_UNCACHED).toLocaleString("en-US")} more formula cells have no saved result and are read as blank — open and save the workbook in Excel or LibreOffice, then run again`,
    });
  return { values, top: Math.max(top, 0), tableIds };
}

/** `AB12` → 0-based row and column; undefined for anything else. */
function parseCell(address: string): { row: number; column: number } | undefined {
  let column = 0;
  let at = 0;
  for (; at < address.length; at++) {
    const c = address.charCodeAt(at);
    if (c >= 65 && c <= 90) column = column * 26 + (c - 64);
    else if (c >= 97 && c <= 122) column = column * 26 + (c - 96);
    else if (c !== 36) break;
  }
  let row = 0;
  const digits = at;
  for (; at < address.length; at++) {
    const c = address.charCodeAt(at);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  if (column === 0 || row === 0 || digits === address.length || column > 16384 || row > 1048576)
    return undefined;
  return { row: row - 1, column: column - 1 };
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
