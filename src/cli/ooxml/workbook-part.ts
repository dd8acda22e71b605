import * as M from "../messages";
import { PackageError } from "./package-error";
import { readPart } from "./part-reader";
import { readRelationships, relationshipsPart, type Relationship } from "./relationships";
import type { ZipArchive } from "./zip-archive";

/** A sheet as `xl/workbook.xml` lists it, in the workbook's tab order. */
export interface SheetEntry {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden`: hidden sheets are read like any other. */
  readonly state: string;
  readonly relationship: Relationship;
}

export interface WorkbookPart {
  readonly part: string;
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
  readonly relationships: Map<string, Relationship>;
}

/**
 * The workbook part, found through the package's own relationships (its name is not always
 * xl/workbook.xml): sheet names and order come from here, never from part names or zip order.
 */
export async function readWorkbookPart(archive: ZipArchive): Promise<WorkbookPart> {
  const root = await readRelationships(archive, "");
  const office = [...root.values()].find((r) => r.type === "officeDocument" && !r.external);
  const part = office?.part ?? "xl/workbook.xml";
  if (!archive.has(part)) throw new PackageError(M.workbookPartMissing(office ? part : undefined));
  const relationships = await readRelationships(archive, part);
  const listed: { name: string; state: string; id: string }[] = [];
  let date1904 = false;
  await readPart(archive, part, {
    open(name, attributes) {
      if (name === "workbookPr") date1904 = isTrue(attributes.date1904);
      else if (name === "sheet")
        listed.push({
          name: attributes.name ?? "",
          state: attributes.state ?? "visible",
          id: attributes.id ?? "",
        });
    },
    close() {},
    text() {},
  });
  const sheets = listed.map((sheet) => {
    const relationship = relationships.get(sheet.id);
    if (!relationship || relationship.external)
      throw new PackageError(
        M.sheetRelationshipMissing(sheet.name, part, sheet.id, relationshipsPart(part))
      );
    return { name: sheet.name, state: sheet.state, relationship };
  });
  return { part, sheets, date1904, relationships };
}

/** xsd:boolean, as OOXML writes it: `true` or `1` (LibreOffice writes `true`, Excel `1`). */
export function isTrue(value: string | undefined): boolean {
  const v = (value ?? "").trim().toLowerCase();
  return v === "1" || v === "true";
}
