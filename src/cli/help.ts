/** What `kpi-rewards --help` and `kpi-rewards <command> --help` print: every option, its default, the exit codes. */

export type Command = "evaluate" | "sample" | "approve";

/** An option a command accepts; `value` names its argument when it takes one. */
export interface OptionSpec {
  readonly name: string;
  readonly value?: string;
  readonly description: string;
  readonly default: string;
}

export const OPTIONS: Record<Command, readonly OptionSpec[]> = {
  evaluate: [
    {
      name: "--as-of",
      value: "YYYY-MM-DD",
      description: "the day the targets are evaluated as of",
      default: "today",
    },
    {
      name: "--out",
      value: "FILE.xlsx",
      description:
        "write the workbook with the KPI Rewards sheet to FILE (.xlsx, or .xlsm for a macro-enabled workbook); its folder must exist",
      default: "<name>-rewards.xlsx beside the input; none with --json",
    },
    {
      name: "--in-place",
      description: "write the KPI Rewards sheet into the input workbook itself",
      default: "off: the input is never changed",
    },
    {
      name: "--json",
      description:
        "print one JSON document instead of the summary; a workbook is written (and the run recorded) only with --out or --in-place",
      default: "off",
    },
    {
      name: "--force",
      description: "replace an existing output file (the input itself needs --in-place)",
      default: "off: an existing file is never replaced",
    },
    {
      name: "--jobs",
      value: "N",
      description:
        "with several workbooks: how many are evaluated at the same time (here and in N-1 worker processes)",
      default: "the number of cores",
    },
    {
      name: "--portfolio",
      value: "FILE.xlsx",
      description:
        "with several workbooks: also write one workbook with every workbook's teams and results and the workbooks that failed",
      default: "none",
    },
  ],
  sample: [
    {
      name: "--force",
      description: "replace an existing file",
      default: "off: an existing file is never replaced",
    },
  ],
  approve: [
    {
      name: "--by",
      value: "NAME",
      description: "who approves the run: written in Approved by (required)",
      default: "",
    },
    {
      name: "--run",
      value: "N",
      description: "the run to approve, as numbered in the Run column of KpiRuns",
      default: "the last run",
    },
  ],
};

const SYNOPSIS: Record<Command, string> = {
  evaluate:
    "kpi-rewards evaluate <workbook.xlsx> [--as-of YYYY-MM-DD] [--out FILE.xlsx | --in-place] [--json] [--force]",
  sample: "kpi-rewards sample <FILE.xlsx> [--force]",
  approve: "kpi-rewards approve <workbook.xlsx> --by NAME [--run N]",
};

/** `evaluate` over a portfolio (SPEC §8): several workbooks or a folder of them. */
const PORTFOLIO_SYNOPSIS =
  "kpi-rewards evaluate <folder | workbook.xlsx…> [--jobs N] [--portfolio FILE.xlsx] [--as-of YYYY-MM-DD] [--in-place] [--json] [--force]";

const PURPOSE: Record<Command, string> = {
  evaluate:
    "Evaluates the workbook's targets, prints a summary (teams, eligibility, rewards, issues) and writes a\ncopy of the workbook with the KPI Rewards sheet and the run recorded in KPI History. The input is\nchanged only with --in-place.\n" +
    "With several workbooks, or a folder (its .xlsx and .xlsm files, not the *-rewards outputs), each is\n" +
    "evaluated and written as it would be alone, several at a time, then a portfolio total is printed.",
  sample:
    "Writes the demo workbook: several projects, wide and long observation sheets, and targets that end\nMet, Missed, Pending, Insufficient data and Invalid.",
  approve:
    "Approves a run recorded in the workbook's KPI History sheet: writes Approved by and Approved at on\nthat run and changes nothing else in the file. An approved run cannot be approved again.",
};

const EXIT_CODES: Record<Command, string> = {
  evaluate: [
    "  0  the evaluation ran, whatever the statuses",
    "  1  the results could not be written: a KPI Rewards or KPI History sheet kpi-rewards did not",
    "     create, a disk error",
    "  2  bad usage; a file that cannot be read as a workbook or holds no Targets or Observations table;",
    "     an output that exists (without --force), is the input (without --in-place), is read-only,",
    "     or whose folder does not exist",
    "  With several workbooks: 0 when every workbook was evaluated, 2 when any failed (each failure is",
    "  one line naming its workbook).",
  ].join("\n"),
  sample: [
    "  0  the sample was written",
    "  1  it could not be written (a disk error)",
    "  2  bad usage; a file that exists (without --force), is read-only, or whose folder does not exist",
  ].join("\n"),
  approve: [
    "  0  the run was approved",
    "  1  the workbook could not be written (a disk error)",
    "  2  bad usage; a file that cannot be read as a workbook or is read-only; no KPI History sheet,",
    "     one kpi-rewards did not create, no such run, or a run approved already",
  ].join("\n"),
};

/** The usage lines of SPEC §8, shown after a usage error and by `kpi-rewards --help`. */
export const USAGE = `Usage:\n  ${SYNOPSIS.evaluate}\n  ${PORTFOLIO_SYNOPSIS}\n  ${SYNOPSIS.sample}\n  ${SYNOPSIS.approve}`;

/** A command's synopsis lines, the portfolio's under evaluate's. */
function synopsis(command: Command): string {
  return command === "evaluate"
    ? `${SYNOPSIS.evaluate}\n       ${PORTFOLIO_SYNOPSIS}`
    : SYNOPSIS[command];
}

export function commandUsage(command: Command): string {
  return `Usage: ${synopsis(command)}\nRun "kpi-rewards ${command} --help" for every option.`;
}

/** The help of one command. */
export function commandHelp(command: Command): string {
  const options = [
    ...OPTIONS[command],
    { name: "-h, --help", description: "show this help and exit", default: "" },
  ];
  const label = (o: OptionSpec) => (o.value ? `${o.name} ${o.value}` : o.name);
  const width = Math.max(...options.map((o) => label(o).length));
  const lines = options.map(
    (o) =>
      `  ${label(o).padEnd(width)}  ${o.description}${o.default ? `\n  ${" ".repeat(width)}  (default: ${o.default})` : ""}`
  );
  return [
    `Usage: ${synopsis(command)}`,
    "",
    PURPOSE[command],
    "",
    "Options (--name value and --name=value are the same):",
    ...lines,
    "",
    "Exit status:",
    EXIT_CODES[command],
  ].join("\n");
}

/** The help of the tool as a whole. */
export function generalHelp(): string {
  return [
    USAGE,
    "  kpi-rewards --version",
    "",
    "Commands:",
    "  evaluate  evaluate a workbook's KPI targets and write the KPI Rewards sheet",
    "  sample    write the demo workbook",
    "  approve   approve a run recorded in the workbook's KPI History sheet",
    "",
    'Run "kpi-rewards <command> --help" for a command\'s options, their defaults and exit codes.',
    "An existing file is never replaced unless --force is given (the input itself only with --in-place).",
  ].join("\n");
}
