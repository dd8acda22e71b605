import { execFileSync } from "child_process";
import { copyFileSync, readFileSync } from "fs";
import JSZip from "jszip";
import path from "path";
import { locate } from "../../scripts/test-tools";
import { main } from "../../src/cli/main";
import { storedHistory } from "../../src/cli/workbook-history";
import { openPackage } from "../../src/cli/xlsx-package";
import { convertWithLibreOffice } from "../support/libreoffice";
import { expectSoundWorkbook } from "../support/ooxml-soundness";
import { runCli } from "../support/cli";
import {
  definedNames,
  editPackage,
  partOf,
  readSheet,
  sheetNames,
  temporaryFolder,
  writeHandMade,
} from "../support/xlsx";

/** How the CLI finds the workbook's KPI History stored: in its own segments, or to be read whole. */
async function storedKind(file: string): Promise<string> {
  return (await storedHistory(await openPackage(readFileSync(file)))).kind;
}

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
    // Summary block on rows 4–10; KpiTeams: header on row 15, five teams, totals on row 21;
    // KpiResults header three rows after (row 24), nine targets.
    expect(sheet.getCell("B9").value).toBeCloseTo(14893.68, 2);
    expect(sheet.getCell("A16").value).toBe("Service Desk");
    expect(sheet.getCell("H16").value).toBe("No");
    expect(sheet.getCell("I17").value).toBe(8000);
    expect(sheet.getCell("A21").value).toBe("Total");
    expect(sheet.getCell("I21").value).toBeCloseTo(14893.68, 2);
    expect(sheet.getCell("A24").value).toBe("Project");
    expect(sheet.getCell("C25").value).toBe("Support calls");
    expect(sheet.getCell("M25").value).toBe("Met");
    expect(sheet.getCell("N25").value).toBe(5000);
    expect((sheet.getCell("D25").value as Date).toISOString().slice(0, 10)).toBe("2024-02-01");
    expect(sheet.getCell("I25").numFmt).toMatch(/0\.0%/);
    expect(sheet.getCell("P25").value).toBe(
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
    expect(byRef["H16:H20"]).toEqual(['"Yes"', '"No"', '"Pending"', '"Review"']);
    expect(byRef["M25:M33"]).toEqual([
      '"Met"',
      '"Missed"',
      '"Pending"',
      '"Insufficient data"',
      '"Invalid"',
    ]);
    expect(byRef["J25:J33"]).toEqual(["dataBar"]);
    // Pace (SPEC §11): green on track, amber at risk, as in the add-in's writer.
    expect(byRef["L25:L33"]).toEqual(['"On track"', '"At risk"']);

    // The sheet-scoped owner mark survives: scoped to KPI Rewards (the fifth sheet), pointing into it.
    const workbookXml = await partOf(saved, "xl/workbook.xml");
    expect(sheetNames(workbookXml)[4]).toBe("KPI Rewards");
    expect(definedNames(workbookXml).filter((n) => n.startsWith("KpiRewards_Owner|"))).toEqual([
      "KpiRewards_Owner|4|'KPI Rewards'!$A$1",
      "KpiRewards_Owner|5|'KPI History'!$A$1",
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
    // The same inputs and as-of date: KPI History and its mark stay as they were.
    expect(definedNames(rewritten).filter((n) => n.startsWith("KpiRewards_Owner|"))).toEqual([
      "KpiRewards_Owner|5|'KPI History'!$A$1",
      "KpiRewards_Owner|4|'KPI Rewards'!$A$1",
    ]);
  }, 180_000);

  test("keeps KPI History: a re-save changes no fingerprint, approve edits LibreOffice's file, one changed observation is a new run", async () => {
    const folder = temporaryFolder();
    const file = await writeHandMade(folder, "history.xlsx");
    expect((await runCli("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const saved = roundTrip(file, path.join(folder, "saved"));
    await expectSoundWorkbook(saved);
    const history = await readSheet(saved, "KPI History");
    // KpiRuns' header on row 1, its one run on row 2; KpiRunResults beside it from column N.
    expect(["A1", "A2", "N1", "R2", "V2"].map((c) => history.getCell(c).value)).toEqual([
      "Run",
      1,
      "Run",
      "Met",
      5000,
    ]);
    const workbookXml = await partOf(saved, "xl/workbook.xml");
    expect(definedNames(workbookXml)).toContain("KpiRewards_Owner|3|'KPI History'!$A$1");

    // Same cells, saved by another program: the same inputs, so nothing new is recorded.
    const again = await runCli("evaluate", saved, "--as-of", "2024-03-01", "--in-place");
    expect(again.status).toBe(0);
    expect((await readSheet(saved, "KPI Rewards")).getCell("A2").value).toMatch(
      / · same inputs as run 1 \(nothing new recorded\)$/
    );

    // Approving LibreOffice's file (shared strings, its own cell spelling) changes only the run's two cells.
    const zipOf = async (f: string) => {
      const zip = await JSZip.loadAsync(readFileSync(f));
      const parts = new Map<string, string>();
      for (const name of Object.keys(zip.files))
        if (!zip.files[name].dir) parts.set(name, await zip.file(name)!.async("string"));
      return parts;
    };
    const before = await zipOf(saved);
    expect((await runCli("approve", saved, "--by", "Ann Lee")).status).toBe(0);
    const after = await zipOf(saved);
    // LibreOffice numbers the worksheet parts in sheet order: KPI History is the fourth.
    const historyPart = "xl/worksheets/sheet4.xml";
    expect(after.get(historyPart)).not.toBe(before.get(historyPart));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, text] of before)
      if (name !== historyPart) expect([name, after.get(name) === text]).toEqual([name, true]);
    const approved = await readSheet(saved, "KPI History");
    expect(approved.getCell("K2").value).toBe("Ann Lee");
    expect((approved.getCell("L2").value as Date).toISOString()).toBe("2026-11-24T09:30:00.000Z");
    expect(approved.getCell("A2").value).toBe(1);

    // One observation changed: another fingerprint, so run 2.
    await editPackage(saved, {
      "xl/worksheets/sheet2.xml": (xml) =>
        xml.replace(/(<c r="D61"[^>]*><v>)319\.7(<\/v>)/, "$13197$2"),
    });
    expect((await runCli("evaluate", saved, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const grown = await readSheet(saved, "KPI History");
    // Run 2: no target met, one missed; its result on row 3 beside it; run 1 as LibreOffice kept it.
    expect(["A3", "E3", "F3", "N3", "R3"].map((c) => grown.getCell(c).value)).toEqual([
      2,
      0,
      1,
      2,
      "Missed",
    ]);
    expect(grown.getCell("J3").value).not.toBe(grown.getCell("J2").value);
    expect(grown.getRow(2).values).toEqual(approved.getRow(2).values);
    // Read whole once from LibreOffice's file, the sheet is stored in segments again: run 3 appends.
    expect(await storedKind(saved)).toBe("segmented");
    expect((await runCli("evaluate", saved, "--as-of", "2024-03-02", "--in-place")).status).toBe(0);
    const third = await readSheet(saved, "KPI History");
    expect(["A4", "N4", "R4"].map((c) => third.getCell(c).value)).toEqual([3, 3, "Missed"]);
    expect([2, 3].map((r) => third.getRow(r).values)).toEqual(
      [2, 3].map((r) => grown.getRow(r).values)
    );
  }, 180_000);

  test("prints the results sheet landscape, one page wide, with the total reward on it", async () => {
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
    const pdf = convertWithLibreOffice(
      path.join(folder, "sample-rewards.xlsx"),
      "pdf",
      path.join(folder, "pdf"),
      folder
    );
    const pdftotext = locate("pdftotext");
    if (!pdftotext.found) throw new Error(pdftotext.message);
    const pdfinfo = path.join(
      path.dirname(pdftotext.path),
      `pdfinfo${path.extname(pdftotext.path)}`
    );
    // Every sheet prints; the results sheet's pages are the ones with our print title in the header.
    const pages = execFileSync(pdftotext.path, ["-layout", pdf, "-"], { encoding: "utf8" }).split(
      "\f"
    );
    const ours = pages
      .map((text, i) => ({ text, page: i + 1 }))
      .filter(({ text }) => text.includes("KPI Rewards as of 30 Sep 2024"));
    expect(ours.length).toBeGreaterThanOrEqual(1);
    const sizes = execFileSync(pdfinfo, ["-f", "1", "-l", String(pages.length), pdf], {
      encoding: "utf8",
    });
    for (const { page } of ours) {
      const [, width, height] = new RegExp(`Page\\s+${page} size:\\s+([\\d.]+) x ([\\d.]+)`).exec(
        sizes
      )!;
      expect(Number(width)).toBeGreaterThan(Number(height));
    }
    // One page wide: the first and the last column of KpiResults print on the same page.
    const header = ours.find(({ text }) => /Project\s+Team\s+KPI/.test(text))!;
    expect(header.text).toMatch(
      /Project\s+Team\s+KPI\s+Start\s+End.*Payout\s+Adjustment\s+Explanation.*Changed/
    );
    const summary = ours.find(({ text }) => text.includes("Total reward"))!;
    expect(summary.text).toMatch(/Total reward\s+14,893\.68/);
    expect(summary.text).toContain("Reward adds up what each target pays on its own");
  }, 180_000);
});
