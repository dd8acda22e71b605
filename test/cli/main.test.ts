import { execFileSync, spawnSync } from "child_process";
import { readFileSync, writeFileSync, existsSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main, type Io } from "../../src/cli/main";
import { day, everyDay, longRows } from "../support/workbooks";
import { readSheet, temporaryFolder, writeWorkbook } from "../support/xlsx";

async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    colour: false,
    now: () => new Date(2026, 10, 24, 9, 30),
  };
  const status = await main(argv, io);
  return { status, out, err };
}

const TARGETS = ["Project", "KPI", "Start", "Window", "Target", "Reward", "Team"];
const OBSERVATIONS = ["Project", "KPI", "Date", "Value"];

/** Helpdesk: January 31 × 412, February 29 × 319.7 (the SPEC example), reward 5000. */
async function handMade(
  folder: string,
  name = "handmade.xlsx",
  project = "Helpdesk"
): Promise<string> {
  const file = path.join(folder, name);
  await writeWorkbook(file, {
    Targets: [
      TARGETS,
      [project, "Support calls", day("2024-02-01"), "1 month", -0.2, 5000, "Service"],
    ],
    Observations: [
      OBSERVATIONS,
      ...longRows(project, "Support calls", [
        ...everyDay("2024-01-01", 31, 412),
        ...everyDay("2024-02-01", 29, 319.7),
      ]),
    ],
  });
  return file;
}

describe("kpi-rewards evaluate", () => {
  const folder = temporaryFolder();

  test("evaluates a long workbook, prints the summary and writes <name>-rewards.xlsx beside it", async () => {
    const file = await handMade(folder);
    const { status, out, err } = await run("evaluate", file, "--as-of", "2024-03-01");
    expect(err).toBe("");
    expect(status).toBe(0);
    expect(out).toContain("KPI Rewards — " + file + ", as of 2024-03-01");
    expect(out).toMatch(/Service\s+Yes\s+1\s+0\s+0\s+0\s+5,000\.00/);
    expect(out).toContain("1 targets: 1 met, 0 missed, 0 pending, 0 to review");
    expect(out).toContain("Issues: 0 (0 errors, 0 warnings)");
    const written = path.join(folder, "handmade-rewards.xlsx");
    expect(out).toContain(`Wrote ${written}`);
    const sheet = await readSheet(written, "KPI Rewards");
    expect(sheet.getCell("A1").value).toBe("KPI Rewards");
    expect(sheet.getCell("A2").value).toBe(
      "As of 1 Mar 2024 · evaluated 2026-11-24 09:30 · 1 targets: 1 met, 0 missed, 0 pending, 0 to review · 1 teams · 0 issues"
    );
    // KpiTeams at row 4, KpiResults two rows below its last row.
    expect(sheet.getRow(4).values).toEqual([
      undefined,
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
    expect(sheet.getRow(5).values).toEqual([undefined, "Service", 1, 1, 0, 0, 0, 1, "Yes", 5000]);
    expect(sheet.getRow(8).values).toEqual([
      undefined,
      "Project",
      "Team",
      "KPI",
      "Start",
      "End",
      "Baseline",
      "Actual",
      "Target value",
      "Change",
      "Attainment",
      "Status",
      "Payout",
      "Explanation",
    ]);
    const results = sheet.getRow(9).values as unknown[];
    // Date-formatted cells come back from exceljs as Dates.
    expect(results.slice(1, 6)).toEqual([
      "Helpdesk",
      "Service",
      "Support calls",
      new Date("2024-02-01T00:00:00Z"),
      new Date("2024-02-29T00:00:00Z"),
    ]);
    expect(results[6]).toBe(412);
    expect(results[7]).toBeCloseTo(319.7, 10);
    expect(results[11]).toBe("Met");
    expect(results[12]).toBe(5000);
    expect(sheet.getCell("D9").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("I9").numFmt).toBe("0.0%");
    expect(sheet.getCell("L9").numFmt).toBe("#,##0.00");
  });

  test("--json prints the SPEC document and writes no workbook", async () => {
    const sub = temporaryFolder();
    const file = await handMade(sub);
    const { status, out } = await run("evaluate", file, "--as-of", "2024-03-01", "--json");
    expect(status).toBe(0);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(["asOf", "results", "teams", "issues"]);
    expect(doc.asOf).toBe("2024-03-01");
    expect(doc.results[0]).toEqual({
      project: "Helpdesk",
      team: "Service",
      kpi: "Support calls",
      start: "2024-02-01",
      end: "2024-02-29",
      baseline: 412,
      actual: doc.results[0].actual,
      targetValue: doc.results[0].targetValue,
      change: doc.results[0].change,
      attainment: doc.results[0].attainment,
      status: "Met",
      payout: 5000,
      explanation:
        "Support calls: average 319.7 in 1 Feb–29 Feb 2024 vs 412.0 in 1 Jan–31 Jan 2024 (−22.4%); target −20% → met (attainment 112%).",
      source: "Targets!A2",
    });
    expect(doc.results[0].actual).toBeCloseTo(319.7, 10);
    expect(doc.results[0].targetValue).toBeCloseTo(329.6, 10);
    expect(doc.teams).toEqual([
      {
        team: "Service",
        targets: 1,
        met: 1,
        missed: 0,
        pending: 0,
        review: 0,
        score: 1,
        eligible: "Yes",
        reward: 5000,
      },
    ]);
    expect(doc.issues).toEqual([]);
    expect(existsSync(path.join(sub, "handmade-rewards.xlsx"))).toBe(false);
  });

  test("the input's bytes are unchanged; --in-place twice gives the same cells", async () => {
    const file = await handMade(folder, "inplace.xlsx");
    const before = readFileSync(file);
    await run("evaluate", file, "--as-of", "2024-03-01", "--out", path.join(folder, "copy.xlsx"));
    expect(readFileSync(file).equals(before)).toBe(true);
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const first = (await readSheet(file, "KPI Rewards")).getSheetValues();
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const second = await readSheet(file, "KPI Rewards");
    expect(second.getSheetValues()).toEqual(first);
    expect((await readSheet(file, "Targets")).getCell("A2").value).toBe("Helpdesk");
  });

  test("every other part of the input package is carried into the copy byte for byte", async () => {
    const file = path.join(folder, "carried.xlsx");
    expect((await run("sample", file)).status).toBe(0);
    expect((await run("evaluate", file, "--as-of", "2024-09-30")).status).toBe(0);
    const before = await JSZip.loadAsync(readFileSync(file));
    const after = await JSZip.loadAsync(readFileSync(path.join(folder, "carried-rewards.xlsx")));
    const edited = [
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
    ];
    for (const name of Object.keys(before.files).filter(
      (n) => !before.files[n].dir && !edited.includes(n)
    )) {
      expect([name, await after.file(name)?.async("base64")]).toEqual([
        name,
        await before.file(name)!.async("base64"),
      ]);
    }
    const added = Object.keys(after.files).filter((n) => !before.files[n] && !after.files[n].dir);
    expect(added.sort()).toEqual([
      "xl/tables/table5.xml",
      "xl/tables/table6.xml",
      "xl/tables/table7.xml",
      "xl/worksheets/_rels/sheet5.xml.rels",
      "xl/worksheets/sheet5.xml",
    ]);
  });

  test("formula cells are read by their cached values, and --out may name a folder not made yet", async () => {
    const file = path.join(folder, "formulas.xlsx");
    await writeWorkbook(file, {
      Targets: [TARGETS, ["P", "Calls", day("2024-01-03"), "2 days", 0.5]],
      Observations: [
        OBSERVATIONS,
        ["P", "Calls", day("2024-01-01"), 10],
        ["P", "Calls", day("2024-01-03"), 20],
      ],
    });
    // Replace the second value with a formula whose cached result is 30, as Excel saves it.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet("Observations")!.getCell("D3").value = { formula: "10*3", result: 30 };
    await workbook.xlsx.writeFile(file);
    const out = path.join(folder, "not", "yet", "there.xlsx");
    const { status, out: printed } = await run(
      "evaluate",
      file,
      "--as-of",
      "2024-02-01",
      "--out",
      out,
      "--json"
    );
    expect(status).toBe(0);
    expect(JSON.parse(printed).results[0]).toMatchObject({
      baseline: 10,
      actual: 30,
      change: 2,
      status: "Met",
    });
    expect(existsSync(out)).toBe(true);
  });

  test("a project named =HYPERLINK(...) comes out as text, never a formula", async () => {
    const name = '=HYPERLINK("http://x","y")';
    const file = await handMade(folder, "formula.xlsx", name);
    expect((await run("evaluate", file, "--as-of", "2024-03-01")).status).toBe(0);
    const cell = (
      await readSheet(path.join(folder, "formula-rewards.xlsx"), "KPI Rewards")
    ).getCell("A9");
    expect(cell.value).toBe(name);
    expect(cell.formula).toBeUndefined();
  });

  test("a KPI Rewards sheet the tool did not create is never overwritten", async () => {
    const file = path.join(folder, "foreign.xlsx");
    await writeWorkbook(file, {
      Targets: [TARGETS, ["P", "K", day("2024-02-01"), "1 month", 0.1]],
      Observations: [OBSERVATIONS, ["P", "K", day("2024-01-15"), 1]],
      "KPI Rewards": [["my own notes"]],
    });
    const before = readFileSync(file);
    const { status, err } = await run("evaluate", file, "--in-place");
    expect(status).toBe(1);
    expect(err).toBe(
      `kpi-rewards: ${file}: has a sheet named "KPI Rewards" that kpi-rewards did not create; rename or delete it — nothing was written\n`
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test("wide sheets, several observation sheets and a 1904 workbook give the hand-computed numbers", async () => {
    const file = path.join(folder, "wide1904.xlsx");
    const shift = (d: string) => day(d) - 1462;
    await writeWorkbook(
      file,
      {
        Targets: [
          TARGETS,
          ["Alpha", "Calls", shift("2024-02-01"), "1 month", -0.5],
          ["Beta", "Sales", shift("2024-02-01"), "1 month", 0.2],
        ],
        Alpha: [
          ["Date", "Calls"],
          ...[...everyDay("2024-01-01", 31, 10), ...everyDay("2024-02-01", 29, 4)].map(([d, v]) => [
            shift(d),
            v,
          ]),
        ],
        Beta: [
          OBSERVATIONS,
          ...[...everyDay("2024-01-01", 31, 100), ...everyDay("2024-02-01", 29, 115)].map(
            ([d, v]) => ["Beta", "Sales", shift(d), v]
          ),
        ],
      },
      { date1904: true }
    );
    const { status, out } = await run("evaluate", file, "--as-of", "2024-06-01", "--json");
    expect(status).toBe(0);
    const doc = JSON.parse(out);
    expect(
      doc.results.map((r: Record<string, unknown>) => [
        r.project,
        r.start,
        r.end,
        r.baseline,
        r.actual,
        r.status,
      ])
    ).toEqual([
      ["Alpha", "2024-02-01", "2024-02-29", 10, 4, "Met"],
      ["Beta", "2024-02-01", "2024-02-29", 100, 115, "Missed"],
    ]);
    expect(doc.results[0].change).toBeCloseTo(-0.6, 12);
    expect(doc.results[1].attainment).toBeCloseTo(0.75, 12);
  });
});

describe("kpi-rewards errors: one line naming the file, exit 2, no stack", () => {
  const folder = temporaryFolder();
  const cases: [string, () => string, string][] = [
    ["a missing file", () => path.join(folder, "nope.xlsx"), "no such file"],
    ["an empty file", () => write("empty.xlsx", Buffer.alloc(0)), "is empty, not a workbook"],
    [
      "random bytes",
      () => write("random.xlsx", Buffer.from("this is not a spreadsheet at all")),
      "is not an .xlsx workbook",
    ],
    [
      "an old .xls file",
      () => write("old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      "is an old .xls (or encrypted) workbook; save it as .xlsx in Excel and try again",
    ],
    [
      "a broken zip",
      () =>
        write(
          "broken.xlsx",
          Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])
        ),
      "cannot be read as a workbook",
    ],
  ];
  function write(name: string, bytes: Buffer): string {
    const file = path.join(folder, name);
    writeFileSync(file, bytes);
    return file;
  }

  test.each(cases)("%s", async (_, makeFile, message) => {
    const file = makeFile();
    const { status, err, out } = await run("evaluate", file);
    expect(status).toBe(2);
    expect(out).toBe("");
    expect(err.split("\n").filter(Boolean)).toHaveLength(1);
    expect(err.startsWith(`kpi-rewards: ${file}: ${message}`)).toBe(true);
  });

  test("a workbook without a Targets table", async () => {
    const file = path.join(folder, "notargets.xlsx");
    await writeWorkbook(file, { Observations: [OBSERVATIONS, ["P", "K", day("2024-01-01"), 1]] });
    const { status, err } = await run("evaluate", file);
    expect(status).toBe(2);
    expect(err).toBe(
      `kpi-rewards: ${file}: holds no Targets table (a header row with Project, KPI, Start, Window or End, Target)\n`
    );
  });

  test("bad usage prints the usage", async () => {
    const { status, err } = await run("evaluate", "a.xlsx", "--as-of", "03/04/2024");
    expect(status).toBe(2);
    expect(err.split("\n")[0]).toBe(
      'kpi-rewards: --as-of "03/04/2024" is not a date; write it as YYYY-MM-DD'
    );
    expect((await run("frobnicate")).status).toBe(2);
  });

  test("the real binary exits 2 with the one line on stderr", () => {
    const bin = path.join(__dirname, "..", "..", "bin", "kpi-rewards.js");
    const result = spawnSync(process.execPath, [bin, "evaluate", path.join(folder, "nope.xlsx")], {
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`kpi-rewards: ${path.join(folder, "nope.xlsx")}: no such file\n`);
    expect(result.stdout).toBe("");
  });
});

describe("kpi-rewards sample", () => {
  test("writes the demo workbook, whose evaluation on 30 Sep 2024 shows every status", async () => {
    const folder = temporaryFolder();
    const file = path.join(folder, "sample.xlsx");
    expect((await run("sample", file)).status).toBe(0);
    const { out } = await run("evaluate", file, "--as-of", "2024-09-30", "--json");
    const statuses = new Set(JSON.parse(out).results.map((r: { status: string }) => r.status));
    expect([...statuses].sort()).toEqual([
      "Insufficient data",
      "Invalid",
      "Met",
      "Missed",
      "Pending",
    ]);
    const text = execFileSync(
      process.execPath,
      [
        path.join(__dirname, "..", "..", "bin", "kpi-rewards.js"),
        "evaluate",
        file,
        "--as-of",
        "2024-09-30",
      ],
      { encoding: "utf8" }
    );
    expect(text).toMatch(/Service Desk\s+No\s+1\s+1\s+0\s+0\s+6,893\.68/);
  });
});
