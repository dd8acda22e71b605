import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { OPTIONS } from "../../src/cli/help";
import { BIN, runCli as run } from "../support/cli";
import { expectSoundWorkbook } from "../support/ooxml-soundness";
import { day, everyDay } from "../support/workbooks";
import {
  OBSERVATION_COLUMNS as OBSERVATIONS,
  readSheet,
  TARGET_COLUMNS as TARGETS,
  temporaryFolder,
  writeHandMade as handMade,
  writeWorkbook,
} from "../support/xlsx";

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
      "As of 1 Mar 2024 · evaluated 2026-11-24 09:30 · 1 targets: 1 met, 0 missed, 0 pending, 0 to review · 1 teams · 0 issues · run 1"
    );
    // KpiTeams at row 15 (under the summary and the note), KpiResults three rows below its last team.
    expect(sheet.getRow(15).values).toEqual([
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
    expect(sheet.getRow(16).values).toEqual([undefined, "Service", 1, 1, 0, 0, 0, 1, "Yes", 5000]);
    // The summary block (rows 4–10) and the totals under the one team.
    expect(sheet.getCell("A9").value).toBe("Total reward");
    expect(sheet.getCell("B9").value).toBe(5000);
    expect(sheet.getCell("A17").value).toBe("Total");
    expect(sheet.getCell("I17").value).toBe(5000);
    expect(sheet.getRow(20).values).toEqual([
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
      "Projected",
      "Pace",
      "Status",
      "Payout",
      "Adjustment",
      "Explanation",
      "Previous status",
      "Previous payout",
      "Changed",
    ]);
    const results = sheet.getRow(21).values as unknown[];
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
    expect(results[13]).toBe("Met");
    expect(results[14]).toBe(5000);
    expect(sheet.getCell("D21").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("I21").numFmt).toBe("0.0%");
    expect(sheet.getCell("N21").numFmt).toBe("#,##0.00");
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
      projected: null,
      pace: null,
      status: "Met",
      payout: 5000,
      adjustment: null,
      explanation:
        "Support calls: average 319.7 in 1 Feb–29 Feb 2024 vs 412.0 in 1 Jan–31 Jan 2024 (−22.4%); target −20% → met (attainment 112%).",
      previousStatus: null,
      previousPayout: null,
      changed: "",
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

  test("the input's bytes are unchanged; --in-place twice gives the same cells, the header line naming the run repeated", async () => {
    const file = await handMade(folder, "inplace.xlsx");
    const before = readFileSync(file);
    await run("evaluate", file, "--as-of", "2024-03-01", "--out", path.join(folder, "copy.xlsx"));
    expect(readFileSync(file).equals(before)).toBe(true);
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const first = await readSheet(file, "KPI Rewards");
    expect(first.getCell("A2").value).toMatch(/ · 0 issues · run 1$/);
    expect((await run("evaluate", file, "--as-of", "2024-03-01", "--in-place")).status).toBe(0);
    const second = await readSheet(file, "KPI Rewards");
    expect(second.getCell("A2").value).toMatch(
      / · 0 issues · same inputs as run 1 \(nothing new recorded\)$/
    );
    first.getCell("A2").value = null;
    second.getCell("A2").value = null;
    expect(second.getSheetValues()).toEqual(first.getSheetValues());
    expect((await readSheet(file, "Targets")).getCell("A2").value).toBe("Helpdesk");
  });

  test("formula cells are read by their cached values", async () => {
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
    const out = path.join(folder, "formulas-out.xlsx");
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
    ).getCell("A21");
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
      `kpi-rewards: ${file}: No Targets table was found: add a table with a header row of Project, KPI, Start, Window (or End) and Target.\n`
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
    const bin = BIN;
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
    const text = execFileSync(process.execPath, [BIN, "evaluate", file, "--as-of", "2024-09-30"], {
      encoding: "utf8",
    });
    expect(text).toMatch(/Service Desk\s+No\s+1\s+1\s+0\s+0\s+6,893\.68/);
    await expectSoundWorkbook(path.join(folder, "sample-rewards.xlsx"));
  });
});

describe("manners: help, version, --name=value, a missing build", () => {
  test("--help of each command lists every option with its default, and the exit codes", async () => {
    for (const command of ["evaluate", "sample"] as const) {
      for (const ask of [
        [command, "--help"],
        [command, "-h"],
        ["help", command],
      ]) {
        const { status, out, err } = await run(...ask);
        expect([status, err]).toEqual([0, ""]);
        for (const option of OPTIONS[command]) {
          expect(out).toContain(`  ${option.name}${option.value ? ` ${option.value}` : ""}  `);
          expect(out).toContain(`(default: ${option.default})`);
        }
        expect(out).toContain("Exit status:\n  0  ");
        expect(out).toContain("\n  2  bad usage");
      }
    }
    const { out } = await run("evaluate", "--help");
    expect(out.split("\n")[0]).toBe(
      "Usage: kpi-rewards evaluate <workbook.xlsx> [--as-of YYYY-MM-DD] [--out FILE.xlsx | --in-place] [--json] [--force]"
    );
    expect(out).toContain(
      "  --as-of YYYY-MM-DD     the day the targets are evaluated as of\n                         (default: today)"
    );
  });

  test("--help alone shows the SPEC's usage lines and the commands", async () => {
    const { status, out } = await run("--help");
    expect(status).toBe(0);
    expect(out.split("\n").slice(0, 4)).toEqual([
      "Usage:",
      "  kpi-rewards evaluate <workbook.xlsx> [--as-of YYYY-MM-DD] [--out FILE.xlsx | --in-place] [--json] [--force]",
      "  kpi-rewards evaluate <folder | workbook.xlsx…> [--jobs N] [--portfolio FILE.xlsx] [--as-of YYYY-MM-DD] [--in-place] [--json] [--force]",
      "  kpi-rewards sample <FILE.xlsx> [--force]",
    ]);
    expect(out).toContain("  evaluate  evaluate a workbook's KPI targets");
  });

  test("--version prints the package's version", async () => {
    const version = JSON.parse(
      readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")
    ).version as string;
    for (const flag of ["--version", "-V"])
      expect((await run(flag)).out).toBe(`kpi-rewards ${version}\n`);
  });

  test("--as-of=2024-03-01 and --out=FILE work like their two-word forms", async () => {
    const folder = temporaryFolder();
    const file = await handMade(folder, "equals.xlsx");
    const out = path.join(folder, "equals-out.xlsx");
    const { status, out: printed } = await run(
      "evaluate",
      file,
      "--as-of=2024-03-01",
      `--out=${out}`
    );
    expect(status).toBe(0);
    expect(printed).toContain(`KPI Rewards — ${file}, as of 2024-03-01`);
    expect(printed).toContain(`Wrote ${out}`);
    expect(existsSync(out)).toBe(true);
  });

  test("usage errors name the problem and the command's usage", async () => {
    const cases: [string[], string][] = [
      [
        ["evaluate", "a.xlsx", "--threads", "2"],
        "kpi-rewards: unknown option --threads for evaluate",
      ],
      [["evaluate", "a.xlsx", "--json=yes"], "kpi-rewards: --json takes no value"],
      [["evaluate", "a.xlsx", "--out"], "kpi-rewards: --out needs a value (FILE.xlsx)"],
      [
        ["evaluate", "a.xlsx", "--out", "b.csv"],
        "kpi-rewards: --out b.csv: name an .xlsx file (or .xlsm for a macro-enabled workbook)",
      ],
      [
        ["evaluate", "a.xlsx", "--out", "b.xlsx", "--in-place"],
        "kpi-rewards: --out and --in-place cannot be used together",
      ],
      [["sample", "demo.xlsm"], "kpi-rewards: sample writes an .xlsx file; got demo.xlsm"],
      [["approve", "a.xlsx"], "kpi-rewards: approve needs --by NAME: who approves the run"],
      [
        ["approve", "a.xlsx", "--by", "Ann", "--run", "two"],
        'kpi-rewards: --run "two" is not a run number; write it as 1, 2, 3…',
      ],
      [["approve", "--by", "Ann"], "kpi-rewards: approve needs a workbook"],
      [["unapprove", "a.xlsx"], 'kpi-rewards: unknown command "unapprove"'],
    ];
    for (const [argv, line] of cases) {
      const { status, err } = await run(...argv);
      expect([argv, status, err.split("\n")[0]]).toEqual([argv, 2, line]);
    }
    expect((await run("evaluate", "a.xlsx", "--threads", "2")).err.split("\n").slice(1)).toEqual([
      "Usage: kpi-rewards evaluate <workbook.xlsx> [--as-of YYYY-MM-DD] [--out FILE.xlsx | --in-place] [--json] [--force]",
      "       kpi-rewards evaluate <folder | workbook.xlsx…> [--jobs N] [--portfolio FILE.xlsx] [--as-of YYYY-MM-DD] [--in-place] [--json] [--force]",
      'Run "kpi-rewards evaluate --help" for every option.',
      "",
    ]);
  });

  test("the binary without its build says how to build it, in one line", () => {
    const folder = temporaryFolder();
    mkdirSync(path.join(folder, "bin"));
    copyFileSync(BIN, path.join(folder, "bin", "kpi-rewards.js"));
    const result = spawnSync(
      process.execPath,
      [path.join(folder, "bin", "kpi-rewards.js"), "--help"],
      {
        encoding: "utf8",
      }
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "kpi-rewards: the command-line tool is not built yet; run `npm run build:cli` (or `npm test`) first\n"
    );
  });

  test("the real binary answers --version and evaluate --help", () => {
    const version = spawnSync(process.execPath, [BIN, "--version"], { encoding: "utf8" });
    expect(version.stdout).toMatch(/^kpi-rewards \d+\.\d+\.\d+\n$/);
    const help = spawnSync(process.execPath, [BIN, "evaluate", "--help"], { encoding: "utf8" });
    expect([help.status, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toContain("--force");
  });
});
