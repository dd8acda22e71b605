/** A cell value as every host hands it over: Office.js, exceljs (after conversion) or a formula argument. */
export interface CellError {
  readonly error: string;
}

export type CellValue = number | string | boolean | null | undefined | CellError;

/** A grid of cell values, row-major, as Range.values returns it. */
export type Grid = readonly (readonly CellValue[])[];

export type CellKind = "blank" | "number" | "text" | "boolean" | "error";

// Office.js reports error cells as their text in Range.values; these are the ones Excel can show.
const ERROR_TEXTS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BUSY!",
  "#CONNECT!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#GETTING_DATA",
  "#PYTHON!",
]);

export function cellKind(value: CellValue): CellKind {
  if (value === null || value === undefined) return "blank";
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? "number" : "error";
    case "boolean":
      return "boolean";
    case "string":
      if (value.trim() === "") return "blank";
      return ERROR_TEXTS.has(value) ? "error" : "text";
    default:
      return "error";
  }
}

/** How a non-number cell is described in a message: `text "abc"`, `the error #N/A`, `TRUE`. */
export function describeCell(value: CellValue): string {
  switch (cellKind(value)) {
    case "blank":
      return "a blank cell";
    case "boolean":
      return value ? "TRUE" : "FALSE";
    case "error":
      return `the error ${typeof value === "object" && value !== null ? value.error : String(value)}`;
    case "text":
      return `the text "${String(value).trim()}"`;
    default:
      return String(value);
  }
}

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return value.error;
  return String(value).trim();
}
