import { existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import * as historyXml from "../../src/cli/history-sheet-xml";
import { readInput, readXlsx } from "../../src/cli/xlsx-read";
import { addOwnedSheets, openPackage } from "../../src/cli/xlsx-package";
import { runRecord, runTargetRecords } from "../../src/engine";
import { workbookHistory } from "../../src/cli/workbook-history";
import { runCli as run } from "../support/cli";
import { day } from "../support/workbooks";
import { editPackage, partOf, readSheet, temporaryFolder, writeHandMade } from "../support/xlsx";

const HISTORY_PART = "xl/worksheets/sheet4.xml";
const OBSERVATIONS_PART = "xl/worksheets/sheet2.xml";

/** 24 Nov 2026 09:30, the test clock, as a serial: day 46350 and 9.5 hours. */
const EVALUATED_AT = 46350 + 9.5 / 24;

/** The handmade workbook's 29 Feb 2024 observation (row 61: header, 31 January days, 29 February days) becomes 3197. */
async function mistypeLastObservation(file: string): Promise<void> {
  await editPackage(file, {
    [OBSERVATIONS_PART]: (xml) => {
      const edited = xml.replace(/(<c r="D61"[^>]*><v>)319\.7(<\/v>)/, "$13197$2");
      expect(edited).not.toBe(xml);
      return edited;
    },
  });
}

async function historyOf(file: string) {
  const bytes = await readInput(file);
  return workbookHistory(await openPackage(bytes), await readXlsx(bytes));
}

async function json(file: string, asOf: string) {
  const { status, out } = await run("evaluate", file, "--as-of", asOf, "--json");
  expect(status).toBe(0);
  return JSON.parse(out) as {
    results: { status: string; previousStatus: string; previousPayout: number; changed: string }[];
    issues: { severity: string; sheet: string; cell: string; message: string }[];
  };
}

describe("run history through the CLI (SPEC §9)", () => {
  const folder = temporaryFolder();

  test("runs are numbered 1, 2, 3 across evaluations, one KpiRunResults row per target each; earlier rows stay as they were", async () => {
    const file = await writeHandMade(folder, "numbered.xlsx");
    expect((await run("evaluate", file, "--as-of", "2024-02-15", "--in-place")).status).toBe(0);
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const afterTwo = (await readSheet(file, "KPI History")).getSheetValues();
    await mistypeLastObservation(file);
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const { runs, results } = await historyOf(file);
    // Run 2 has run 1's inputs (only the as-of date moved); run 3 read a different observation.
    expect(
      runs.map((r) => [
        r.run,
        r.asOf,
        r.evaluatedAt,
        r.targets,
        r.met,
        r.missed,
        r.pending,
        r.review,
        r.totalReward,
      ])
    ).toEqual([
      [1, day("2024-02-15"), EVALUATED_AT, 1, 0, 0, 1, 0, 0],
      [2, day("2024-03-01"), EVALUATED_AT, 1, 1, 0, 0, 0, 5000],
      [3, day("2024-03-01"), EVALUATED_AT, 1, 0, 1, 0, 0, 0],
    ]);
    expect(runs[0].inputs).toMatch(/^[0-9a-f]{32}$/);
    expect(runs[1].inputs).toBe(runs[0].inputs);
    expect(runs[2].inputs).not.toBe(runs[0].inputs);
    expect(
      results.map((r) => [
        r.run,
        r.project,
        r.kpi,
        r.team,
        r.status,
        r.payout,
        r.start,
        r.observations,
      ])
    ).toEqual([
      [1, "Helpdesk", "Support calls", "Service", "Pending", 0, day("2024-02-01"), 29],
      [2, "Helpdesk", "Support calls", "Service", "Met", 5000, day("2024-02-01"), 29],
      [3, "Helpdesk", "Support calls", "Service", "Missed", 0, day("2024-02-01"), 29],
    ]);
    // 28 × 319.7 + 3197 over 29 days; attainment (A − B) / |B| / −20%.
    expect(results[2].actual).toBeCloseTo((28 * 319.7 + 3197) / 29, 9);
    expect(results[1].attainment).toBeCloseTo((319.7 - 412) / 412 / -0.2, 9);
    const sheet = await readSheet(file, "KPI History");
    // KpiRuns from row 1; KpiRunResults two rows under its last run (row 4), so at row 7.
    expect(sheet.getCell("A1").value).toBe("Run");
    expect([2, 3, 4].map((r) => sheet.getCell(`A${r}`).value)).toEqual([1, 2, 3]);
    expect(sheet.getCell("A7").value).toBe("Run");
    expect([8, 9, 10].map((r) => sheet.getCell(`E${r}`).value)).toEqual([
      "Pending",
      "Met",
      "Missed",
    ]);
    // Runs 1 and 2 read back with the same cells as before run 3 was added.
    const now = sheet.getSheetValues();
    expect(now.slice(2, 4)).toEqual(afterTwo.slice(2, 4));
    expect(now.slice(8, 10)).toEqual(afterTwo.slice(7, 9));
  });

  test("the same inputs and as-of date record nothing new; the header line says which run they repeat", async () => {
    const file = await writeHandMade(folder, "repeat.xlsx");
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const recorded = await partOf(file, HISTORY_PART);
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    expect(await partOf(file, HISTORY_PART)).toBe(recorded);
    expect((await historyOf(file)).runs.map((r) => r.run)).toEqual([1]);
    expect((await readSheet(file, "KPI Rewards")).getCell("A2").value).toBe(
      "As of 1 Mar 2024 · evaluated 2026-11-24 09:30 · 1 targets: 1 met, 0 missed, 0 pending, 0 to review · 1 teams · 0 issues · same inputs as run 1 (nothing new recorded)"
    );
  });

  test("Previous status, Previous payout and Changed compare with the last run, in the sheet and in --json", async () => {
    const file = await writeHandMade(folder, "changed.xlsx");
    expect((await run("evaluate", file, "--as-of", "2024-02-15", "--in-place")).status).toBe(0);
    const second = await json(file, "2024-03-01");
    expect(
      second.results.map((r) => [r.status, r.previousStatus, r.previousPayout, r.changed])
    ).toEqual([["Met", "Pending", 0, "Pending → Met since run 1 (as of 15 Feb 2024)"]]);
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    await mistypeLastObservation(file);
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const sheet = await readSheet(file, "KPI Rewards");
    // KpiResults' header on row 20 (as in an evaluation without history), its one row on 21: Q, R, S.
    expect(sheet.getCell("Q20").value).toBe("Previous status");
    expect(["M21", "N21", "Q21", "R21", "S21"].map((c) => sheet.getCell(c).value)).toEqual([
      "Missed",
      0,
      "Met",
      5000,
      "Met → Missed since run 2 (as of 1 Mar 2024): actual 319.7 → 418.9",
    ]);
  });

  test("a payout that differs from an approved run's is a warning at the target's row", async () => {
    const file = await writeHandMade(folder, "approved.xlsx");
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    expect((await run("approve", file, "--by", "Ann Lee")).status).toBe(0);
    await mistypeLastObservation(file);
    const report = await json(file, "2024-03-01");
    expect(report.results[0].changed).toBe(
      "Met → Missed since run 1 (as of 1 Mar 2024): actual 319.7 → 418.9"
    );
    expect(report.issues).toEqual([
      {
        severity: "warning",
        sheet: "Targets",
        cell: "A2",
        message:
          "Helpdesk / Support calls: the payout is now 0.00, but run 1 approved 5,000.00 (approved by Ann Lee); check before paying",
      },
    ]);
  });

  test("--json alone compares with the history but writes nothing and records no run", async () => {
    const file = await writeHandMade(folder, "json.xlsx");
    expect((await run("evaluate", file, "--as-of", "2024-02-15", "--in-place")).status).toBe(0);
    const before = readFileSync(file);
    const report = await json(file, "2024-03-01");
    expect(report.results[0].previousStatus).toBe("Pending");
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(folder).filter((f) => f.startsWith("json"))).toEqual(["json.xlsx"]);
  });

  test("a KPI History sheet kpi-rewards did not create is refused and nothing is written; --json alone ignores it", async () => {
    const file = await writeHandMade(folder, "foreign.xlsx", "Helpdesk", {
      "KPI History": [
        ["Run", "As of"],
        [1, "my own notes"],
      ],
    });
    const before = readFileSync(file);
    for (const where of [["--in-place"], []]) {
      const { status, out, err } = await run("evaluate", file, "--as-of", "2024-03-01", ...where);
      expect([status, out, err]).toEqual([
        1,
        "",
        `kpi-rewards: ${file}: has a sheet named "KPI History" that kpi-rewards did not create; rename or delete it — nothing was written\n`,
      ]);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(path.join(folder, "foreign-rewards.xlsx"))).toBe(false);
    const report = await json(file, "2024-03-01");
    expect(report.results[0].previousStatus).toBeNull();
  });

  test("a failure between writing KPI Rewards and KPI History leaves both files as they were", async () => {
    const file = await writeHandMade(folder, "failure.xlsx");
    expect((await run("evaluate", file, "--as-of", "2024-02-15", "--in-place")).status).toBe(0);
    const before = readFileSync(file);
    const actual = historyXml.historySheetPart;
    const spy = jest.spyOn(historyXml, "historySheetPart").mockImplementation((history) => ({
      ...actual(history),
      render: () => {
        throw new Error("no space left while laying out KPI History");
      },
    }));
    try {
      const out = path.join(folder, "failure-copy.xlsx");
      for (const where of [["--in-place"], ["--out", out]]) {
        const { status, err } = await run("evaluate", file, "--as-of", "2024-03-01", ...where);
        expect([status, err]).toEqual([
          1,
          `kpi-rewards: ${file}: no space left while laying out KPI History\n`,
        ]);
      }
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(folder).filter((f) => f.includes("failure"))).toEqual(["failure.xlsx"]);
    // The next run works and records run 2 after run 1.
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    expect((await historyOf(file)).runs.map((r) => r.run)).toEqual([1, 2]);
  });
});

describe("history growth", () => {
  const folder = temporaryFolder();

  test("240,000 KpiRunResults rows (10,000 targets × 24 runs) are written and read back as they were", async () => {
    const file = await writeHandMade(folder, "grown.xlsx");
    const runs = Array.from({ length: 24 }, (_, i) => i + 1);
    const targets = Array.from({ length: 10_000 }, (_, t) => ({
      project: `Project ${t}`,
      kpi: "Tickets",
      team: `Team ${t % 50}`,
      status: t % 3 === 0 ? ("Met" as const) : ("Missed" as const),
      baseline: 100 + t,
      actual: 80 + t / 8,
      attainment: t / 10_000,
      payout: t % 3 === 0 ? 250.5 : 0,
      start: day("2024-01-01"),
      observations: 30,
    }));
    const history = {
      runs: runs.map((run) =>
        runRecord(run, day("2024-01-31") + run, EVALUATED_AT, `${run}`.padStart(32, "0"), targets)
      ),
      results: runs.flatMap((run) => runTargetRecords(run, targets)),
    };
    const pkg = await openPackage(readFileSync(file));
    writeFileSync(
      file,
      await addOwnedSheets(pkg, [historyXml.historySheetPart(history)], { extension: ".xlsx" })
    );
    const read = await historyOf(file);
    expect(read.runs).toHaveLength(24);
    expect(read.results).toHaveLength(240_000);
    expect(read.runs[23]).toEqual(history.runs[23]);
    expect(read.results[239_999]).toEqual(history.results[239_999]);
    expect(read.results[123_457]).toEqual(history.results[123_457]);
  }, 300_000);
});
