import type { Issue, SheetGrid, TableArea, WorkbookGrid } from "../../engine";
import * as M from "../messages";
import { LIMITS, type Limits } from "./limits";
import { PackageError } from "./package-error";
import { readRelationships } from "./relationships";
import { readSharedStrings } from "./shared-strings";
import { readTablePart } from "./table-part";
import { readWorkbookPart } from "./workbook-part";
import { readWorksheetPart, type CellBudget } from "./worksheet-part";
import { ZipArchive } from "./zip-archive";

/**
 * Reads an .xlsx package into the engine's grid, part by part in a fixed order (workbook, shared
 * strings, then each sheet with its tables but those `skip` names), whatever order the zip holds them in. Problems that
 * leave the rest readable come back as issues; a package that cannot be read throws PackageError.
 */
export async function readWorkbookPackage(
  bytes: Buffer,
  limits: Limits = LIMITS,
  skip: (sheet: string) => boolean = () => false
): Promise<WorkbookGrid> {
  const archive = new ZipArchive(bytes, limits.packageBytes);
  const workbook = await readWorkbookPart(archive);
  const shared = [...workbook.relationships.values()].find(
    (r) => r.type === "sharedStrings" && !r.external
  );
  const sharedStrings =
    shared && archive.has(shared.part)
      ? await readSharedStrings(archive, shared.part, limits.sharedStringsBytes)
      : [];
  const issues: Issue[] = [];
  const budget: CellBudget = { used: 0, limit: limits.cells };
  const sheets: SheetGrid[] = [];
  for (const entry of workbook.sheets) {
    // Chart sheets and dialog sheets hold no cells.
    if (entry.relationship.type !== "worksheet" || skip(entry.name)) continue;
    const part = entry.relationship.part;
    if (!archive.has(part))
      throw new PackageError(M.listedSheetMissing(entry.name, workbook.part, part));
    const cells = await readWorksheetPart(
      archive,
      part,
      entry.name,
      sharedStrings,
      workbook.date1904,
      issues,
      budget
    );
    const tables: TableArea[] = [];
    if (cells.tableIds.length > 0) {
      const relationships = await readRelationships(archive, part);
      for (const id of cells.tableIds) {
        const relationship = relationships.get(id);
        const table = await readTablePart(
          archive,
          relationship && !relationship.external ? relationship.part : undefined,
          entry.name,
          issues
        );
        if (table) tables.push(table);
      }
    }
    sheets.push({
      name: entry.name,
      values: cells.values,
      top: cells.top,
      left: 0,
      ...(tables.length > 0 ? { tables } : {}),
    });
  }
  return {
    sheets,
    date1904: workbook.date1904,
    ...(issues.length > 0 ? { issues } : {}),
  };
}
