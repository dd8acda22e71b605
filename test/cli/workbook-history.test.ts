import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import * as historyXml from "../../src/cli/history-sheet-xml";
import { readInput, readXlsx } from "../../src/cli/xlsx-read";
import { addOwnedSheets, openPackage } from "../../src/cli/xlsx-package";
import {
  evaluateWorkbook,
  NO_HISTORY,
  recordedRun,
  runRecord,
  runTargetRecords,
} from "../../src/engine";
import { isSegmentedPart } from "../../src/cli/segmented-part";
import { Styles } from "../../src/cli/styles-part";
import {
  recordedHistoryPart,
  skippedSheets,
  storedHistory,
  wholeHistory,
  workbookHistory,
} from "../../src/cli/workbook-history";
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
  return wholeHistory(await storedHistory(await openPackage(bytes)), await readXlsx(bytes));
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
    // KpiRuns from A1; KpiRunResults beside it from N1 (column M blank), both headed on row 1.
    expect(["A1", "M1", "N1", "R1"].map((c) => sheet.getCell(c).value)).toEqual([
      "Run",
      null,
      "Run",
      "Status",
    ]);
    expect([2, 3, 4].map((r) => sheet.getCell(`A${r}`).value)).toEqual([1, 2, 3]);
    expect([2, 3, 4].map((r) => sheet.getCell(`R${r}`).value)).toEqual([
      "Pending",
      "Met",
      "Missed",
    ]);
    // Runs 1 and 2 read back with the same cells as before run 3 was added.
    const now = sheet.getSheetValues();
    expect(now.slice(1, 4)).toEqual(afterTwo.slice(1, 4));
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
    const actual = historyXml.appendedHistoryPart;
    const spy = jest.spyOn(historyXml, "appendedHistoryPart").mockImplementation((...args) => ({
      ...actual(...args),
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

describe("KPI History read no further than the evaluation needs", () => {
  const folder = temporaryFolder();

  test("a history in the previous layout (KpiRunResults under KpiRuns, written by openpyxl) is read, then written once beside it with every run kept", async () => {
    const file = path.join(folder, "previous.xlsx");
    copyFileSync(path.join(__dirname, "..", "fixtures", "history", "previous-layout.xlsx"), file);
    const before = await storedHistory(await openPackage(readFileSync(file)));
    expect(before.kind).toBe("whole");
    // Run 2 is approved with a payout of 5,000: the evaluation compares with it.
    const report = await json(file, "2024-03-01");
    expect(
      report.results.map((r) => [r.status, r.previousStatus, r.previousPayout, r.changed])
    ).toEqual([["Met", "Met", 5000, ""]]);
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const stored = await storedHistory(await openPackage(readFileSync(file)));
    expect(stored.kind).toBe("segmented");
    const { runs, results } = await historyOf(file);
    expect(
      runs.map((r) => [r.run, r.asOf, r.targets, r.totalReward, r.inputs, r.approvedBy])
    ).toEqual([
      [1, day("2024-02-15"), 1, 0, "0123456789abcdef0123456789abcdef", undefined],
      [2, day("2024-03-01"), 1, 5000, "fedcba9876543210fedcba9876543210", "Ann Lee"],
      [3, day("2024-03-01"), 1, 5000, runs[2].inputs, undefined],
    ]);
    // 2 Mar 2024 10:30 and 4 Mar 2024 08:15, as openpyxl stored them.
    expect(runs[1].evaluatedAt).toBeCloseTo(day("2024-03-02") + 10.5 / 24, 9);
    expect(runs[1].approvedAt).toBeCloseTo(day("2024-03-04") + 8.25 / 24, 9);
    expect(results.map((r) => [r.run, r.status, r.payout, r.observations])).toEqual([
      [1, "Pending", 0, 14],
      [2, "Met", 5000, 29],
      [3, "Met", 5000, 29],
    ]);
    const sheet = await readSheet(file, "KPI History");
    expect(["A4", "N1", "N4", "R4", "A6"].map((c) => sheet.getCell(c).value)).toEqual([
      3,
      "Run",
      3,
      "Met",
      null,
    ]);
  });

  test("the compared run's Previous status, Previous payout and Changed are the same read segment by segment as read whole, for a new run and for a repeat", async () => {
    const file = await writeHandMade(folder, "compared.xlsx");
    const bytes = readFileSync(file);
    const workbook = await readXlsx(bytes);
    const asOf = day("2024-03-01");
    const inputs = evaluateWorkbook(workbook, { asOf, history: NO_HISTORY }).run!.inputs;
    // 59 other targets first, so the Helpdesk row of each run lies past the first segment (row 51).
    const others = Array.from({ length: 59 }, (_, t) => ({
      project: `Project ${t + 1}`,
      kpi: "Tickets",
      team: "Service",
      status: "Missed" as const,
      baseline: 100,
      actual: 120,
      attainment: -1,
      payout: 0,
      start: day("2024-02-01"),
      observations: 29,
    }));
    const helpdesk = (status: "Pending" | "Met" | "Missed", payout: number, actual: number) => ({
      project: "Helpdesk",
      kpi: "Support calls",
      team: "Service",
      status,
      baseline: 412,
      actual,
      attainment: (actual - 412) / 412 / -0.2,
      payout,
      start: day("2024-02-01"),
      observations: 29,
    });
    const run = (
      n: number,
      of: string,
      fingerprint: string,
      target: ReturnType<typeof helpdesk>
    ) => ({
      record: runRecord(n, day(of), day(of) + 0.5, fingerprint, [...others, target]),
      results: runTargetRecords(n, [...others, target]),
    });
    const recorded = [
      run(1, "2024-02-15", "1".repeat(32), helpdesk("Pending", 0, 319.7)),
      run(2, "2024-02-29", "2".repeat(32), helpdesk("Met", 5000, 330)),
      // Run 3 read this very workbook as of 1 Mar 2024: evaluating it again as of then repeats it.
      run(3, "2024-03-01", inputs, helpdesk("Missed", 0, 341.2)),
    ];
    const history = {
      runs: recorded.map((r) => r.record),
      results: recorded.flatMap((r) => r.results),
    };
    const pkg = await openPackage(bytes);
    writeFileSync(
      file,
      await addOwnedSheets(pkg, [historyXml.historySheetPart(history)], { extension: ".xlsx" })
    );
    const written = readFileSync(file);
    const stored = await storedHistory(await openPackage(written));
    expect(stored.kind).toBe("segmented");
    const grid = await readXlsx(written, skippedSheets(stored));
    expect(grid.sheets.map((s) => s.name)).toEqual(["Targets", "Observations"]);
    const whole = await wholeHistory(await storedHistory(await openPackage(written)), grid);
    expect(whole.results).toHaveLength(180);
    const compare = async (of: string, expected: unknown[], read: number[]) => {
      const partial = await workbookHistory(stored, grid, day(of));
      // Only the compared runs' results were read.
      expect([...new Set(partial.results.map((r) => r.run))]).toEqual(read);
      const byParts = evaluateWorkbook(grid, { asOf: day(of), history: partial });
      const byWhole = evaluateWorkbook(grid, { asOf: day(of), history: whole });
      const row = (e: typeof byParts) =>
        e.results.map((r) => [r.status, r.previousStatus, r.previousPayout, r.changed]);
      expect(row(byParts)).toEqual(row(byWhole));
      expect(byParts.issues).toEqual(byWhole.issues);
      expect(byParts.run).toEqual(byWhole.run);
      expect(row(byParts)[0].slice(0, 3)).toEqual(expected);
    };
    // A new run as of 2 Mar 2024 compares with the last run, 3 (Missed, 0).
    await compare("2024-03-02", ["Met", "Missed", 0], [3]);
    // As of 1 Mar 2024 with run 3's inputs it is run 3 again, compared with run 2 (Met, 5,000).
    await compare("2024-03-01", ["Met", "Met", 5000], [2, 3]);
  });
});

describe("recording a run in a history stored in segments", () => {
  const folder = temporaryFolder();

  test("once KpiRuns has filled its first segment's room, the run is recorded by writing the whole history again, every run kept", async () => {
    const file = await writeHandMade(folder, "full.xlsx");
    expect((await run("evaluate", file, "--as-of", "2024-02-15", "--in-place")).status).toBe(0);
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const bytes = readFileSync(file);
    const stored = await storedHistory(await openPackage(bytes));
    if (stored.kind !== "segmented") throw new Error(`stored ${stored.kind}`);
    // Pretend the first segment ends at row 3: run 3's KpiRuns row (row 4) no longer fits in it.
    const [first, ...rest] = stored.sheet.segments;
    const full = {
      ...stored,
      sheet: { ...stored.sheet, segments: [{ ...first, tag: "H3" }, ...rest] },
    };
    const workbook = await readXlsx(bytes, skippedSheets(full));
    const asOf = day("2024-03-02");
    const history = await workbookHistory(full, workbook, asOf);
    const evaluation = evaluateWorkbook(workbook, { asOf, history });
    const recorded = recordedRun(history, evaluation, EVALUATED_AT);
    const part = await recordedHistoryPart(full, history, recorded, workbook);
    const { xml, tables } = part!.render(
      new Styles(undefined),
      false,
      ["KpiRuns", "KpiRunResults"],
      ["rId1", "rId2"]
    );
    // Written whole: a first segment with room for 48 runs after run 3 (row 1 + 3 + 48), then the tail.
    expect(isSegmentedPart(xml) && xml.segments.map((s) => s.tag)).toEqual(["H52", "T"]);
    expect(tables.map((t) => t.ref)).toEqual(["A1:L4", "N1:X4"]);
  });
});
