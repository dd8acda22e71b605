import type { ColumnFormat } from "./column-format";
import type { PrintSetup } from "./results-sheet";
import type { SheetLine } from "./sheet-layout";

/** One fact of a report's summary block: a label in column A, its value in column B. */
export type SummaryFact = readonly [label: string, value: number, format: ColumnFormat];

/** The row where a report's summary block starts, under the title, the header line and a gap. */
export const FIRST_FACT_ROW = 3;

/**
 * The top of a sheet a manager reads (the results and the portfolio alike): the title, the header line
 * under it, then the summary facts one a row from row 4.
 */
export function reportHead(
  title: string,
  headerLine: string,
  facts: readonly SummaryFact[]
): SheetLine[] {
  return [
    { row: 0, values: [title], formats: ["text"], emphasis: "title" },
    { row: 1, values: [headerLine], formats: ["text"], emphasis: "plain" },
    ...facts.map(([label, value, format], i): SheetLine => ({
      row: FIRST_FACT_ROW + i,
      values: [label, value],
      formats: ["text", format],
      emphasis: "label",
    })),
  ];
}

/** Landscape, every column on one page wide, the title and header line on every page. */
export function reportPrint(title: string, asOfDay: string): PrintSetup {
  return {
    title: `${title} as of ${asOfDay}`,
    orientation: "landscape",
    pagesWide: 1,
    repeatRows: [0, 1],
  };
}
