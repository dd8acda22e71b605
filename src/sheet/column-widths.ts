import { RESULTS_HEADER } from "./output-tables";

/** Each sheet column's width in characters, sized for KpiResults (the widest table). */
export const SHEET_COLUMN_WIDTHS: readonly number[] = RESULTS_HEADER.map((name) =>
  name === "Explanation" ? 100 : name === "Changed" ? 60 : name.length <= 6 ? 12 : 16
);

/** Explanations wrap at their column's width. */
export const EXPLANATION_COLUMN = RESULTS_HEADER.indexOf("Explanation");
export const EXPLANATION_WIDTH = SHEET_COLUMN_WIDTHS[EXPLANATION_COLUMN];

/**
 * A width in characters (Excel's unit: one character of the default font, about 7 pixels) as points,
 * the unit Office.js sets widths in: 5.25 points a character plus the cell's padding.
 */
export function widthInPoints(characters: number): number {
  return Math.round(characters * 5.25 + 3.75);
}

/** Lines of text a wrapped cell needs at `width` characters, breaking between words as Excel does. */
export function wrappedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = word.length;
    if (used > 0 && used + 1 + length > width) {
      lines++;
      used = 0;
    }
    if (used === 0 && length > width) {
      lines += Math.ceil(length / width) - 1;
      used = length % width || width;
    } else used += (used > 0 ? 1 : 0) + length;
  }
  return lines;
}
