import path from "path";
import JSZip from "jszip";
import type { ResultsSheet } from "../sheet";
import type { OutputPlan } from "./output-file";
import { MAIN, REL } from "./results-sheet-xml";
import { openPackage, WORKBOOK_CONTENT } from "./xlsx-package";
import { writeResultsWorkbook } from "./xlsx-write";

/**
 * The portfolio workbook (SPEC §8): a workbook with no sheet of its own, to which the results
 * sheet's writer adds the portfolio's sheet — the same cells, formats, highlighting, widths,
 * ownership mark and safe replacement as every `KPI Rewards` sheet.
 */

const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** The smallest package the writer can open: content types, the workbook part, its relationships. */
async function emptyWorkbook(extension: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `${XML}<Types xmlns="${CONTENT_TYPES}">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${WORKBOOK_CONTENT[extension]}"/></Types>`
  );
  zip.file(
    "_rels/.rels",
    `${XML}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets/></workbook>`
  );
  zip.file("xl/_rels/workbook.xml.rels", `${XML}<Relationships xmlns="${PACKAGE_REL}"/>`);
  return zip.generateAsync({ type: "nodebuffer" });
}

/** Writes the portfolio's sheet as a new workbook at the planned file. */
export async function writePortfolioWorkbook(plan: OutputPlan, sheet: ResultsSheet): Promise<void> {
  const extension = path.extname(plan.path).toLowerCase();
  const pkg = await openPackage(await emptyWorkbook(extension));
  await writeResultsWorkbook(pkg, plan, sheet);
}
