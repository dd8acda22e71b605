import { type CellValue, columnName, type RunRecord, type RunTargetRecord } from "../engine";
import { bodyRows, historySheet, RUN_RESULTS_LEFT, writableValue } from "../sheet";
import type { HistoryPlace } from "./history-place";
import type { SwapCommit } from "./swap";
import { formatColumns, writeCells, writeHighlights } from "./write";

/** A new run to add to a `KPI History` sheet of today's layout, read in part (read.ts). */
export interface HistoryAppend {
  readonly place: HistoryPlace;
  readonly record: RunRecord;
  /** The run's KpiRunResults rows: one per target. */
  readonly results: readonly RunTargetRecord[];
}

/**
 * Appends a run to the history with the results sheet's swap, keeping its both-or-neither guarantee
 * without writing the earlier runs again. Staged while the new results sheet is built: the run's
 * KpiRunResults rows and its KpiRuns line go under the tables, where they are part of no table and so
 * of no history (readers read the tables). Committed in the request that deletes the old results
 * sheet: KpiRunResults grows over the new rows first, then KpiRuns over the new line — from that
 * resize on the run is recorded. A failure before rolls back and clears the staged cells (best effort:
 * a leftover below a table counts for nothing and the next run writes over it); a failure after rolls
 * forward and resizes again, which gives the same tables however often it runs. Table.resize needs
 * ExcelApi 1.13: an older host has the history written whole (read.ts decides).
 */
export function historyAppendCommit(append: HistoryAppend): SwapCommit {
  const { place, record, results } = append;
  const runsWidth = 12;
  const resultsWidth = 11;
  // 1-based sheet rows: the header is row 1.
  const runRow = place.runRows + 2;
  const firstResult = place.resultRows + 2;
  const lastResult = place.resultRows + 1 + Math.max(1, results.length);
  const runsRange = `A1:${columnName(runsWidth - 1)}${runRow}`;
  const resultsRange = `${columnName(RUN_RESULTS_LEFT)}1:${columnName(RUN_RESULTS_LEFT + resultsWidth - 1)}${lastResult}`;
  const laid = (date1904: boolean) => historySheet({ runs: [record], results }, date1904);
  const sheetOf = (context: Excel.RequestContext) =>
    context.workbook.worksheets.getItem(place.sheet);
  return {
    async stage(build) {
      const sheet = sheetOf(build.context);
      const [runs, runResults] = laid(build.date1904).tables.map(({ table }) => table);
      // A stopped run's rows further down than this run's go; the rest it writes over. (A stopped
      // run's KpiRuns line is on this run's row: runs are numbered from KpiRuns.)
      if (place.usedRows > lastResult)
        sheet
          .getRangeByIndexes(
            lastResult,
            RUN_RESULTS_LEFT,
            place.usedRows - lastResult,
            resultsWidth
          )
          .clear();
      // Number formats first, so text that looks like a formula or a number stays exactly as written.
      formatColumns(sheet, runs, 0, runRow, runRow);
      formatColumns(sheet, runResults, RUN_RESULTS_LEFT, firstResult, lastResult);
      await writeCells(build, sheet, cells(bodyRows(runResults)), firstResult, RUN_RESULTS_LEFT);
      await writeCells(build, sheet, cells(bodyRows(runs)), runRow, 0);
    },
    apply(context) {
      const sheet = sheetOf(context);
      sheet.tables.getItem(place.resultsTable).resize(resultsRange);
      // Status colours over the whole grown column, laid again (the old rules are cleared first),
      // before the commit: should Excel stop in between, the next run appends and lays them again.
      writeHighlights(sheet, laid(false).tables[1].table, RUN_RESULTS_LEFT, 2, lastResult, true);
      // The commit: from here on KpiRuns lists the run.
      sheet.tables.getItem(place.runsTable).resize(runsRange);
    },
    verify(context) {
      const ranges = [
        { name: place.runsTable, expected: runsRange },
        { name: place.resultsTable, expected: resultsRange },
      ].map(({ name, expected }) => {
        const range = sheetOf(context).tables.getItem(name).getRange();
        range.load("address");
        return { name, expected, range };
      });
      return () => {
        for (const { name, expected, range } of ranges) {
          const address = range.address.slice(range.address.lastIndexOf("!") + 1);
          if (address !== expected) return `${name} covers ${address}, not ${expected}`;
        }
        return undefined;
      };
    },
    undo(context) {
      const sheet = sheetOf(context);
      sheet.getRangeByIndexes(runRow - 1, 0, 1, runsWidth).clear();
      sheet
        .getRangeByIndexes(
          firstResult - 1,
          RUN_RESULTS_LEFT,
          lastResult - firstResult + 1,
          resultsWidth
        )
        .clear();
    },
  };
}

function cells(rows: readonly (readonly CellValue[])[]): (string | number | boolean)[][] {
  return rows.map((row) => row.map(writableValue));
}
