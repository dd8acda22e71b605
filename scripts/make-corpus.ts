/**
 * Regenerates test/fixtures/corpus: workbooks written by other programs, for the reader's tests.
 * Run: npx ts-node --transpile-only scripts/make-corpus.ts   (needs Debian's python3-openpyxl and
 * LibreOffice; CI uses the committed files and needs neither Python nor this script).
 */
import { execFileSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";
import { buildPackage, inlineCell, numberCell, row, tableXml } from "../test/support/ooxml-package";

const out = path.join(__dirname, "..", "test", "fixtures", "corpus");
const work = mkdtempSync(path.join(os.tmpdir(), "kpi-corpus-"));
/** Excel serial of a UTC calendar day (1900 system). */
function day(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
}

/** Excel-style package: tables with title lines and totals rows, rich headers, cached formula values. */
async function excelStyle(): Promise<void> {
  const richHeader = (ref: string, a: string, b: string) =>
    `<c r="${ref}" t="inlineStr"><is><r><rPr><b/></rPr><t>${a}</t></r><r><t>${b}</t></r></is></c>`;
  const targets = [
    row(1, ["Q1 2024 targets — approved 2024-01-05"]),
    `<row r="3">${richHeader("A3", "Pro", "ject")}<c r="B3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c>${inlineCell("D3", "Window")}${inlineCell("E3", "Target")}${inlineCell("F3", "Reward")}</row>`,
    row(4, ["Apollo", "Calls", day("2024-02-01"), "1 month", 0.1, 500]),
    row(5, ["Apollo", "Defects", day("2024-02-01"), "1 month", -0.2, 300]),
    `<row r="6">${inlineCell("A6", "Total")}<c r="F6"><f>SUBTOTAL(109,Goals[Reward])</f><v>800</v></c></row>`,
  ].join("");
  // Value cells whose cached formula results are TRUE, #N/A and #DIV/0!: skipped and reported.
  const observations = [
    row(1, ["Project", "KPI", "Date", "Value"]),
    row(2, ["Apollo", "Calls", day("2024-01-10"), 100]),
    row(3, ["Apollo", "Calls", day("2024-01-20"), 100]),
    row(4, ["Apollo", "Calls", day("2024-02-10"), 120]),
    `<row r="5">${inlineCell("A5", "Apollo")}${inlineCell("B5", "Calls")}${numberCell("C5", day("2024-02-20") + 0.5)}<c r="D5"><f>50*2</f><v>100</v></c></row>`,
    `<row r="6">${inlineCell("A6", "Apollo")}${inlineCell("B6", "Calls")}${numberCell("C6", day("2024-02-21"))}<c r="D6" t="b"><f>D5&gt;0</f><v>1</v></c></row>`,
    `<row r="7">${inlineCell("A7", "Apollo")}${inlineCell("B7", "Calls")}${numberCell("C7", day("2024-02-22"))}<c r="D7" t="e"><f>NA()</f><v>#N/A</v></c></row>`,
    `<row r="8">${inlineCell("A8", "Apollo")}${inlineCell("B8", "Calls")}${numberCell("C8", day("2024-02-23"))}<c r="D8" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`,
    row(9, ["Apollo", "Defects", day("2024-01-15"), 10]),
    row(10, ["Apollo", "Defects", day("2024-02-15"), 9]),
  ].join("");
  // A wide table and a header-less table side by side on one sheet.
  const wide = [
    row(1, ["Date", "Project", "Uptime", null, null]),
    `<row r="2">${numberCell("A2", day("2024-01-15"))}${inlineCell("B2", "Apollo")}${numberCell("C2", 99)}${numberCell("E2", day("2024-01-15"))}${numberCell("F2", 5)}</row>`,
    `<row r="3">${numberCell("A3", day("2024-02-15"))}${inlineCell("B3", "Apollo")}${numberCell("C3", 99.5)}${numberCell("E3", day("2024-02-15"))}${numberCell("F3", 6)}</row>`,
  ].join("");
  const bytes = await buildPackage({
    sharedStrings: [
      "KPI",
      `<r><t>Sta</t></r><r><t>rt</t></r><rPh sb="0" eb="2"><t>スタート</t></rPh>`,
    ],
    sheets: [
      {
        name: "Targets 2024",
        rows: targets,
        tables: [
          tableXml(
            1,
            "Goals",
            "A3:F6",
            ["Project", "KPI", "Start", "Window", "Target", "Reward"],
            ' totalsRowCount="1"'
          ),
        ],
      },
      { name: "Notes", rows: row(1, ["internal"]), state: "hidden" },
      {
        name: "Obs 'Nord' Ωμέγα",
        rows: observations,
        tables: [tableXml(2, "Readings", "A1:D10", ["Project", "KPI", "Date", "Value"])],
      },
      {
        name: "Uptime & more",
        rows: wide,
        tables: [
          tableXml(3, "Uptime", "A1:C3", ["Date", "Project", "Uptime"]),
          tableXml(4, "Loose", "E2:F3", ["Column1", "Column2"], ' headerRowCount="0"'),
        ],
      },
    ],
  });
  writeFileSync(path.join(out, "excel-style.xlsx"), bytes);
}

/** exceljs: an Excel table with a totals row, and a 1904 workbook for LibreOffice to re-save. */
async function exceljs(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const targets = workbook.addWorksheet("Targets");
  targets.addTable({
    name: "Targets",
    ref: "A1",
    totalsRow: true,
    columns: [
      { name: "Project" },
      { name: "KPI" },
      { name: "Start" },
      { name: "Window" },
      { name: "Target" },
      { name: "Reward", totalsRowFunction: "sum" },
    ],
    rows: [
      ["Apollo", "Calls", new Date(Date.UTC(2024, 1, 1)), "1 month", 0.1, 500],
      ["Apollo", "Defects", new Date(Date.UTC(2024, 1, 1)), "1 month", -0.2, 300],
    ],
  });
  const obs = workbook.addWorksheet("Observations");
  obs.addRow(["Project", "KPI", "Date", "Value"]);
  for (const [kpi, date, value] of [
    ["Calls", "2024-01-10", 100],
    ["Calls", "2024-01-20", 100],
    ["Calls", "2024-02-10", 120],
    ["Calls", "2024-02-20", 100],
    ["Defects", "2024-01-15", 10],
    ["Defects", "2024-02-15", 9],
  ] as const)
    obs.addRow(["Apollo", kpi, new Date(`${date}T00:00:00Z`), value]);
  await workbook.xlsx.writeFile(path.join(out, "exceljs.xlsx"));

  workbook.properties.date1904 = true;
  await workbook.xlsx.writeFile(path.join(work, "libreoffice-1904.xlsx"));
}

function libreOffice(files: string[], outDir: string): void {
  execFileSync(
    "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=${pathToFileURL(path.join(work, "lo-profile")).href}`,
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "inherit" }
  );
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  await excelStyle();
  await exceljs();
  execFileSync("/usr/bin/python3", [path.join(__dirname, "make-corpus-openpyxl.py"), out], {
    stdio: "inherit",
  });
  // LibreOffice re-saves: the openpyxl workbook (its formula now has a saved result) and a 1904 book.
  copyFileSync(path.join(out, "openpyxl-pandas.xlsx"), path.join(work, "libreoffice-resave.xlsx"));
  const resaved = path.join(work, "resaved");
  libreOffice(
    [path.join(work, "libreoffice-resave.xlsx"), path.join(work, "libreoffice-1904.xlsx")],
    resaved
  );
  copyFileSync(
    path.join(resaved, "libreoffice-resave.xlsx"),
    path.join(out, "libreoffice-resave.xlsx")
  );
  copyFileSync(
    path.join(resaved, "libreoffice-1904.xlsx"),
    path.join(out, "libreoffice-1904.xlsx")
  );
}

void main();
