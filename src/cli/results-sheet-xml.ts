import { cellAddress, type CellValue, columnName } from "../engine";
import {
  ATTAINMENT_BAR_COLOUR,
  ATTAINMENT_BAR_RANGE,
  bodyRows,
  cellLook,
  type ColumnFormat,
  cutToCellLimit,
  HIGHLIGHT_LABELS,
  inDateSystem,
  sheetColours,
  type OutputTable,
  type ResultsSheet,
  type SheetLine,
  wrappedLines,
} from "../sheet";
import type { Styles } from "./styles-part";

/**
 * The parts of the `KPI Rewards` sheet as SpreadsheetML: the worksheet (cells, column widths,
 * conditional formats) and one table part per results table.
 */

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

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

function cellXml(row: number, column: number, value: CellValue, style: number): string {
  const ref = cellAddress(row, column);
  if (value === null || value === undefined || typeof value === "object")
    return `<c r="${ref}" s="${style}"/>`;
  if (typeof value === "number") return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  if (typeof value === "boolean")
    return `<c r="${ref}" s="${style}" t="b"><v>${value ? 1 : 0}</v></c>`;
  // Inline strings: text stays text (a leading "=" included) and the shared strings part is untouched.
  // Excel holds at most 32,767 characters in a cell; the evaluation already carries an issue for any cut.
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cutToCellLimit(value))}</t></is></c>`;
}

/** Points per line of 11-point text, Excel's default row height. */
const LINE_HEIGHT = 15;

export interface TablePart {
  name: string;
  ref: string;
  columns: readonly string[];
}

/**
 * The worksheet part, its dates in the workbook's date system. `tableNames` are the names the tables get in this workbook (ours, suffixed
 * where the user's names already hold them); `tableRelIds` the relationships to their parts.
 */
export function sheetXml(
  laid: ResultsSheet,
  styles: Styles,
  date1904: boolean,
  tableNames: readonly string[],
  tableRelIds: readonly string[]
): { xml: string; tables: TablePart[] } {
  const sheet = inDateSystem(laid, date1904);
  const rows = new Map<number, string[]>();
  const put = (row: number, xml: string) =>
    (rows.get(row) ?? rows.set(row, []).get(row)!).push(xml);
  const textStyle = styles.cellFormat("text");
  const lineStyle = (line: SheetLine, format: ColumnFormat, column: number): number =>
    styles.cellFormat(format, cellLook(line.emphasis, column));
  for (const line of sheet.lines)
    line.values.forEach((value, c) =>
      put(line.row, cellXml(line.row, c, value, lineStyle(line, line.formats[c], c)))
    );
  // Wrapped columns: their cells wrap, and each row is as tall as its longest wrapped text.
  const heights = new Map<number, number>();
  const wrapStyles = new Map<number, number>();
  const formats: string[] = [];
  const tables: TablePart[] = [];
  let priority = 1;
  let lastRow = Math.max(0, ...sheet.lines.map((l) => l.row));
  for (const [index, { table, top }] of sheet.tables.entries()) {
    const body = bodyRows(table);
    const columnStyles = table.formats.map((format, c) =>
      sheet.columns[c]?.wrap ? styles.cellFormat(format, { wrap: true }) : styles.cellFormat(format)
    );
    table.formats.forEach((_, c) => {
      if (sheet.columns[c]?.wrap) wrapStyles.set(c, columnStyles[c]);
    });
    body.forEach((values, r) =>
      values.forEach((value, c) => {
        const column = sheet.columns[c];
        if (!column?.wrap || typeof value !== "string") return;
        const lines = wrappedLines(value, column.width);
        if (lines > 1) heights.set(top + 1 + r, Math.max(heights.get(top + 1 + r) ?? 1, lines));
      })
    );
    table.header.forEach((name, c) => put(top, cellXml(top, c, name, textStyle)));
    body.forEach((values, r) =>
      values.forEach((value, c) =>
        put(top + 1 + r, cellXml(top + 1 + r, c, value, columnStyles[c]))
      )
    );
    const bottom = top + body.length;
    lastRow = Math.max(lastRow, bottom);
    tables.push({
      name: tableNames[index],
      ref: `A${top + 1}:${columnName(table.header.length - 1)}${bottom + 1}`,
      columns: table.header,
    });
    formats.push(...highlightXml(table, top + 1, bottom, styles, () => priority++));
  }
  const rowXml = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const lines = heights.get(r);
      const height = lines ? ` ht="${lines * LINE_HEIGHT}" customHeight="1"` : "";
      return `<row r="${r + 1}"${height}>${rows.get(r)!.join("")}</row>`;
    })
    .join("");
  const cols = sheet.columns
    .map((column, i) => {
      const style = wrapStyles.has(i) ? ` style="${wrapStyles.get(i)}"` : "";
      return `<col min="${i + 1}" max="${i + 1}" width="${column.width}"${style} customWidth="1"/>`;
    })
    .join("");
  const lastColumn = columnName(sheet.columns.length - 1);
  const frozen = sheet.frozenRows;
  // A print title in the page header: "&" is a header code, so a literal one is doubled.
  const header = `&C&"-,Bold"${sheet.print.title.replace(/&/g, "&&")}`;
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${lastColumn}${lastRow + 1}"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0">` +
    `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="${LINE_HEIGHT}"/>` +
    `<cols>${cols}</cols><sheetData>${rowXml}</sheetData>${formats.join("")}` +
    `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<pageSetup orientation="${sheet.print.orientation}" fitToWidth="${sheet.print.pagesWide}" fitToHeight="0"/>` +
    `<headerFooter><oddHeader>${escapeXml(header)}</oddHeader><oddFooter>${escapeXml("&CPage &P of &N")}</oddFooter></headerFooter>` +
    `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts></worksheet>`;
  return { xml, tables };
}

/** The conditional formats of a table's coloured columns (status tones, attainment bars). */
export function highlightXml(
  table: OutputTable,
  firstRow: number,
  lastRow: number,
  styles: Styles,
  priority: () => number,
  left = 0
): string[] {
  return table.highlights.map(({ column, highlight }) => {
    const letter = columnName(left + column);
    const sqref = `${letter}${firstRow + 1}:${letter}${lastRow + 1}`;
    if (highlight === "attainment") {
      const colour = `FF${ATTAINMENT_BAR_COLOUR.replace("#", "")}`;
      return `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="${priority()}"><dataBar><cfvo type="num" val="${ATTAINMENT_BAR_RANGE[0]}"/><cfvo type="num" val="${ATTAINMENT_BAR_RANGE[1]}"/><color rgb="${colour}"/></dataBar></cfRule></conditionalFormatting>`;
    }
    const labels = HIGHLIGHT_LABELS[highlight];
    const rules = labels.map((label) => {
      const { fill, font } = sheetColours(label);
      const dxf = styles.highlight(fill, font);
      return `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority()}" operator="equal"><formula>"${escapeXml(label)}"</formula></cfRule>`;
    });
    return `<conditionalFormatting sqref="${sqref}">${rules.join("")}</conditionalFormatting>`;
  });
}

export function tableXml(part: TablePart, id: number): string {
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
