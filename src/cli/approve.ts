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
import { putPart } from "./deflated-part";
import { deflateSegment, inflateSegment, putSegmentedPart, type Segment } from "./segmented-part";
import { storedHistory } from "./workbook-history";
import {
  isDate1904,
  openPackage,
  sheetOwner,
  sheetPartOf,
  type WorkbookPackage,
} from "./xlsx-package";
import { InputError, readXlsx } from "./xlsx-read";
import { type CellEdit, setWorksheetCells, WorksheetEditError } from "./worksheet-cells";
import * as M from "./messages";

/**
 * `kpi-rewards approve`: writes `Approved by` and `Approved at` on one run of the workbook's
 * `KPI History` (SPEC §9), in place. Only those two cells change: the history sheet's part is edited
 * as text (only its first segment when this tool wrote it in segments) and every other entry of the
 * package is carried over as it was.
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

/** The two approval cells of the run at `where`, as edits of the history sheet's XML. */
function approvalEdits(where: RunRow, by: string, at: number): CellEdit[] {
  return [
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
  ];
}

function edited(xml: string, edits: readonly CellEdit[]): string {
  try {
    return setWorksheetCells(xml, edits);
  } catch (error) {
    if (error instanceof WorksheetEditError)
      throw new InputError(M.historyNotEditable(HISTORY_SHEET, error.message));
    throw error;
  }
}

function packaged(pkg: WorkbookPackage): Promise<Buffer> {
  // Entries not touched keep their compressed bytes: JSZip reuses them when the method matches.
  return pkg.zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
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
  if (!file) throw new InputError(M.missingHistoryPart(part, HISTORY_SHEET));
  putPart(pkg.zip, part, edited(await file.async("string"), approvalEdits(where, by, at)));
  return packaged(pkg);
}

/**
 * The package's bytes with the run approved in a history sheet stored in segments: KpiRuns lies in the
 * first segment, so only that segment is inflated, edited and deflated again; the others keep their
 * compressed bytes.
 */
async function approvedSegments(
  pkg: WorkbookPackage,
  part: string,
  segments: readonly Segment[],
  where: RunRow,
  by: string,
  at: number
): Promise<Buffer> {
  const [first, ...rest] = segments;
  const close = "</sheetData>";
  const text = edited(
    `${inflateSegment(first).toString("utf8")}${close}`,
    approvalEdits(where, by, at)
  ).slice(0, -close.length);
  putSegmentedPart(pkg.zip, part, {
    segments: [deflateSegment(first.tag, Buffer.from(text, "utf8")), ...rest],
  });
  return packaged(pkg);
}

/**
 * Approves run `run` (default the last) of the workbook `bytes` by `by` at `now`; returns the new
 * package and what was approved. Refusals are ApprovalError or InputError, one line each. Only
 * `KPI History` is read: its first segment when this tool wrote it in segments, else its cells.
 */
export async function approve(
  bytes: Buffer,
  by: string,
  run: number | undefined,
  now: Date
): Promise<{ bytes: Buffer; approval: Approval }> {
  const pkg = await openPackage(bytes);
  const owner = sheetOwner(pkg, HISTORY_SHEET);
  if (owner.kind === "foreign") throw new ApprovalError(M.foreignHistory(owner.name));
  const date1904 = isDate1904(pkg.workbook);
  const at = workbookSerial(localTimeSerial(now), date1904);
  const stored = await storedHistory(pkg);
  const part = sheetPartOf(pkg, HISTORY_SHEET);
  if (stored.kind === "segmented" && part) {
    const chosen = runToApprove({ runs: stored.runs, results: [] }, run);
    if (!chosen.ok) throw new ApprovalError(chosen.message);
    // KpiRuns as this tool writes it: headed on row 1, a row per run from row 2, from column A.
    const where = {
      row: 2 + stored.runs.indexOf(chosen.value),
      evaluatedAt: RUNS_HEADER.indexOf("Evaluated at"),
      approvedBy: RUNS_HEADER.indexOf("Approved by"),
      approvedAt: RUNS_HEADER.indexOf("Approved at"),
    };
    const segments = stored.sheet.segments;
    return {
      bytes: await approvedSegments(pkg, part, segments, where, by, at),
      approval: { run: chosen.value, by, at },
    };
  }
  const workbook =
    owner.kind === "ours"
      ? await readXlsx(bytes, (sheet) => !sameSheetName(sheet, HISTORY_SHEET))
      : undefined;
  const sheet = workbook?.sheets.find((s) => sameSheetName(s.name, HISTORY_SHEET));
  const history = sheet ? readRunHistory(sheet.values, date1904) : { runs: [], results: [] };
  const chosen = runToApprove(history, run);
  if (!chosen.ok) throw new ApprovalError(chosen.message);
  const where = sheet && runRowOf(sheet.values, sheet.top ?? 0, chosen.value.run);
  if (!part || !where) throw new ApprovalError(M.noRunToApprove(chosen.value.run));
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
