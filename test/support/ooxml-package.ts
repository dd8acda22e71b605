import JSZip from "jszip";

/**
 * Hand-built .xlsx packages, part by part, as Excel and other producers write them: tests and the corpus
 * script control every attribute, part name and zip entry order.
 */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface PackageSheet {
  readonly name: string;
  /** The inside of `<sheetData>`: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>…`. */
  readonly rows: string;
  readonly state?: "hidden" | "veryHidden";
  /** Table parts' XML, each becoming xl/tables/tableN.xml with a relationship from the sheet. */
  readonly tables?: readonly string[];
  /** Replaces the whole worksheet part. */
  readonly xml?: string;
}

export interface PackageOptions {
  readonly sheets: readonly PackageSheet[];
  readonly sharedStrings?: readonly string[];
  /** The `workbookPr date1904` attribute as written, e.g. "1" or "true". */
  readonly date1904?: string;
  /** Worksheet part names: `xl/worksheets/sheet${i + 1}.xml` unless given. */
  readonly sheetPart?: (index: number) => string;
}

/** Escapes text for XML content and attribute values. */
export function xmlText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** An inline-string cell. */
export function inlineCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`;
}

/** A number cell. */
export function numberCell(ref: string, value: number): string {
  return `<c r="${ref}"><v>${value}</v></c>`;
}

/** A row of cells from values: strings inline, numbers as numbers, null skipped. */
export function row(index: number, values: readonly (string | number | null)[]): string {
  const cells = values
    .map((value, i) => {
      const ref = `${String.fromCharCode(65 + i)}${index}`;
      if (value === null) return "";
      return typeof value === "number" ? numberCell(ref, value) : inlineCell(ref, value);
    })
    .join("");
  return `<row r="${index}">${cells}</row>`;
}

/** A table part as Excel writes it. */
export function tableXml(
  id: number,
  name: string,
  ref: string,
  columns: readonly string[],
  extra = ""
): string {
  const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${xmlText(c)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<table xmlns="${MAIN_NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}"${extra}><autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

export function worksheetXml(rows: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** The parts of a package, by name. */
export function packageParts(options: PackageOptions): Record<string, string> {
  const parts: Record<string, string> = {};
  const sheetPart = options.sheetPart ?? ((i: number) => `xl/worksheets/sheet${i + 1}.xml`);
  const overrides: string[] = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
  ];
  const workbookRels: string[] = [];
  const sheetEntries: string[] = [];
  let tableId = 0;
  options.sheets.forEach((sheet, i) => {
    const part = sheetPart(i);
    const local = part.replace(/^xl\//, "");
    workbookRels.push(
      `<Relationship Id="rId${i + 1}" Type="${TYPE}/worksheet" Target="${local}"/>`
    );
    sheetEntries.push(
      `<sheet name="${xmlText(sheet.name)}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rId${i + 1}"/>`
    );
    overrides.push(
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    );
    const tables = sheet.tables ?? [];
    const tableParts = tables.length
      ? `<tableParts count="${tables.length}">${tables.map((_, t) => `<tablePart r:id="rIdT${t + 1}"/>`).join("")}</tableParts>`
      : "";
    parts[part] = sheet.xml ?? worksheetXml(sheet.rows, tableParts);
    if (tables.length) {
      const rels = tables.map((xml, t) => {
        tableId++;
        parts[`xl/tables/table${tableId}.xml`] = xml;
        overrides.push(
          `<Override PartName="/xl/tables/table${tableId}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`
        );
        return `<Relationship Id="rIdT${t + 1}" Type="${TYPE}/table" Target="../tables/table${tableId}.xml"/>`;
      });
      const slash = part.lastIndexOf("/");
      parts[`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`] =
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${rels.join("")}</Relationships>`;
    }
  });
  if (options.sharedStrings) {
    const n = options.sheets.length + 1;
    workbookRels.push(
      `<Relationship Id="rId${n}" Type="${TYPE}/sharedStrings" Target="sharedStrings.xml"/>`
    );
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
    );
    parts["xl/sharedStrings.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${options.sharedStrings.length}" uniqueCount="${options.sharedStrings.length}">` +
      options.sharedStrings
        .map((s) =>
          s.startsWith("<") ? `<si>${s}</si>` : `<si><t xml:space="preserve">${xmlText(s)}</t></si>`
        )
        .join("") +
      `</sst>`;
  }
  parts["[Content_Types].xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`;
  parts["_rels/.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${options.date1904 !== undefined ? ` date1904="${options.date1904}"` : ""}/><bookViews><workbookView/></bookViews><sheets>${sheetEntries.join("")}</sheets></workbook>`;
  parts["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${workbookRels.join("")}</Relationships>`;
  return parts;
}

/** Zips parts in the given entry order (default: as listed), deflated, with fixed dates. */
export async function zipParts(
  parts: Record<string, string | Buffer>,
  order: readonly string[] = Object.keys(parts)
): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2024, 0, 1));
  for (const name of order) zip.file(name, parts[name], { date });
  for (const name of Object.keys(parts))
    if (!order.includes(name)) zip.file(name, parts[name], { date });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A package's bytes from options, with an optional entry order. */
export async function buildPackage(
  options: PackageOptions,
  order?: readonly string[]
): Promise<Buffer> {
  return zipParts(packageParts(options), order);
}
