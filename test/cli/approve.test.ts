import { readFileSync, writeFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import { runRowOf } from "../../src/cli/approve";
import { historySheetPart } from "../../src/cli/history-sheet-xml";
import { storedHistory } from "../../src/cli/workbook-history";
import { addOwnedSheets, openPackage } from "../../src/cli/xlsx-package";
import { runRecord, runTargetRecords } from "../../src/engine";
import { runCli as run } from "../support/cli";
import { day, everyDay, longRows } from "../support/workbooks";
import {
  OBSERVATION_COLUMNS,
  readSheet,
  TARGET_COLUMNS,
  temporaryFolder,
  writeHandMade,
  writeWorkbook,
} from "../support/xlsx";

const HISTORY_PART = "xl/worksheets/sheet4.xml";

/** Every cell of a worksheet part by its address, as written. */
function cellsOf(xml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>.*?<\/c>)/g)) cells.set(m[1], m[0]);
  return cells;
}

async function entries(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name].dir) parts.set(name, await zip.file(name)!.async("nodebuffer"));
  return parts;
}

/** The handmade workbook with two runs recorded: as of 15 Feb 2024 (Pending) and 1 Mar 2024 (Met). */
async function withTwoRuns(folder: string, name: string): Promise<string> {
  const file = await writeHandMade(folder, name);
  expect((await run("evaluate", file, "--as-of", "2024-02-15", "--in-place")).status).toBe(0);
  expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
  return file;
}

describe("kpi-rewards approve", () => {
  const folder = temporaryFolder();

  test("approving the last run writes Approved by and Approved at (the clock's date-time) and nothing else", async () => {
    const file = await withTwoRuns(folder, "once.xlsx");
    const before = await entries(file);
    const { status, out, err } = await run("approve", file, "--by", "Ann Lee");
    expect([status, err]).toEqual([0, ""]);
    expect(out).toBe(
      `Approved run 2 (as of 2024-03-01) of ${file} by Ann Lee at 2026-11-24 09:30\n`
    );
    const after = await entries(file);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before)
      if (name !== HISTORY_PART)
        expect([name, after.get(name)!.equals(bytes)]).toEqual([name, true]);
    // KpiRuns' header is on row 1, run 1 on row 2, run 2 on row 3; Approved by is K, Approved at L.
    const old = cellsOf(before.get(HISTORY_PART)!.toString("utf8"));
    const now = cellsOf(after.get(HISTORY_PART)!.toString("utf8"));
    const changed = [...now.keys()].filter((ref) => now.get(ref) !== old.get(ref));
    expect(changed).toEqual(["K3", "L3"]);
    expect([...old.keys()]).toEqual([...now.keys()]);
    const sheet = await readSheet(file, "KPI History");
    expect(sheet.getCell("K3").value).toBe("Ann Lee");
    // 24 Nov 2026 is serial 46350; 09:30 is 9.5/24 of a day.
    expect(now.get("L3")).toMatch(/<v>46350\.39583333333\d*<\/v>/);
    expect(sheet.getCell("L3").numFmt).toBe("yyyy-mm-dd hh:mm");
    expect([sheet.getCell("K2").value, sheet.getCell("L2").value]).toEqual([null, null]);
  });

  test("an approved run is refused a second time, saying by whom and when; the file is unchanged", async () => {
    const file = await withTwoRuns(folder, "twice.xlsx");
    expect((await run("approve", file, "--by", "Ann Lee")).status).toBe(0);
    const approved = readFileSync(file);
    const { status, out, err } = await run("approve", file, "--by", "Bo Chen");
    expect([status, out]).toEqual([2, ""]);
    expect(err).toBe(
      `kpi-rewards: ${file}: run 2 was already approved by Ann Lee on 24 Nov 2026; an approved run cannot be approved again\n`
    );
    expect(readFileSync(file).equals(approved)).toBe(true);
  });

  test("--run N approves that run; a run that does not exist is refused with the runs there are", async () => {
    const file = await withTwoRuns(folder, "named.xlsx");
    const first = await run("approve", file, "--by", "Bo Chen", "--run", "1");
    expect(first.out).toBe(
      `Approved run 1 (as of 2024-02-15) of ${file} by Bo Chen at 2026-11-24 09:30\n`
    );
    const sheet = await readSheet(file, "KPI History");
    expect([sheet.getCell("K2").value, sheet.getCell("K3").value]).toEqual(["Bo Chen", null]);
    const missing = await run("approve", file, "--by", "Bo Chen", "--run", "3");
    expect([missing.status, missing.err]).toEqual([
      2,
      `kpi-rewards: ${file}: has no run 3; its runs are 1–2\n`,
    ]);
  });

  test("a workbook without history, a foreign KPI History sheet and a file that is no workbook: one line, exit 2", async () => {
    const plain = await writeHandMade(folder, "plain.xlsx");
    const foreign = await writeHandMade(folder, "foreign.xlsx", "Helpdesk", {
      "KPI History": [["Run", "my notes"]],
    });
    const text = path.join(folder, "notes.xlsx");
    writeFileSync(text, "Run 1 approved\n");
    const cases: [string, string][] = [
      [plain, "has no recorded runs (no KPI History sheet); evaluate it first"],
      [
        foreign,
        'has a sheet named "KPI History" that kpi-rewards did not create, so it holds no runs to approve; nothing was written',
      ],
      [text, "is not an .xlsx workbook"],
    ];
    for (const [file, message] of cases) {
      const before = readFileSync(file);
      const { status, err } = await run("approve", file, "--by", "Ann Lee");
      expect([status, err]).toEqual([2, `kpi-rewards: ${file}: ${message}\n`]);
      expect(readFileSync(file).equals(before)).toBe(true);
    }
  });

  test("in a history written in segments only the first segment (KpiRuns) is re-encoded: every later run's compressed bytes stay, and the next run still appends", async () => {
    const file = await writeHandMade(folder, "segments.xlsx");
    // Two runs of 80 targets: the first segment ends at row 1 + 2 + 48 = 51, results run to row 161.
    const targets = Array.from({ length: 80 }, (_, t) => ({
      project: `Project ${t + 1}`,
      kpi: "Tickets",
      team: "Service",
      status: "Met" as const,
      baseline: 100,
      actual: 90,
      attainment: 0.5,
      payout: 10,
      start: day("2024-01-01"),
      observations: 30,
    }));
    const history = {
      runs: [1, 2].map((n) =>
        runRecord(n, day("2024-01-31") + n, day("2024-02-01"), "ab".repeat(16), targets)
      ),
      results: [1, 2].flatMap((n) => runTargetRecords(n, targets)),
    };
    const pkg = await openPackage(readFileSync(file));
    writeFileSync(
      file,
      await addOwnedSheets(pkg, [historySheetPart(history)], { extension: ".xlsx" })
    );
    const segmentsOf = async () => {
      const stored = await storedHistory(await openPackage(readFileSync(file)));
      if (stored.kind !== "segmented") throw new Error(`stored ${stored.kind}`);
      return stored;
    };
    const before = (await segmentsOf()).sheet.segments;
    expect(before.map((s) => s.tag)).toEqual(["H51", "R1", "R2", "T"]);
    expect((await run("approve", file, "--by", "Ann Lee", "--run", "1")).status).toBe(0);
    const after = await segmentsOf();
    expect(after.sheet.segments.map((s) => s.tag)).toEqual(["H51", "R1", "R2", "T"]);
    for (const i of [1, 2, 3])
      expect(after.sheet.segments[i].compressed.equals(before[i].compressed)).toBe(true);
    expect(after.runs.map((r) => [r.run, r.approvedBy])).toEqual([
      [1, "Ann Lee"],
      [2, undefined],
    ]);
    // Run 3 (the workbook's one target) goes on row 162, past the first segment: a segment of its own.
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const third = await segmentsOf();
    expect(third.sheet.segments.map((s) => s.tag)).toEqual(["H51", "R1", "R2", "R3", "T"]);
    for (const i of [1, 2])
      expect(third.sheet.segments[i].compressed.equals(before[i].compressed)).toBe(true);
    expect(third.runs.map((r) => [r.run, r.targets, r.approvedBy])).toEqual([
      [1, 80, "Ann Lee"],
      [2, 80, undefined],
      [3, 1, undefined],
    ]);
  });

  test("Approved at is written in a 1904 workbook's own date system", async () => {
    const file = path.join(folder, "mac.xlsx");
    const mac = (iso: string) => day(iso) - 1462;
    await writeWorkbook(
      file,
      {
        Targets: [
          TARGET_COLUMNS,
          ["Helpdesk", "Support calls", mac("2024-02-01"), "1 month", -0.2, 5000, "Service"],
        ],
        Observations: [
          OBSERVATION_COLUMNS,
          ...longRows("Helpdesk", "Support calls", [
            ...everyDay("2024-01-01", 31, 412),
            ...everyDay("2024-02-01", 29, 319.7),
          ]).map(([p, k, date, value]) => [p, k, (date as number) - 1462, value]),
        ],
      },
      { date1904: true }
    );
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    expect((await run("approve", file, "--by", "Ann Lee")).status).toBe(0);
    const xml = (await entries(file)).get(HISTORY_PART)!.toString("utf8");
    // 46350.3958… in the 1900 system is 1,462 days less in the 1904 system; 1 Mar 2024 is 45352 − 1462.
    expect(cellsOf(xml).get("L2")).toMatch(/<v>44888\.39583333333\d*<\/v>/);
    expect(cellsOf(xml).get("B2")).toMatch(/<v>43890<\/v>/);
    expect(cellsOf(xml).get("K2")).toContain('<t xml:space="preserve">Ann Lee</t>');
  });
});

describe("where a run's approval cells are", () => {
  test("the run's row under the KpiRuns header, with the Approved by, Approved at and Evaluated at columns", () => {
    const header = [
      "Run",
      "As of",
      "Evaluated at",
      "Targets",
      "Met",
      "Missed",
      "Pending",
      "Review",
      "Total reward",
      "Inputs",
      "Approved by",
      "Approved at",
    ];
    const values = [["KPI History"], [], header, [1, 45000], [2, 45031], []];
    expect(runRowOf(values, 1, 2)).toEqual({
      row: 6,
      evaluatedAt: 2,
      approvedBy: 10,
      approvedAt: 11,
    });
    expect(runRowOf(values, 1, 3)).toBeUndefined();
  });
});
