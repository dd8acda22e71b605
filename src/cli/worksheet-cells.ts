import { cellAddress } from "../engine";
import * as M from "./messages";

/**
 * Sets a few cells of a worksheet part by editing its XML text in place: every other byte of the part
 * stays as it was, so a 30 MB history sheet costs one scan and one splice per cell, and a file another
 * program saved keeps its own spelling (prefixes, either quote style, rows or cells without `r`).
 */

/** One cell to write: its 1-based row, its 0-based column, and the cell element given its address and old style. */
export interface CellEdit {
  readonly row: number;
  readonly column: number;
  /** `oldStyle` is the `s` of the cell it replaces; `styleOf` gives the row's other cells' styles. */
  readonly cell: (
    ref: string,
    oldStyle: string | undefined,
    styleOf: (column: number) => string | undefined
  ) => string;
}

/** The worksheet part holds no `sheetData`, or its rows cannot be followed. */
export class WorksheetEditError extends Error {}

interface Span {
  readonly start: number;
  readonly end: number;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** 0-based column of a cell reference such as `AB12`. */
function columnOf(ref: string): number {
  const letters = /^\$?([A-Za-z]+)/.exec(ref)?.[1] ?? "";
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return column - 1;
}

/** End of the element whose start tag ends at `tagEnd` (just after `>`): past its `</name>`, or the tag itself when self-closing. */
function elementEnd(xml: string, tagEnd: number, name: string, selfClosing: boolean): number {
  if (selfClosing) return tagEnd;
  const close = xml.indexOf(`</${name}>`, tagEnd);
  if (close < 0) throw new WorksheetEditError(M.elementNotClosed(name));
  return close + name.length + 3;
}

/** The start tag at `at` (which points at `<`): where it ends and whether it closes itself. */
function startTag(xml: string, at: number): { end: number; selfClosing: boolean; text: string } {
  const close = xml.indexOf(">", at);
  if (close < 0) throw new WorksheetEditError(M.TAG_NOT_CLOSED);
  return {
    end: close + 1,
    selfClosing: xml[close - 1] === "/",
    text: xml.slice(at, close + 1),
  };
}

/** Returns the part's XML with the cells set; cells and rows are inserted in order where missing. */
export function setWorksheetCells(xml: string, edits: readonly CellEdit[]): string {
  const data = /<((?:[\w.-]+:)?)sheetData\b/.exec(xml);
  if (!data) throw new WorksheetEditError(M.NO_SHEET_DATA);
  const prefix = data[1];
  const dataTag = startTag(xml, data.index);
  const rowName = `${prefix}row`;
  const cellName = `${prefix}c`;
  const splices: { span: Span; text: string }[] = [];
  const byRow = new Map<number, CellEdit[]>();
  for (const edit of edits)
    (byRow.get(edit.row) ?? byRow.set(edit.row, []).get(edit.row)!).push(edit);
  if (dataTag.selfClosing) {
    const rows = [...byRow.keys()].sort((a, b) => a - b);
    const body = rows.map((r) => rowXml(rowName, r, byRow.get(r)!)).join("");
    const open = dataTag.text.replace(/\s*\/>$/, ">");
    return `${xml.slice(0, data.index)}${open}${body}</${prefix}sheetData>${xml.slice(dataTag.end)}`;
  }
  const dataEnd = xml.indexOf(`</${prefix}sheetData>`, dataTag.end);
  if (dataEnd < 0) throw new WorksheetEditError(M.SHEET_DATA_NOT_CLOSED);
  const rowPattern = new RegExp(`<${rowName.replace(/\./g, "\\.")}(?=[\\s/>])`, "g");
  rowPattern.lastIndex = dataTag.end;
  let rowNumber = 0;
  const pending = new Set(byRow.keys());
  for (let match = rowPattern.exec(xml); match && match.index < dataEnd;) {
    const tag = startTag(xml, match.index);
    const end = elementEnd(xml, tag.end, rowName, tag.selfClosing);
    rowNumber = Number(attribute(tag.text, "r") ?? rowNumber + 1);
    // Rows the edits need but the part skips go before the first row past them.
    for (const missing of [...pending].filter((r) => r < rowNumber).sort((a, b) => a - b)) {
      splices.push({
        span: { start: match.index, end: match.index },
        text: rowXml(rowName, missing, byRow.get(missing)!),
      });
      pending.delete(missing);
    }
    const wanted = byRow.get(rowNumber);
    if (wanted) {
      pending.delete(rowNumber);
      if (tag.selfClosing) {
        const open = tag.text.replace(/\s*\/>$/, ">");
        splices.push({
          span: { start: match.index, end },
          text: `${open}${cellsXml(rowNumber, wanted)}</${rowName}>`,
        });
      } else {
        splices.push(
          ...cellSplices(xml, tag.end, end - rowName.length - 3, cellName, rowNumber, wanted)
        );
      }
    }
    rowPattern.lastIndex = end;
    match = rowPattern.exec(xml);
  }
  for (const missing of [...pending].sort((a, b) => a - b))
    splices.push({
      span: { start: dataEnd, end: dataEnd },
      text: rowXml(rowName, missing, byRow.get(missing)!),
    });
  return splice(xml, splices);
}

function rowXml(rowName: string, row: number, edits: readonly CellEdit[]): string {
  return `<${rowName} r="${row}">${cellsXml(row, edits)}</${rowName}>`;
}

function cellsXml(row: number, edits: readonly CellEdit[]): string {
  return [...edits]
    .sort((a, b) => a.column - b.column)
    .map((e) => e.cell(cellAddress(row - 1, e.column), undefined, () => undefined))
    .join("");
}

interface FoundCell {
  readonly column: number;
  readonly span: Span;
  readonly style: string | undefined;
}

/** The splices that set `edits` among the cells between `from` and `to` (a row's content). */
function cellSplices(
  xml: string,
  from: number,
  to: number,
  cellName: string,
  row: number,
  edits: readonly CellEdit[]
): { span: Span; text: string }[] {
  const cells: FoundCell[] = [];
  const cellPattern = new RegExp(`<${cellName.replace(/\./g, "\\.")}(?=[\\s/>])`, "g");
  cellPattern.lastIndex = from;
  let column = -1;
  for (let match = cellPattern.exec(xml); match && match.index < to;) {
    const tag = startTag(xml, match.index);
    const end = elementEnd(xml, tag.end, cellName, tag.selfClosing);
    const ref = attribute(tag.text, "r");
    column = ref === undefined ? column + 1 : columnOf(ref);
    cells.push({ column, span: { start: match.index, end }, style: attribute(tag.text, "s") });
    cellPattern.lastIndex = end;
    match = cellPattern.exec(xml);
  }
  const styleOf = (c: number) => cells.find((cell) => cell.column === c)?.style;
  return [...edits]
    .sort((a, b) => a.column - b.column)
    .map((edit) => {
      const ref = cellAddress(row - 1, edit.column);
      const same = cells.find((cell) => cell.column === edit.column);
      if (same) return { span: same.span, text: edit.cell(ref, same.style, styleOf) };
      const next = cells.find((cell) => cell.column > edit.column);
      const at = next ? next.span.start : to;
      return { span: { start: at, end: at }, text: edit.cell(ref, undefined, styleOf) };
    });
}

function splice(xml: string, splices: readonly { span: Span; text: string }[]): string {
  const ordered = [...splices].sort((a, b) => a.span.start - b.span.start);
  let result = "";
  let at = 0;
  for (const { span, text } of ordered) {
    result += xml.slice(at, span.start) + text;
    at = span.end;
  }
  return result + xml.slice(at);
}
