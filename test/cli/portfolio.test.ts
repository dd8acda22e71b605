import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "fs";
import path from "path";
import { defaultOutput, main } from "../../src/cli/main";
import { evaluatePortfolio } from "../../src/cli/portfolio";
import { BIN, runCli } from "../support/cli";
import { CRASHING_WORKER } from "../support/crashing-worker";
import { expectSoundWorkbook } from "../support/ooxml-soundness";
import { copyInto, monthEndFolder, NOW, partsOf, runPortfolio } from "../support/portfolio";
import { temporaryFolder } from "../support/xlsx";

const AS_OF = ["--as-of", "2024-03-01"];
/** 1 Mar 2024 as a date serial, for the arguments the command line would have parsed. */
const AS_OF_SERIAL = 45352;
/** Worker processes run the TypeScript sources under ts-node here: seconds to start on a busy machine. */
const WORKERS = 120_000;

/** The solo run of each file, in a folder of its own so that its output does not meet the others'. */
async function soloRuns(files: readonly string[], ...flags: string[]) {
  const runs = [];
  for (const file of files) {
    const [copy] = copyInto([file]);
    const run = await runCli("evaluate", copy, ...AS_OF, ...flags);
    // The solo run names its own copy; the portfolio names the original.
    runs.push({
      ...run,
      out: run.out.split(copy).join(file).split(path.dirname(copy)).join(path.dirname(file)),
      written: run.written,
    });
  }
  return runs;
}

describe("kpi-rewards evaluate over a portfolio", () => {
  test("prints each workbook's summary as alone, in the input order, then the portfolio total", async () => {
    const { north, south, broken } = await monthEndFolder();
    const [soloSouth, soloNorth] = await soloRuns([south, north]);
    const run = await runPortfolio(["evaluate", south, broken, north, ...AS_OF, "--jobs", "1"]);
    expect(run.out).toBe(
      [
        soloSouth.out,
        soloNorth.out,
        // 2 teams (one Service per workbook): north's eligible, south's not; 5,000 paid by north.
        "Portfolio: 3 workbooks, 2 evaluated, 1 failed; 2 teams (1 eligible, 1 not eligible, 0 pending, 0 to review); 2 targets; total reward 5,000.00; 0 issues",
        "",
      ].join("\n")
    );
    expect(soloSouth.out).toContain(`Wrote ${south.replace(/\.xlsx$/, "-rewards.xlsx")}`);
    expect(soloNorth.out).toMatch(/Service\s+Yes\s+1\s+0\s+0\s+0\s+5,000\.00/);
    expect(soloSouth.out).toMatch(/Service\s+No\s+0\s+1\s+0\s+0\s+0\.00/);
  });

  test("an unreadable workbook is one line on stderr naming it; the others are written; exit 2", async () => {
    const { folder, north, south, broken } = await monthEndFolder();
    const run = await runPortfolio(["evaluate", folder, ...AS_OF, "--jobs", "1"]);
    expect(run.status).toBe(2);
    expect(run.err).toBe(`kpi-rewards: ${broken}: is not an .xlsx workbook\n`);
    for (const file of [north, south]) {
      const written = file.replace(/\.xlsx$/, "-rewards.xlsx");
      expect(existsSync(written)).toBe(true);
      await expectSoundWorkbook(written);
    }
    expect(existsSync(broken.replace(/\.xlsx$/, "-rewards.xlsx"))).toBe(false);
  });

  test("exit 0 when every workbook was evaluated", async () => {
    const { north, south } = await monthEndFolder();
    const run = await runPortfolio(["evaluate", north, south, ...AS_OF, "--jobs", "1"]);
    expect(run.err).toBe("");
    expect(run.status).toBe(0);
    expect(run.out).toContain(
      "Portfolio: 2 workbooks, 2 evaluated, 0 failed; 2 teams (1 eligible, 1 not eligible, 0 pending, 0 to review); 2 targets; total reward 5,000.00; 0 issues"
    );
  });

  test(
    "--json: one document, each entry the solo --json of its workbook, in the input order",
    async () => {
      const { north, south, broken } = await monthEndFolder();
      const [soloSouth, soloNorth] = await soloRuns([south, north], "--json");
      const run = await runPortfolio([
        "evaluate",
        south,
        broken,
        north,
        ...AS_OF,
        "--json",
        "--jobs",
        "2",
      ]);
      expect(run.status).toBe(2);
      expect(run.err).toBe(`kpi-rewards: ${broken}: is not an .xlsx workbook\n`);
      const document = JSON.parse(run.out) as { workbooks: Record<string, unknown>[] };
      // Laid out as JSON.stringify(…, null, 2) lays it out, though the entries are spliced as text.
      expect(run.out).toBe(`${JSON.stringify(document, null, 2)}\n`);
      expect(document.workbooks).toEqual([
        { file: south, ...JSON.parse(soloSouth.out) },
        { file: broken, error: "is not an .xlsx workbook" },
        { file: north, ...JSON.parse(soloNorth.out) },
      ]);
      expect(Object.keys(document.workbooks[0])).toEqual([
        "file",
        "asOf",
        "results",
        "teams",
        "issues",
      ]);
      const [northResult] = (document.workbooks[2].results as {
        status: string;
        payout: number;
      }[])!;
      expect([northResult.status, northResult.payout]).toEqual(["Met", 5000]);
      // --json writes no workbook, as alone.
      expect(existsSync(north.replace(/\.xlsx$/, "-rewards.xlsx"))).toBe(false);
    },
    WORKERS
  );

  test(
    "each written workbook equals the solo-written one, part by part",
    async () => {
      const { north, south } = await monthEndFolder();
      const solo = await soloRuns([north, south]);
      const run = await runPortfolio(["evaluate", north, south, ...AS_OF, "--jobs", "2"]);
      expect(run.status).toBe(0);
      for (const [i, file] of [north, south].entries()) {
        const mine = await partsOf(file.replace(/\.xlsx$/, "-rewards.xlsx"));
        expect(Object.keys(mine)).toContain("xl/worksheets/sheet3.xml");
        expect(mine).toEqual(await partsOf(solo[i].written!));
      }
    },
    WORKERS
  );

  test(
    "--jobs 1 and --jobs 2 print and write the same",
    async () => {
      const first = await monthEndFolder();
      const files = [first.north, first.broken, first.south];
      const second = copyInto(files);
      const one = await runPortfolio(["evaluate", ...files, ...AS_OF, "--jobs", "1"]);
      const two = await runPortfolio(["evaluate", ...second, ...AS_OF, "--jobs", "2"]);
      const named = (text: string) => text.split(path.dirname(second[0])).join(first.folder);
      expect(named(two.out)).toBe(one.out);
      expect(named(two.err)).toBe(one.err);
      expect(two.status).toBe(one.status);
      for (const i of [0, 2])
        expect(await partsOf(second[i].replace(/\.xlsx$/, "-rewards.xlsx"))).toEqual(
          await partsOf(files[i].replace(/\.xlsx$/, "-rewards.xlsx"))
        );
    },
    WORKERS
  );

  test(
    "a worker killed while writing: that workbook is one line and exit 2, its temporary file removed, the others written as alone",
    async () => {
      const { folder, north, south } = await monthEndFolder();
      const killed = path.join(folder, "killed-north.xlsx");
      copyFileSync(north, killed);
      const solo = await soloRuns([north, south]);
      let out = "";
      let err = "";
      const io = {
        out: (t: string) => (out += `${t}\n`),
        err: (t: string) => (err += `${t}\n`),
        colour: false,
        now: () => NOW,
      };
      // The first workbook goes to the worker (a new worker gets its first one before this process
      // takes any), which is SIGKILLed once its temporary file is written, just before the rename.
      const files = [killed, north, south];
      const status = await evaluatePortfolio(
        {
          file: killed,
          files,
          jobs: 2,
          asOf: AS_OF_SERIAL,
          inPlace: false,
          json: false,
          force: false,
        },
        io,
        main,
        defaultOutput,
        CRASHING_WORKER
      );
      expect(status).toBe(2);
      expect(err).toBe(
        `kpi-rewards: ${killed}: its evaluation was stopped by SIGKILL (out of memory, or killed); nothing was written for it\n`
      );
      expect(out).toContain(
        "Portfolio: 3 workbooks, 2 evaluated, 1 failed; 2 teams (1 eligible, 1 not eligible, 0 pending, 0 to review); 2 targets; total reward 5,000.00; 0 issues"
      );
      // No killed-north-rewards.xlsx, and no .killed-north-rewards.xlsx.kpi-rewards-<pid>.tmp.
      expect(readdirSync(folder).sort()).toEqual([
        "broken.xlsx",
        "killed-north.xlsx",
        "north-rewards.xlsx",
        "north.xlsx",
        "south-rewards.xlsx",
        "south.xlsx",
      ]);
      for (const [i, file] of [north, south].entries())
        expect(await partsOf(defaultOutput(file))).toEqual(await partsOf(solo[i].written!));
    },
    WORKERS
  );

  test("an output that exists fails its workbook alone, as it would alone; the others are written", async () => {
    const { north, south } = await monthEndFolder();
    const taken = north.replace(/\.xlsx$/, "-rewards.xlsx");
    writeFileSync(taken, "mine");
    const run = await runPortfolio(["evaluate", north, south, ...AS_OF, "--jobs", "1"]);
    expect(run.status).toBe(2);
    expect(run.err).toBe(`kpi-rewards: ${taken}: already exists; pass --force to replace it\n`);
    expect(existsSync(south.replace(/\.xlsx$/, "-rewards.xlsx"))).toBe(true);
    const json = await runPortfolio([
      "evaluate",
      north,
      ...AS_OF,
      "--json",
      "--jobs=1",
      "--in-place",
      south,
    ]);
    expect(json.status).toBe(0);
  });

  test("--in-place writes each workbook into itself", async () => {
    const { north, south } = await monthEndFolder();
    const run = await runPortfolio([
      "evaluate",
      north,
      south,
      ...AS_OF,
      "--in-place",
      "--jobs",
      "1",
    ]);
    expect(run.status).toBe(0);
    expect(run.out).toContain(`Wrote ${north}\n`);
    expect(Object.keys(await partsOf(south))).toContain("xl/worksheets/sheet3.xml");
  });

  test("a folder: its workbooks in name order, without the *-rewards outputs it already holds", async () => {
    const { folder } = await monthEndFolder();
    const run = await runPortfolio(["evaluate", folder, ...AS_OF, "--json", "--jobs", "1"]);
    const files = (JSON.parse(run.out).workbooks as { file: string }[]).map((w) => w.file);
    expect(files).toEqual(
      ["broken.xlsx", "north.xlsx", "south.xlsx"].map((f) => path.join(folder, f))
    );
    // Run again after writing: the copies it wrote are not picked up as workbooks of their own.
    await runPortfolio(["evaluate", folder, ...AS_OF, "--jobs", "1"]);
    expect(readdirSync(folder).sort()).toEqual([
      "broken.xlsx",
      "north-rewards.xlsx",
      "north.xlsx",
      "south-rewards.xlsx",
      "south.xlsx",
    ]);
    const again = await runPortfolio(["evaluate", folder, ...AS_OF, "--json", "--jobs", "1"]);
    expect(JSON.parse(again.out).workbooks).toHaveLength(3);
  });

  test("progress on a terminal: n/N workbooks overwritten in place, cleared at the end", async () => {
    const { north, south, broken } = await monthEndFolder();
    const run = await runPortfolio(["evaluate", north, broken, south, ...AS_OF, "--jobs", "1"], {
      terminal: true,
    });
    const clear = "\r\x1b[K";
    // Before each workbook's output the line is cleared, then drawn again.
    expect(run.progress).toBe(
      [
        `${clear}0/3 workbooks`,
        `${clear}${clear}0/3 workbooks${clear}1/3 workbooks`,
        `${clear}${clear}1/3 workbooks${clear}2/3 workbooks`,
        `${clear}${clear}2/3 workbooks${clear}3/3 workbooks`,
        clear,
      ].join("")
    );
    expect(run.progress).not.toContain("\n");
  });

  test("no progress when stderr is not a terminal: the built command prints only the failure", () => {
    const folder = temporaryFolder();
    const missing = path.join(folder, "gone.xlsx");
    const other = path.join(folder, "also-gone.xlsx");
    const result = spawnSync(process.execPath, [BIN, "evaluate", missing, other, "--jobs", "2"], {
      encoding: "utf8",
    });
    expect(result.stderr).toBe(
      `kpi-rewards: ${missing}: no such file\nkpi-rewards: ${other}: no such file\n`
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe(
      "Portfolio: 2 workbooks, 0 evaluated, 2 failed; 0 teams (0 eligible, 0 not eligible, 0 pending, 0 to review); 0 targets; total reward 0.00; 0 issues\n"
    );
  });
});

describe("portfolio usage errors", () => {
  const usage = async (...argv: string[]) => {
    const run = await runPortfolio(argv);
    expect(run.status).toBe(2);
    expect(run.out).toBe("");
    return run.err.split("\n")[0];
  };

  test("--out with several workbooks: one line, nothing evaluated", async () => {
    const { north, south } = await monthEndFolder();
    expect(await usage("evaluate", north, south, "--out", "x.xlsx")).toBe(
      "kpi-rewards: --out names one workbook; with several, each is written beside its input as <name>-rewards.xlsx (or use --in-place)"
    );
    expect(existsSync(north.replace(/\.xlsx$/, "-rewards.xlsx"))).toBe(false);
  });

  test("--jobs takes a whole number from 1", async () => {
    for (const jobs of ["0", "two", "1.5", "-1"])
      expect(await usage("evaluate", "a.xlsx", "b.xlsx", `--jobs=${jobs}`)).toBe(
        `kpi-rewards: --jobs "${jobs}" is not a number of workbooks from 1 to 9999`
      );
  });

  test("--portfolio names an .xlsx file", async () => {
    expect(await usage("evaluate", "a.xlsx", "b.xlsx", "--portfolio", "all.csv")).toBe(
      "kpi-rewards: --portfolio all.csv: name an .xlsx file"
    );
  });

  test("a folder without workbooks", async () => {
    const folder = temporaryFolder();
    mkdirSync(path.join(folder, "inner"));
    writeFileSync(path.join(folder, "~$lock.xlsx"), "");
    writeFileSync(path.join(folder, "old-rewards.xlsx"), "");
    expect(await usage("evaluate", folder)).toBe(
      `kpi-rewards: ${folder}: holds no workbook to evaluate (.xlsx or .xlsm files other than *-rewards outputs)`
    );
  });

  test("an existing portfolio workbook is never replaced without --force, and nothing is evaluated", async () => {
    const { north, south, folder } = await monthEndFolder();
    const existing = path.join(folder, "..", `${path.basename(folder)}-all.xlsx`);
    writeFileSync(existing, "mine");
    expect(await usage("evaluate", north, south, "--portfolio", existing)).toBe(
      `kpi-rewards: ${existing}: already exists; pass --force to replace it`
    );
    expect(existsSync(north.replace(/\.xlsx$/, "-rewards.xlsx"))).toBe(false);
  });

  test("the portfolio workbook cannot be one of the inputs", async () => {
    const { north, south } = await monthEndFolder();
    expect(await usage("evaluate", north, south, "--portfolio", south, "--force")).toBe(
      `kpi-rewards: ${south}: is one of the workbooks being evaluated; name another file for --portfolio`
    );
  });

  test("a workbook named beside its own output: they are evaluated in separate runs", async () => {
    const { north } = await monthEndFolder();
    const output = north.replace(/\.xlsx$/, "-rewards.xlsx");
    expect((await runCli("evaluate", north, ...AS_OF)).status).toBe(0);
    expect(await usage("evaluate", north, output, ...AS_OF, "--force")).toBe(
      `kpi-rewards: ${output}: is one of the workbooks being evaluated and the output of ${north}; evaluate them in separate runs`
    );
  });
});
