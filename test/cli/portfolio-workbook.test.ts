import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { readXlsx } from "../../src/cli/xlsx-read";
import type { CellValue } from "../../src/engine";
import { convertWithLibreOffice } from "../support/libreoffice";
import { expectSoundWorkbook } from "../support/ooxml-soundness";
import { monthEndFolder, runPortfolio } from "../support/portfolio";
import { day } from "../support/workbooks";
import { definedNames, partOf, readSheet, sheetNames, temporaryFolder } from "../support/xlsx";

/**
 * The month-end folder of test/support/portfolio.ts as of 1 Mar 2024: north.xlsx (Service Met, pays
 * 5,000, eligible), south.xlsx (Service Missed, pays 0, not eligible), broken.xlsx (not a workbook).
 */
async function portfolioOfMonthEnd() {
  const month = await monthEndFolder();
  const all = path.join(temporaryFolder(), "all.xlsx");
  const run = await runPortfolio([
    "evaluate",
    month.folder,
    "--as-of",
    "2024-03-01",
    "--portfolio",
    all,
    "--jobs",
    "1",
  ]);
  return { ...month, all, run };
}

describe("the portfolio workbook", () => {
  test("holds every workbook's teams and results under a Workbook column, and the failed ones", async () => {
    const { all, run, north, south, broken } = await portfolioOfMonthEnd();
    expect(run.status).toBe(2);
    expect(run.out).toContain(`\nWrote ${all}\n`);
    await expectSoundWorkbook(all);
    // Read back with the CLI's own reader.
    const grid = await readXlsx(readFileSync(all));
    expect(grid.sheets.map((s) => s.name)).toEqual(["KPI Rewards"]);
    const [sheet] = grid.sheets;
    const cells = (row: number, count: number): CellValue[] =>
      Array.from({ length: count }, (_, c) => sheet.values[row]?.[c] ?? null);
    expect(cells(0, 1)).toEqual(["KPI Rewards portfolio"]);
    expect(cells(1, 1)).toEqual([
      "As of 1 Mar 2024 · evaluated 2026-11-24 09:30 · 3 workbooks: 2 evaluated, 1 failed · 2 targets · 2 teams · 0 issues",
    ]);
    expect([3, 4, 5, 6, 7, 10].map((r) => cells(r, 2))).toEqual([
      ["As of", day("2024-03-01")],
      ["Workbooks evaluated", 2],
      ["Workbooks failed", 1],
      ["Teams eligible", 1],
      ["Teams not eligible", 1],
      ["Total reward", 5000],
    ]);
    expect(cells(13, 2)).toEqual(["Workbook", "Error"]);
    expect(cells(14, 2)).toEqual([broken, "is not an .xlsx workbook"]);
    expect(cells(17, 10)).toEqual([
      "Workbook",
      "Team",
      "Targets",
      "Met",
      "Missed",
      "Pending",
      "Review",
      "Score",
      "Eligible",
      "Reward",
    ]);
    // Score: attainment capped at 1 for north (112 %); south's 22.4 / 30 = 74.67 %.
    expect(cells(18, 10)).toEqual([north, "Service", 1, 1, 0, 0, 0, 1, "Yes", 5000]);
    const southTeam = cells(19, 10);
    expect(southTeam.filter((_, c) => c !== 7)).toEqual([south, "Service", 1, 0, 1, 0, 0, "No", 0]);
    expect(southTeam[7]).toBeCloseTo((412 - 319.7) / 412 / 0.3, 12);
    expect(cells(20, 10)).toEqual(["Total", null, 2, 1, 1, 0, 0, null, null, 5000]);
    expect(cells(23, 3)).toEqual(["Workbook", "Project", "Team"]);
    expect(cells(24, 4)).toEqual([north, "Helpdesk North", "Service", "Support calls"]);
    expect(cells(25, 4)).toEqual([south, "Helpdesk South", "Service", "Support calls"]);
    expect([sheet.values[24][4], sheet.values[24][13], sheet.values[25][13]]).toEqual([
      day("2024-02-01"),
      "Met",
      "Missed",
    ]);
    expect(sheet.tables?.map((t) => [t.name, t.top, t.rowCount, t.columnCount])).toEqual([
      ["KpiFailed", 13, 2, 2],
      ["KpiTeams", 17, 3, 10],
      ["KpiResults", 23, 3, 20],
    ]);
    // Owned like every KPI Rewards sheet: the sheet-scoped mark.
    expect(
      definedNames(await partOf(all, "xl/workbook.xml")).filter((n) =>
        n.startsWith("KpiRewards_Owner|")
      )
    ).toEqual(["KpiRewards_Owner|0|'KPI Rewards'!$A$1"]);
  });

  test("is replaced only with --force", async () => {
    const month = await monthEndFolder();
    const all = path.join(temporaryFolder(), "all.xlsx");
    writeFileSync(all, "last month's");
    const args = ["evaluate", month.north, month.south, "--as-of", "2024-03-01", "--jobs", "1"];
    const refused = await runPortfolio([...args, "--portfolio", all]);
    expect(refused.err).toBe(`kpi-rewards: ${all}: already exists; pass --force to replace it\n`);
    expect(readFileSync(all, "utf8")).toBe("last month's");
    const forced = await runPortfolio([...args, "--portfolio", all, "--force"]);
    expect(forced.status).toBe(0);
    await expectSoundWorkbook(all);
    expect(sheetNames(await partOf(all, "xl/workbook.xml"))).toEqual(["KPI Rewards"]);
  });

  test("opens in LibreOffice with its values, number formats, highlighting and column widths", async () => {
    const { all } = await portfolioOfMonthEnd();
    const folder = temporaryFolder();
    const saved = convertWithLibreOffice(all, "xlsx", path.join(folder, "libreoffice"), folder);
    const sheet = await readSheet(saved, "KPI Rewards");
    expect(sheet.getCell("A1").value).toBe("KPI Rewards portfolio");
    expect(sheet.getCell("B11").value).toBe(5000);
    expect(sheet.getCell("B11").numFmt).toMatch(/#,##0\.00/);
    expect(sheet.getCell("B15").value).toBe("is not an .xlsx workbook");
    expect(sheet.getCell("I19").value).toBe("Yes");
    expect(sheet.getCell("A21").value).toBe("Total");
    expect(sheet.getCell("J21").value).toBe(5000);
    expect(sheet.getCell("B25").value).toBe("Helpdesk North");
    expect((sheet.getCell("E25").value as Date).toISOString().slice(0, 10)).toBe("2024-02-01");
    expect(sheet.getCell("J25").numFmt).toMatch(/0\.0%/);
    expect(sheet.getCell("N26").value).toBe("Missed");
    const formats = (
      sheet as unknown as {
        conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[];
      }
    ).conditionalFormattings;
    const byRef = Object.fromEntries(
      formats.map((f) => [
        f.ref,
        f.rules.map((r) => (r.type === "dataBar" ? "dataBar" : r.formulae?.[0])),
      ])
    );
    // Eligible in column I, Status in N, attainment bars in K: each one column right of the
    // results sheet's, behind the Workbook column.
    expect(byRef["I19:I20"]).toEqual(['"Yes"', '"No"', '"Pending"', '"Review"']);
    expect(byRef["N25:N26"]).toEqual([
      '"Met"',
      '"Missed"',
      '"Pending"',
      '"Insufficient data"',
      '"Invalid"',
    ]);
    expect(byRef["K25:K26"]).toEqual(["dataBar"]);
    // LibreOffice adds its own padding to widths: the Workbook column stays the widest of the first ones.
    expect(sheet.getColumn(1).width).toBeGreaterThan(sheet.getColumn(2).width! + 10);
  }, 180_000);
});
