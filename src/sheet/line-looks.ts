import type { SheetLine } from "./sheet-layout";

/** How text looks; `size` in points, absent for the workbook's default (11). */
export interface Look {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
}

/** A line's look and the cells it covers: the whole line, or only its first cell (a label). */
export interface LineLook {
  readonly cells: "line" | "first";
  readonly look: Look;
}

/** The title large and bold, totals bold, labels bold, the note in italics; plain lines as they are. */
export function lineLook(emphasis: SheetLine["emphasis"]): LineLook | undefined {
  switch (emphasis) {
    case "title":
      return { cells: "line", look: { bold: true, size: 14 } };
    case "total":
      return { cells: "line", look: { bold: true } };
    case "label":
      return { cells: "first", look: { bold: true } };
    case "note":
      return { cells: "line", look: { italic: true } };
    case "plain":
      return undefined;
  }
}

/** The look of one cell of a line, for writers that style cell by cell. */
export function cellLook(emphasis: SheetLine["emphasis"], column: number): Look {
  const line = lineLook(emphasis);
  return line && (line.cells === "line" || column === 0) ? line.look : {};
}
