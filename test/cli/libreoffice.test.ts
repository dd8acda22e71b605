import { copyFileSync } from "fs";
import path from "path";
import { main } from "../../src/cli/main";
import { convertWithLibreOffice } from "../support/libreoffice";
import { expectSoundWorkbook } from "../support/ooxml-soundness";
import { definedNames, partOf, readSheet, sheetNames, temporaryFolder } from "../support/xlsx";

/** Opens a workbook in LibreOffice headless and saves it again: what survives is what a real spreadsheet read. */
function roundTrip(file: string, folder: string): string {
  return convertWithLibreOffice(file, "xlsx", path.join(folder, "libreoffice"), folder);
}

describe("the written workbook in LibreOffice", () => {
  test("keeps the results' values, number formats, conditional formats and ownership name", async () => {
    const folder = temporaryFolder();
    const sample = path.join(folder, "sample.xlsx");
    const io = {
      out: () => undefined,
      err: (t: string) => console.error(t),
      colour: false,
      now: () => new Date(2026, 10, 24),
    };
    expect(await main(["sample", sample], io)).toBe(0);
    expect(await main(["evaluate", sample, "--as-of", "2024-09-30"], io)).toBe(0);
    await expectSoundWorkbook(sample);
    await expectSoundWorkbook(path.join(folder, "sample-rewards.xlsx"));
    const saved = roundTrip(path.join(folder, "sample-rewards.xlsx"), folder);

    const sheet = await readSheet(saved, "KPI Rewards");
    expect(sheet.getCell("A1").value).toBe("KPI Rewards");
    // KpiTeams: header on row 4, five teams; KpiResults header two rows after (row 12), nine targets.
    expect(sheet.getCell("A5").value).toBe("Service Desk");
    expect(sheet.getCell("H5").value).toBe("No");
    expect(sheet.getCell("I6").value).toBe(8000);
    expect(sheet.getCell("A12").value).toBe("Project");
    expect(sheet.getCell("C13").value).toBe("Support calls");
    expect(sheet.getCell("M13").value).toBe("Met");
    expect(sheet.getCell("N13").value).toBe(5000);
    expect((sheet.getCell("D13").value as Date).toISOString().slice(0, 10)).toBe("2024-02-01");
    expect(sheet.getCell("I13").numFmt).toMatch(/0\.0%/);
    expect(sheet.getCell("P13").value).toBe(
      "Support calls: average 319.7 in 1 Feb–29 Feb 2024 vs 412.0 in 1 Jan–31 Jan 2024 (−22.4%); target −20% → met (attainment 112%)."
    );

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
    expect(byRef["H5:H9"]).toEqual(['"Yes"', '"No"', '"Pending"', '"Review"']);
    expect(byRef["M13:M21"]).toEqual([
      '"Met"',
      '"Missed"',
      '"Pending"',
      '"Insufficient data"',
      '"Invalid"',
    ]);
    expect(byRef["J13:J21"]).toEqual(["dataBar"]);
    // Pace (SPEC §11): green on track, amber at risk, as in the add-in's writer.
    expect(byRef["L13:L21"]).toEqual(['"On track"', '"At risk"']);

    // The sheet-scoped owner mark survives: scoped to KPI Rewards (the fifth sheet), pointing into it.
    const workbookXml = await partOf(saved, "xl/workbook.xml");
    expect(sheetNames(workbookXml)[4]).toBe("KPI Rewards");
    expect(definedNames(workbookXml).filter((n) => n.startsWith("KpiRewards_Owner|"))).toEqual([
      "KpiRewards_Owner|4|'KPI Rewards'!$A$1",
    ]);

    // LibreOffice's file as input: our sheet is recognised and replaced, not refused or doubled.
    const again = path.join(folder, "again.xlsx");
    copyFileSync(saved, again);
    expect(await main(["evaluate", again, "--as-of", "2024-09-30", "--in-place"], io)).toBe(0);
    await expectSoundWorkbook(again);
    const rewritten = await partOf(again, "xl/workbook.xml");
    expect(sheetNames(rewritten).filter((n) => n.toUpperCase() === "KPI REWARDS")).toEqual([
      "KPI Rewards",
    ]);
    expect(definedNames(rewritten).filter((n) => n.startsWith("KpiRewards_Owner|"))).toEqual([
      "KpiRewards_Owner|4|'KPI Rewards'!$A$1",
    ]);
  }, 180_000);
});
