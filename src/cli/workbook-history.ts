import {
  NO_HISTORY,
  readRunHistory,
  runRecord,
  runTargetRecords,
  type Evaluation,
  type RunHistory,
  type WorkbookGrid,
} from "../engine";
import { HISTORY_SHEET, sameSheetName } from "../sheet";
import { dateTimeSerial } from "./local-time";
import { sheetOwner, type WorkbookPackage } from "./xlsx-package";

/**
 * The runs a workbook holds in its `KPI History` sheet (SPEC §9). A sheet of that name that KPI Rewards
 * did not write holds no runs of ours: it is not read, and writing refuses it.
 */
export function workbookHistory(pkg: WorkbookPackage, workbook: WorkbookGrid): RunHistory {
  if (sheetOwner(pkg, HISTORY_SHEET).kind !== "ours") return NO_HISTORY;
  const sheet = workbook.sheets.find((s) => sameSheetName(s.name, HISTORY_SHEET));
  return sheet ? readRunHistory(sheet.values, workbook.date1904 ?? false) : NO_HISTORY;
}

/**
 * The history to write with the results: the earlier runs as read, with this evaluation's run appended;
 * nothing (the sheet stays as it is) when the evaluation repeats the last run.
 */
export function recordedHistory(
  history: RunHistory,
  evaluation: Evaluation,
  now: Date
): RunHistory | undefined {
  const run = evaluation.run;
  if (!run || run.plan.kind === "repeat") return undefined;
  const number = run.plan.run;
  return {
    runs: [
      ...history.runs,
      runRecord(number, evaluation.asOf, dateTimeSerial(now), run.inputs, evaluation.results),
    ],
    results: [...history.results, ...runTargetRecords(number, evaluation.results)],
  };
}
