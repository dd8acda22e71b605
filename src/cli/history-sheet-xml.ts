import { columnName, type RunHistory } from "../engine";
import { bodyRows, cutToCellLimit, HISTORY_SHEET, historySheet, type HistorySheet } from "../sheet";
import { escapeXml, highlightXml, MAIN, REL, type TablePart } from "./results-sheet-xml";
import type { Styles } from "./styles-part";
import type { OwnedSheet } from "./xlsx-package";

/**
 * The `KPI History` sheet (SPEC §9) as SpreadsheetML, rendered from the layout in src/sheet. Written
 * straight to bytes, a batch of rows at a time: the results table grows by one row per target per run
 * (240,000 rows after two years of 10,000 targets), and it is written on every evaluation that records
 * a run.
 */

/** Rows encoded per batch: one 40 MB string would be built, flattened and encoded again. */
const BATCH = 4096;

/** The worksheet part (its dates already in the workbook's system) and its table parts. */
export function historySheetXml(
  sheet: HistorySheet,
  styles: Styles,
  tableNames: readonly string[],
  tableRelIds: readonly string[]
): { xml: Buffer; tables: TablePart[] } {
  const textStyle = styles.cellFormat("text");
  const chunks: Buffer[] = [];
  let batch: string[] = [];
  const flush = () => {
    chunks.push(Buffer.from(batch.join(""), "utf8"));
    batch = [];
  };
  const parts: TablePart[] = [];
  const formats: string[] = [];
  let priority = 1;
  let lastRow = 0;
  sheet.tables.forEach(({ table, top }, index) => {
    const letters = table.header.map((_, c) => columnName(c));
    const cellStyles = table.formats.map((format) => styles.cellFormat(format));
    const head = table.header
      .map(
        (name, c) =>
          `<c r="${letters[c]}${top + 1}" s="${textStyle}" t="inlineStr"><is><t>${escapeXml(name)}</t></is></c>`
      )
      .join("");
    batch.push(`<row r="${top + 1}">${head}</row>`);
    const body = bodyRows(table);
    for (let r = 0; r < body.length; r++) {
      const n = top + 2 + r;
      const values = body[r];
      let cells = "";
      for (let c = 0; c < letters.length; c++) {
        const value = values[c];
        const ref = `${letters[c]}${n}`;
        if (typeof value === "number")
          cells += `<c r="${ref}" s="${cellStyles[c]}"><v>${value}</v></c>`;
        else if (typeof value === "string" && value !== "")
          cells += `<c r="${ref}" s="${cellStyles[c]}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cutToCellLimit(value))}</t></is></c>`;
        // Blank cells keep their column's format, so approving a run writes only a value.
        else cells += `<c r="${ref}" s="${cellStyles[c]}"/>`;
      }
      batch.push(`<row r="${n}">${cells}</row>`);
      if (batch.length >= BATCH) flush();
    }
    const bottom = top + body.length;
    lastRow = Math.max(lastRow, bottom);
    parts.push({
      name: tableNames[index],
      ref: `A${top + 1}:${letters[letters.length - 1]}${bottom + 1}`,
      columns: table.header,
    });
    formats.push(...highlightXml(table, top + 1, bottom, styles, () => priority++));
  });
  flush();
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join("");
  const frozen = sheet.frozenRows;
  const head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<dimension ref="A1:${columnName(sheet.columns.length - 1)}${lastRow + 1}"/>` +
    `<sheetViews><sheetView workbookViewId="0">` +
    `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
  const tail =
    `</sheetData>${formats.join("")}` +
    `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts></worksheet>`;
  const xml = Buffer.concat([Buffer.from(head, "utf8"), ...chunks, Buffer.from(tail, "utf8")]);
  return { xml, tables: parts };
}

/** The `KPI History` sheet holding `history` (earlier runs as read, the new run appended), to be written. */
export function historySheetPart(history: RunHistory): OwnedSheet {
  return {
    name: HISTORY_SHEET,
    tableNames: historySheet({ runs: [], results: [] }).tables.map(({ table }) => table.name),
    render: (styles, date1904, tableNames, relIds) =>
      historySheetXml(historySheet(history, date1904), styles, tableNames, relIds),
  };
}
