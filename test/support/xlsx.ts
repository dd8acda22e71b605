import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue } from "../../src/engine";
import { day, everyDay, longRows } from "./workbooks";

export function temporaryFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), "kpi-rewards-"));
}

/** Writes a workbook of plain sheets (no tables), optionally in the 1904 date system. */
export async function writeWorkbook(
  file: string,
  sheets: Record<string, CellValue[][]>,
  options: { date1904?: boolean } = {}
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row) =>
      sheet.addRow(
        row.map((v) => (v === undefined || (typeof v === "object" && v !== null) ? null : v))
      )
    );
  }
  await workbook.xlsx.writeFile(file);
}

/** The values of a sheet's rows, 1-based like Excel, as plain arrays. */
export async function readSheet(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name} in ${file}`);
  return sheet;
}

/** Rewrites parts of a workbook package in place: `edit` gets each part's text and returns the new one. */
export async function editPackage(
  file: string,
  edit: Record<string, (xml: string) => string>,
  extra: Record<string, string | Buffer | null> = {}
): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const [part, change] of Object.entries(edit))
    zip.file(part, change((await zip.file(part)?.async("string")) ?? ""));
  for (const [part, content] of Object.entries(extra)) {
    if (content === null) zip.remove(part);
    else zip.file(part, content);
  }
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** A part of a workbook package as text. */
export async function partOf(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entry = zip.file(part);
  if (!entry) throw new Error(`no part ${part} in ${file}`);
  return entry.async("string");
}

/** Every attribute of workbook.xml quoted with `'` instead of `"`, as some producers write it. */
export function singleQuoted(xml: string): string {
  return xml.replace(/<[^!?][^>]*>/g, (tag) => tag.replace(/="([^"]*)"/g, "='$1'"));
}

/** The `<definedName>` elements of a workbook part, as `name|localSheetId|formula`. */
export function definedNames(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => {
    const name = /name=["']([^"']*)["']/.exec(m[1])?.[1];
    const scope = /localSheetId=["'](\d+)["']/.exec(m[1])?.[1] ?? "";
    return `${name}|${scope}|${m[2].replace(/&apos;/g, "'")}`;
  });
}

/** The sheet names of a workbook part, in order. */
export function sheetNames(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<sheet\b[^>]*?\sname=["']([^"']*)["']/g)].map((m) => m[1]);
}

export const TARGET_COLUMNS = ["Project", "KPI", "Start", "Window", "Target", "Reward", "Team"];
export const OBSERVATION_COLUMNS = ["Project", "KPI", "Date", "Value"];

/**
 * The SPEC's example as a workbook: Helpdesk support calls, January 31 × 412, February 29 × 319.7,
 * target −20 % from 1 Feb 2024 for a month, reward 5000 to team Service. Met as of 1 Mar 2024.
 */
export async function writeHandMade(
  folder: string,
  name = "handmade.xlsx",
  project = "Helpdesk",
  more: Record<string, CellValue[][]> = {}
): Promise<string> {
  const file = path.join(folder, name);
  await writeWorkbook(file, {
    Targets: [
      TARGET_COLUMNS,
      [project, "Support calls", day("2024-02-01"), "1 month", -0.2, 5000, "Service"],
    ],
    Observations: [
      OBSERVATION_COLUMNS,
      ...longRows(project, "Support calls", [
        ...everyDay("2024-01-01", 31, 412),
        ...everyDay("2024-02-01", 29, 319.7),
      ]),
    ],
    ...more,
  });
  return file;
}
