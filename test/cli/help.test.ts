import { commandHelp, commandUsage, generalHelp, OPTIONS, USAGE } from "../../src/cli/help";

describe("help texts", () => {
  test("the usage lines are SPEC §8's for evaluate, sample and approve", () => {
    expect(USAGE).toBe(
      [
        "Usage:",
        "  kpi-rewards evaluate <workbook.xlsx> [--as-of YYYY-MM-DD] [--out FILE.xlsx | --in-place] [--json] [--force]",
        "  kpi-rewards evaluate <folder | workbook.xlsx…> [--jobs N] [--portfolio FILE.xlsx] [--as-of YYYY-MM-DD] [--in-place] [--json] [--force]",
        "  kpi-rewards sample <FILE.xlsx> [--force]",
        "  kpi-rewards approve <workbook.xlsx> --by NAME [--run N]",
      ].join("\n")
    );
  });

  test("evaluate's options: --as-of, --out, --in-place, --json, --force, --jobs, --portfolio, each with a default", () => {
    expect(OPTIONS.evaluate.map((o) => [o.name, o.default])).toEqual([
      ["--as-of", "today"],
      ["--out", "<name>-rewards.xlsx beside the input; none with --json"],
      ["--in-place", "off: the input is never changed"],
      ["--json", "off"],
      ["--force", "off: an existing file is never replaced"],
      ["--jobs", "the number of cores"],
      ["--portfolio", "none"],
    ]);
    expect(OPTIONS.sample.map((o) => o.name)).toEqual(["--force"]);
  });

  test("sample's help in full", () => {
    expect(commandHelp("sample")).toBe(
      [
        "Usage: kpi-rewards sample <FILE.xlsx> [--force]",
        "",
        "Writes the demo workbook: several projects, wide and long observation sheets, and targets that end",
        "Met, Missed, Pending, Insufficient data and Invalid.",
        "",
        "Options (--name value and --name=value are the same):",
        "  --force     replace an existing file",
        "              (default: off: an existing file is never replaced)",
        "  -h, --help  show this help and exit",
        "",
        "Exit status:",
        "  0  the sample was written",
        "  1  it could not be written (a disk error)",
        "  2  bad usage; a file that exists (without --force), is read-only, or whose folder does not exist",
      ].join("\n")
    );
  });

  test("approve's help in full", () => {
    expect(commandHelp("approve")).toBe(
      [
        "Usage: kpi-rewards approve <workbook.xlsx> --by NAME [--run N]",
        "",
        "Approves a run recorded in the workbook's KPI History sheet: writes Approved by and Approved at on",
        "that run and changes nothing else in the file. An approved run cannot be approved again.",
        "",
        "Options (--name value and --name=value are the same):",
        "  --by NAME   who approves the run: written in Approved by (required)",
        "  --run N     the run to approve, as numbered in the Run column of KpiRuns",
        "              (default: the last run)",
        "  -h, --help  show this help and exit",
        "",
        "Exit status:",
        "  0  the run was approved",
        "  1  the workbook could not be written (a disk error)",
        "  2  bad usage; a file that cannot be read as a workbook or is read-only; no KPI History sheet,",
        "     one kpi-rewards did not create, no such run, or a run approved already",
      ].join("\n")
    );
  });

  test("after a usage error, the command's synopsis and where to find more", () => {
    expect(commandUsage("evaluate").split("\n")[1]).toBe(
      "       kpi-rewards evaluate <folder | workbook.xlsx…> [--jobs N] [--portfolio FILE.xlsx] [--as-of YYYY-MM-DD] [--in-place] [--json] [--force]"
    );
    expect(commandUsage("evaluate").split("\n")[2]).toBe(
      'Run "kpi-rewards evaluate --help" for every option.'
    );
    expect(generalHelp()).toContain("  kpi-rewards --version");
  });
});
