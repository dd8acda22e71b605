import {
  cellText,
  headerKey,
  localTimeSerial,
  readRunHistory,
  RUNS_HEADER,
  runToApprove,
  type Grid,
  type RunRecord,
} from "../engine";
import {
  formatIsoDate,
  formatTimestamp,
  HISTORY_SHEET,
  sameSheetName,
  workbookSerial,
} from "../sheet";
import { writeOutput, type OutputPlan } from "./output-file";
import { escapeXml } from "./results-sheet-xml";
import { openPackage, sheetOwner, sheetPartOf, type WorkbookPackage } from "./xlsx-package";
import { InputError, readXlsx } from "./xlsx-read";
import { setWorksheetCells, WorksheetEditError } from "./worksheet-cells";

/**
 * `kpi-rewards approve`: writes `Approved by` and `Approved at` on one run of the workbook's
 * `KPI History` (SPEC §9), in place. Only those two cells change: the history sheet's part is edited
 * as text and every other entry of the package is carried over as it was.
 */

/** Why a run cannot be approved: one line for the user, exit status 2. */
export class ApprovalError extends Error {}

export interface Approval {
  readonly run: RunRecord;
  readonly by: string;
  /** Date-time serial in the workbook's own date system, as written. */
  readonly at: number;
}

/** Where a run's row and the KpiRuns columns are on the sheet: 1-based row, 0-based columns. */
interface RunRow {
  readonly row: number;
  readonly approvedBy: number;
  readonly approvedAt: number;
  readonly evaluatedAt: number;
}

/** The run's row in the `KpiRuns` table of the history sheet's grid, found as readRunHistory finds it. */
export function runRowOf(values: Grid, top: number, run: number): RunRow | undefined {
  const keys = RUNS_HEADER.map((name) => headerKey(name));
  for (let r = 0; r < values.length; r++) {
    const row = (values[r] ?? []).map((cell) => headerKey(cellText(cell)));
    const columns = keys.map((key) => row.indexOf(key));
    if (columns.some((c) => c < 0)) continue;
    for (let d = r + 1; d < values.length; d++) {
      const data = values[d] ?? [];
      if (columns.every((c) => data[c] === null || data[c] === undefined || data[c] === ""))
        return undefined;
      if (data[columns[0]] === run)
        return {
          row: top + d + 1,
          evaluatedAt: columns[2],
          approvedBy: columns[10],
          approvedAt: columns[11],
        };
    }
    return undefined;
  }
  return undefined;
}

/** The package's bytes with the run approved: the history sheet's part edited, every other entry as it was. */
export async function approvedPackage(
  pkg: WorkbookPackage,
  part: string,
  where: RunRow,
  by: string,
  at: number
): Promise<Buffer> {
  const file = pkg.zip.file(part);
  if (!file) throw new InputError(`is missing the part ${part} of its ${HISTORY_SHEET} sheet`);
  const xml = await file.async("string");
  let edited: string;
  try {
    edited = setWorksheetCells(xml, [
      {
        row: where.row,
        column: where.approvedBy,
        cell: (ref, style) =>
          `<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t xml:space="preserve">${escapeXml(by)}</t></is></c>`,
      },
      {
        row: where.row,
        column: where.approvedAt,
        // A blank cell we wrote carries the date-time format already; else take Evaluated at's.
        cell: (ref, style, styleOf) => {
          const s = style ?? styleOf(where.evaluatedAt);
          return `<c r="${ref}"${s ? ` s="${s}"` : ""}><v>${at}</v></c>`;
        },
      },
    ]);
  } catch (error) {
    if (error instanceof WorksheetEditError)
      throw new InputError(`its ${HISTORY_SHEET} sheet cannot be edited: ${error.message}`);
    throw error;
  }
  pkg.zip.file(part, edited);
  // Entries not touched keep their compressed bytes: JSZip reuses them when the method matches.
  return pkg.zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

/**
 * Approves run `run` (default the last) of the workbook `bytes` by `by` at `now`; returns the new
 * package and what was approved. Refusals are ApprovalError or InputError, one line each.
 */
export async function approve(
  bytes: Buffer,
  by: string,
  run: number | undefined,
  now: Date
): Promise<{ bytes: Buffer; approval: Approval }> {
  const pkg = await openPackage(bytes);
  const owner = sheetOwner(pkg, HISTORY_SHEET);
  if (owner.kind === "foreign")
    throw new ApprovalError(
      `has a sheet named "${owner.name}" that kpi-rewards did not create, so it holds no runs to approve; nothing was written`
    );
  const workbook = await readXlsx(bytes);
  const sheet =
    owner.kind === "ours"
      ? workbook.sheets.find((s) => sameSheetName(s.name, HISTORY_SHEET))
      : undefined;
  const date1904 = workbook.date1904 ?? false;
  const history = sheet ? readRunHistory(sheet.values, date1904) : { runs: [], results: [] };
  const chosen = runToApprove(history, run);
  if (!chosen.ok) throw new ApprovalError(chosen.message);
  const part = sheetPartOf(pkg, HISTORY_SHEET);
  const where = sheet && runRowOf(sheet.values, sheet.top ?? 0, chosen.value.run);
  if (!part || !where) throw new ApprovalError(`has no run ${chosen.value.run} to approve`);
  const at = workbookSerial(localTimeSerial(now), date1904);
  return {
    bytes: await approvedPackage(pkg, part, where, by, at),
    approval: { run: chosen.value, by, at },
  };
}

/** Writes the approved package over the workbook (temporary file, then rename) and says what was done. */
export async function approveWorkbook(
  plan: OutputPlan,
  bytes: Buffer,
  by: string,
  run: number | undefined,
  now: Date
): Promise<string> {
  const approved = await approve(bytes, by, run, now);
  await writeOutput(plan, approved.bytes);
  const { run: record } = approved.approval;
  return `Approved run ${record.run} (as of ${formatIsoDate(record.asOf)}) of ${plan.path} by ${by} at ${formatTimestamp(now)}`;
}
