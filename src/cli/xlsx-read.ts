import { readFile } from "fs/promises";
import { Readable } from "stream";
import ExcelJS from "exceljs";
import {
  DATE_1904_OFFSET,
  serialFromJsDate,
  type CellValue,
  type SheetGrid,
  type WorkbookGrid,
} from "../engine";

/** A file that cannot be used as input: one line for the user, exit status 2. */
export class InputError extends Error {}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * The workbook's bytes, read once: evaluated from, and copied into the output, so both see the same
 * file. Says what is wrong with a file before a zip library says it less clearly.
 */
export async function readInput(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError("no such file");
    if (code === "EISDIR") throw new InputError("is a folder, not a workbook");
    throw new InputError(`cannot be opened (${code ?? (error as Error).message})`);
  }
  const head = bytes.subarray(0, 4);
  if (head.length === 0) throw new InputError("is empty, not a workbook");
  if (head.equals(OLE))
    throw new InputError(
      "is an old .xls (or encrypted) workbook; save it as .xlsx in Excel and try again"
    );
  if (!head.equals(ZIP)) throw new InputError("is not an .xlsx workbook");
  return bytes;
}

/** An exceljs cell value as the engine's cell value; formulas give their cached result. */
function cellValue(value: unknown, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return serialFromJsDate(value) - (date1904 ? DATE_1904_OFFSET : 0);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("error" in v) return { error: String(v.error) };
    if ("result" in v) return cellValue(v.result, date1904);
    if ("formula" in v || "sharedFormula" in v) return null;
    if (Array.isArray(v.richText))
      return (v.richText as { text: string }[]).map((r) => r.text).join("");
    if ("text" in v) return cellValue(v.text, date1904);
  }
  return null;
}

/**
 * Reads every sheet's cells with exceljs's streaming reader: values only, no styles, so memory stays
 * proportional to the cells and dates stay serials in the workbook's own date system.
 */
export async function readXlsx(bytes: Buffer): Promise<WorkbookGrid> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const sheets: { order: number; grid: SheetGrid }[] = [];
  let date1904 = false;
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as ExcelJS.Worksheet & {
        name: string;
        id: number;
        iterator?: unknown;
      };
      date1904 = Boolean(
        (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model
          ?.date1904
      );
      const values: CellValue[][] = [];
      let top = -1;
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        const cells = row.values as unknown[];
        if (top < 0) top = row.number - 1;
        while (top + values.length < row.number - 1) values.push([]);
        const out: CellValue[] = new Array(Math.max(0, cells.length - 1));
        for (let c = 1; c < cells.length; c++) out[c - 1] = cellValue(cells[c], date1904);
        values.push(out);
      }
      sheets.push({
        order: ws.id,
        grid: { name: ws.name, values, top: Math.max(top, 0), left: 0 },
      });
    }
  } catch (error) {
    throw new InputError(
      `cannot be read as a workbook (${(error as Error).message.split("\n")[0]})`
    );
  }
  const model = (reader as unknown as { model?: { sheets?: { id: number; name: string }[] } })
    .model;
  const position = new Map((model?.sheets ?? []).map((s, i) => [s.name, i]));
  sheets.sort(
    (a, b) => (position.get(a.grid.name) ?? a.order) - (position.get(b.grid.name) ?? b.order)
  );
  return { sheets: sheets.map((s) => s.grid), date1904 };
}
