import JSZip from "jszip";
import {
  ATTAINMENT_BAR_COLOUR,
  ATTAINMENT_BAR_RANGE,
  bodyRows,
  cellAddress,
  columnName,
  DATE_1904_OFFSET,
  NUMBER_FORMATS,
  OWNER_NAME,
  RESULTS_SHEET,
  HIGHLIGHT_LABELS,
  STATUS_COLOURS,
  type CellValue,
  type ColumnFormat,
  type OutputTable,
  type ResultsSheet,
} from "../engine";

/**
 * Adds (or replaces) the `KPI Rewards` sheet inside an existing .xlsx package. Every other part of the
 * package — the user's sheets, charts, pivot tables, macros — is copied byte for byte; only the
 * workbook's sheet list, relationships, content types, defined names and styles get entries added.
 * Nothing else is parsed, so a large workbook costs little more than its zip.
 */

export class ForeignSheetError extends Error {}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const WORKSHEET_TYPE = `${REL}/worksheet`;
const TABLE_TYPE = `${REL}/table`;
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TABLE_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const BUILT_IN_FORMATS: Record<string, number> = { "@": 49, "0": 1, "#,##0.00": 4 };

// XML 1.0 cannot hold these control characters at all.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(NOT_XML, "");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function attribute(element: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(element);
  return match ? unescapeXml(match[1]) : undefined;
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async("string");
}

/** `xl/worksheets/sheet1.xml` from a relationship target seen from `xl/`. */
function partPath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").filter(Boolean);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** The styles the results sheet needs, added to the workbook's own styles.xml (reused when present). */
class Styles {
  private xml: string;

  constructor(xml: string | undefined) {
    this.xml =
      xml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;
  }

  get result(): string {
    return this.xml;
  }

  /** Appends `item` to the list element `name` unless an identical one is there; returns its index. */
  private entry(name: string, child: string, item: string, insertBefore: string[]): number {
    const open = new RegExp(`<${name}(\\s[^>]*?)?(/>|>)`).exec(this.xml);
    if (!open) {
      const at = insertBefore.map((tag) => this.xml.indexOf(`<${tag}`)).filter((i) => i >= 0);
      const position = at.length ? Math.min(...at) : this.xml.lastIndexOf("</styleSheet>");
      this.xml = `${this.xml.slice(0, position)}<${name} count="1">${item}</${name}>${this.xml.slice(position)}`;
      return 0;
    }
    if (open[2] === "/>") {
      this.xml = `${this.xml.slice(0, open.index)}<${name} count="1">${item}</${name}>${this.xml.slice(open.index + open[0].length)}`;
      return 0;
    }
    const start = open.index + open[0].length;
    const end = this.xml.indexOf(`</${name}>`, start);
    const body = this.xml.slice(start, end);
    const children: string[] =
      body.match(new RegExp(`<${child}\\b[^>]*?/>|<${child}\\b[^>]*>[\\s\\S]*?</${child}>`, "g")) ??
      [];
    const existing = children.indexOf(item);
    if (existing >= 0) return existing;
    const opening = open[0].replace(/count="\d+"/, `count="${children.length + 1}"`);
    this.xml = `${this.xml.slice(0, open.index)}${opening.includes("count=") ? opening : opening.replace(`<${name}`, `<${name} count="${children.length + 1}"`)}${body}${item}${this.xml.slice(end)}`;
    return children.length;
  }

  numberFormat(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const existing = new RegExp(
      `<numFmt numFmtId="(\\d+)" formatCode="${escapeXml(code).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"/>`
    ).exec(this.xml);
    if (existing) return Number(existing[1]);
    const ids = [...this.xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    const id = Math.max(163, ...ids) + 1;
    this.entry("numFmts", "numFmt", `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`, [
      "fonts",
    ]);
    return id;
  }

  cellFormat(format: ColumnFormat | "title"): number {
    const fontId =
      format === "title"
        ? this.entry("fonts", "font", '<font><b/><sz val="14"/><name val="Calibri"/></font>', [
            "fills",
          ])
        : 0;
    const numFmtId = format === "title" ? 49 : this.numberFormat(NUMBER_FORMATS[format]);
    const apply =
      format === "title" ? ' applyFont="1" applyNumberFormat="1"' : ' applyNumberFormat="1"';
    return this.entry(
      "cellXfs",
      "xf",
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${apply}/>`,
      ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"]
    );
  }

  highlight(fill: string, font: string): number {
    const rgb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
    return this.entry(
      "dxfs",
      "dxf",
      `<dxf><font><color rgb="${rgb(font)}"/></font><fill><patternFill><bgColor rgb="${rgb(fill)}"/></patternFill></fill></dxf>`,
      ["tableStyles", "colors", "extLst"]
    );
  }
}

function cellXml(
  row: number,
  column: number,
  value: CellValue,
  style: number,
  format: ColumnFormat,
  date1904: boolean
): string {
  const ref = cellAddress(row, column);
  if (value === null || value === undefined || typeof value === "object")
    return `<c r="${ref}" s="${style}"/>`;
  if (typeof value === "number") {
    const stored = format === "date" && date1904 ? value - DATE_1904_OFFSET : value;
    return `<c r="${ref}" s="${style}"><v>${stored}</v></c>`;
  }
  if (typeof value === "boolean")
    return `<c r="${ref}" s="${style}" t="b"><v>${value ? 1 : 0}</v></c>`;
  // Inline strings: text stays text (a leading "=" included) and the shared strings part is untouched.
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

interface TablePart {
  name: string;
  ref: string;
  columns: readonly string[];
}

function sheetXml(
  sheet: ResultsSheet,
  styles: Styles,
  date1904: boolean,
  tableRelIds: string[]
): { xml: string; tables: TablePart[] } {
  const rows = new Map<number, string[]>();
  const put = (row: number, xml: string) =>
    (rows.get(row) ?? rows.set(row, []).get(row)!).push(xml);
  const textStyle = styles.cellFormat("text");
  put(0, cellXml(0, 0, sheet.title, styles.cellFormat("title"), "text", date1904));
  put(1, cellXml(1, 0, sheet.summary, textStyle, "text", date1904));
  const formats: string[] = [];
  const tables: TablePart[] = [];
  let priority = 1;
  let lastRow = 1;
  for (const { table, top } of sheet.tables) {
    const body = bodyRows(table);
    const columnStyles = table.formats.map((format) => styles.cellFormat(format));
    table.header.forEach((name, c) => put(top, cellXml(top, c, name, textStyle, "text", date1904)));
    body.forEach((values, r) =>
      values.forEach((value, c) =>
        put(
          top + 1 + r,
          cellXml(top + 1 + r, c, value, columnStyles[c], table.formats[c], date1904)
        )
      )
    );
    const bottom = top + body.length;
    lastRow = Math.max(lastRow, bottom);
    tables.push({
      name: table.name,
      ref: `A${top + 1}:${columnName(table.header.length - 1)}${bottom + 1}`,
      columns: table.header,
    });
    formats.push(...highlightXml(table, top + 1, bottom, styles, () => priority++));
  }
  const rowXml = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => `<row r="${r + 1}">${rows.get(r)!.join("")}</row>`)
    .join("");
  const widths = [20, 20, 20, 12, 12, 13, 13, 13, 11, 11, 16, 13, 100];
  const cols = widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:M${lastRow + 1}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<cols>${cols}</cols><sheetData>${rowXml}</sheetData>${formats.join("")}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts></worksheet>`;
  return { xml, tables };
}

function highlightXml(
  table: OutputTable,
  firstRow: number,
  lastRow: number,
  styles: Styles,
  priority: () => number
): string[] {
  return table.highlights.map(({ column, highlight }) => {
    const letter = columnName(column);
    const sqref = `${letter}${firstRow + 1}:${letter}${lastRow + 1}`;
    if (highlight === "attainment") {
      const colour = `FF${ATTAINMENT_BAR_COLOUR.replace("#", "")}`;
      return `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="${priority()}"><dataBar><cfvo type="num" val="${ATTAINMENT_BAR_RANGE[0]}"/><cfvo type="num" val="${ATTAINMENT_BAR_RANGE[1]}"/><color rgb="${colour}"/></dataBar></cfRule></conditionalFormatting>`;
    }
    const labels = HIGHLIGHT_LABELS[highlight];
    const rules = labels.map((label) => {
      const dxf = styles.highlight(STATUS_COLOURS[label].fill, STATUS_COLOURS[label].font);
      return `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority()}" operator="equal"><formula>"${escapeXml(label)}"</formula></cfRule>`;
    });
    return `<conditionalFormatting sqref="${sqref}">${rules.join("")}</conditionalFormatting>`;
  });
}

function tableXml(part: TablePart, id: number): string {
  const columns = part.columns
    .map((name, i) => `<tableColumn id="${i + 1}" name="${escapeXml(name)}"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${MAIN}" id="${id}" name="${part.name}" displayName="${part.name}" ref="${part.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${part.ref}"/><tableColumns count="${part.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** The workbook's date system, from workbook.xml. */
export function isDate1904(workbookXml: string): boolean {
  const pr = /<workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
  const value = attribute(pr, "date1904");
  return value === "1" || value === "true";
}

/** Returns the package with the results sheet added or replaced. */
export async function addResultsSheet(input: Buffer, sheet: ResultsSheet): Promise<Buffer> {
  const zip = await JSZip.loadAsync(input);
  let workbook = (await text(zip, "xl/workbook.xml")) ?? "";
  let workbookRels = (await text(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  let contentTypes = (await text(zip, "[Content_Types].xml")) ?? "";
  if (!workbook || !workbookRels || !contentTypes)
    throw new Error("the workbook package has no xl/workbook.xml");
  const date1904 = isDate1904(workbook);

  const sheets = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
  const existing = sheets.find((s) => attribute(s, "name") === RESULTS_SHEET);
  const owner = [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].find(
    (m) => attribute(m[0], "name") === OWNER_NAME
  );
  if (
    existing &&
    !(owner && unescapeXml(owner[2]).replace(/'/g, "").startsWith(`${RESULTS_SHEET}!`))
  ) {
    throw new ForeignSheetError(
      `has a sheet named "${RESULTS_SHEET}" that kpi-rewards did not create; rename or delete it — nothing was written`
    );
  }

  const relations = [...workbookRels.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => m[0]);
  let sheetPath: string;
  if (existing) {
    // Replace in place: same position, sheetId and relationship, so nothing else in the workbook shifts.
    const relId = attribute(existing, "r:id");
    const relation = relations.find((r) => attribute(r, "Id") === relId);
    sheetPath = partPath("xl", attribute(relation ?? "", "Target") ?? "");
    const oldRels = await text(zip, relsPath(sheetPath));
    for (const rel of oldRels?.matchAll(/<Relationship\b[^>]*\/>/g) ?? []) {
      if (attribute(rel[0], "Type") !== TABLE_TYPE) continue;
      const table = partPath(
        sheetPath.slice(0, sheetPath.lastIndexOf("/")),
        attribute(rel[0], "Target") ?? ""
      );
      zip.remove(table);
      contentTypes = contentTypes.replace(
        new RegExp(`<Override PartName="/${table.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`),
        ""
      );
    }
  } else {
    let n = 1;
    while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
    sheetPath = `xl/worksheets/sheet${n}.xml`;
    const ids = new Set(relations.map((r) => attribute(r, "Id")));
    let relNumber = relations.length + 1;
    while (ids.has(`rId${relNumber}`)) relNumber++;
    const sheetId = Math.max(0, ...sheets.map((s) => Number(attribute(s, "sheetId") ?? 0))) + 1;
    workbook = workbook.replace(
      "</sheets>",
      `<sheet name="${escapeXml(RESULTS_SHEET)}" sheetId="${sheetId}" r:id="rId${relNumber}"/></sheets>`
    );
    if (!/xmlns:r=/.test(workbook.slice(0, workbook.indexOf(">", workbook.indexOf("<workbook"))))) {
      workbook = workbook.replace("<workbook ", `<workbook xmlns:r="${REL}" `);
    }
    workbookRels = workbookRels.replace(
      "</Relationships>",
      `<Relationship Id="rId${relNumber}" Type="${WORKSHEET_TYPE}" Target="${sheetPath.slice("xl/".length)}"/></Relationships>`
    );
    contentTypes = contentTypes.replace(
      "</Types>",
      `<Override PartName="/${sheetPath}" ContentType="${WORKSHEET_CONTENT}"/></Types>`
    );
  }

  // Tables: ids and part names unused by any other table in the package.
  const tableFiles = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
  const tableIds = await Promise.all(
    tableFiles.map(async (f) =>
      Number(attribute((/<table\b[^>]*>/.exec((await text(zip, f)) ?? "") ?? [""])[0], "id") ?? 0)
    )
  );
  let nextTableId = Math.max(0, ...tableIds) + 1;
  let nextTableFile = 1;
  const originalStyles = await text(zip, "xl/styles.xml");
  const styles = new Styles(originalStyles);
  const relIds = sheet.tables.map((_, i) => `rId${i + 1}`);
  const { xml, tables } = sheetXml(sheet, styles, date1904, relIds);
  const sheetRels: string[] = [];
  tables.forEach((table, i) => {
    while (zip.file(`xl/tables/table${nextTableFile}.xml`)) nextTableFile++;
    const path = `xl/tables/table${nextTableFile}.xml`;
    zip.file(path, tableXml(table, nextTableId++));
    contentTypes = contentTypes.replace(
      "</Types>",
      `<Override PartName="/${path}" ContentType="${TABLE_CONTENT}"/></Types>`
    );
    sheetRels.push(
      `<Relationship Id="${relIds[i]}" Type="${TABLE_TYPE}" Target="../tables/${path.slice("xl/tables/".length)}"/>`
    );
  });
  zip.file(sheetPath, xml);
  zip.file(
    relsPath(sheetPath),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL}">${sheetRels.join("")}</Relationships>`
  );
  zip.file("xl/styles.xml", styles.result);
  if (originalStyles === undefined) {
    workbookRels = workbookRels.replace(
      "</Relationships>",
      `<Relationship Id="rIdKpiStyles" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
    );
    if (!/\/xl\/styles\.xml/.test(contentTypes)) {
      contentTypes = contentTypes.replace(
        "</Types>",
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
      );
    }
  }

  // The ownership name, pointing at the results sheet's first cell.
  const name = `<definedName name="${OWNER_NAME}">'${escapeXml(RESULTS_SHEET)}'!$A$1</definedName>`;
  if (owner) workbook = workbook.replace(owner[0], name);
  else if (workbook.includes("</definedNames>"))
    workbook = workbook.replace("</definedNames>", `${name}</definedNames>`);
  else {
    // definedNames follows sheets (and externalReferences, when there are any) in the schema's order.
    const after = workbook.includes("</externalReferences>")
      ? "</externalReferences>"
      : "</sheets>";
    workbook = workbook.replace(after, `${after}<definedNames>${name}</definedNames>`);
  }

  zip.file("xl/workbook.xml", workbook);
  zip.file("xl/_rels/workbook.xml.rels", workbookRels);
  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}
