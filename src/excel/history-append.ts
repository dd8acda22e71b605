import {
  columnName,
  RUN_RESULTS_HEADER,
  type RunRecord,
  type RunTargetRecord,
  RUNS_HEADER,
} from "../engine";
import { historySheet, type HistorySheet, RUN_RESULTS_LEFT } from "../sheet";
import type { HistoryPlace } from "./history-place";
import type { SwapCommit } from "./swap";
import { bodyValues, formatColumns, writeCells, writeHighlights } from "./write";

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
 * KpiRunResults rows go under that table. They belong to no run KpiRuns lists, so they count for
 * nothing yet — even when Excel's AutoExpand takes them into the table, as it does for values written
 * on the row under a table. Committed in the request that deletes the old results sheet: KpiRunResults
 * is resized over exactly the new rows, then the run's KpiRuns line is written and KpiRuns resized
 * over it — from that line on the run is recorded. A failure before the commit rolls back: the staged
 * rows are cleared and KpiRunResults given its old range again (best effort: leftovers count for
 * nothing and the next run writes over them); a failure after rolls forward and runs the commit
 * again, which gives the same cells and tables however often it runs. Table.resize needs ExcelApi
 * 1.13: an older host has the history written whole (read.ts decides).
 */
export function historyAppendCommit(append: HistoryAppend): SwapCommit {
  const { place, record, results } = append;
  const runsWidth = RUNS_HEADER.length;
  const resultsWidth = RUN_RESULTS_HEADER.length;
  // 1-based sheet rows: the header is row 1.
  const runRow = place.runRows + 2;
  const firstResult = place.resultRows + 2;
  const lastResult = place.resultRows + 1 + Math.max(1, results.length);
  const [firstColumn, lastColumn] = [RUN_RESULTS_LEFT, RUN_RESULTS_LEFT + resultsWidth - 1].map(
    columnName
  );
  const resultsColumns = (bottom: number) => `${firstColumn}1:${lastColumn}${bottom}`;
  const runsRange = `A1:${columnName(runsWidth - 1)}${runRow}`;
  const resultsRange = resultsColumns(lastResult);
  const sheetOf = (context: Excel.RequestContext) =>
    context.workbook.worksheets.getItem(place.sheet);
  // Laid out once the swap stages, in the workbook's date system (it always stages before it commits).
  let laid: HistorySheet | undefined;
  return {
    async stage(build) {
      laid = historySheet({ runs: [record], results }, build.date1904);
      const sheet = sheetOf(build.context);
      const runResults = laid.tables[1].table;
      // A stopped run's rows further down than this run's go; the rest it writes over.
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
      formatColumns(sheet, runResults, RUN_RESULTS_LEFT, firstResult, lastResult);
      await writeCells(build, sheet, bodyValues(runResults), firstResult, RUN_RESULTS_LEFT);
    },
    apply(context) {
      const sheet = sheetOf(context);
      sheet.tables.getItem(place.resultsTable).resize(resultsRange);
      // Status colours over the whole grown column, laid again before the commit: should Excel stop in
      // between, the next run appends and lays them again. They are the only rules on the results'
      // columns, and all of them go first, whatever rows they cover: a stopped run with more targets
      // may have laid its own further down.
      sheet.getRange(`${firstColumn}:${lastColumn}`).conditionalFormats.clearAll();
      writeHighlights(sheet, laid!.tables[1].table, RUN_RESULTS_LEFT, 2, lastResult);
      // The commit: the run's line in KpiRuns (a small write, dates in the workbook's system).
      const runs = laid!.tables[0].table;
      formatColumns(sheet, runs, 0, runRow, runRow);
      sheet.getRange(`A${runRow}:${columnName(runsWidth - 1)}${runRow}`).values = bodyValues(runs);
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
      // AutoExpand may have taken the staged rows in: the table as it was read, first (should
      // clearing fail, the rows at least stay outside it).
      sheet.tables.getItem(place.resultsTable).resize(resultsColumns(place.resultsTableRows + 1));
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
