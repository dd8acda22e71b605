import {
  type CellValue,
  evaluateWorkbook,
  type Evaluation,
  type Status,
  type TargetResult,
} from "../../src/engine";
import { resultsSheet, wrappedLines } from "../../src/sheet";
import { EXPLANATION_WIDTH, SHEET_COLUMN_WIDTHS } from "../../src/sheet/column-widths";
import { RESULTS_HEADER, resultsTable } from "../../src/sheet/output-tables";
import { REWARD_NOTE } from "../../src/sheet/results-sheet";
import { day, everyDay, longRows, sheet } from "../support/workbooks";

const column = (name: string) => (RESULTS_HEADER as readonly string[]).indexOf(name);

describe("the results sheet's KpiResults", () => {
  const observations = longRows("Helpdesk", "Calls", [
    ...everyDay("2024-01-01", 31, 400),
    ...everyDay("2024-02-01", 10, 300),
  ]);
  const header = ["Project", "KPI", "Start", "Window", "Target", "Reward"];
  const rows: CellValue[][] = [
    ["Helpdesk", "Calls", day("2024-02-01"), "1 month", -0.2, 1000],
    ["Helpdesk", "Calls", day("2024-01-01"), "1 month", -0.5, 1000],
  ];
  const evaluation = evaluateWorkbook(
    {
      sheets: [
        sheet("Targets", header, rows),
        sheet("Observations", ["Project", "KPI", "Date", "Value"], observations),
        sheet(
          "Adjustments",
          ["Project", "KPI", "Amount", "Reason"],
          [["Helpdesk", "Calls", 250, "late data"]]
        ),
      ],
    },
    { asOf: day("2024-02-10") }
  );
  const table = resultsTable(evaluation);

  test("Projected and Pace follow Attainment, Adjustment follows Payout, the comparison follows Explanation", () => {
    expect(RESULTS_HEADER.slice(9)).toEqual([
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
    expect(table.formats[column("Projected")]).toBe("number");
    expect(table.formats[column("Adjustment")]).toBe("money");
    expect(table.formats[column("Previous payout")]).toBe("money");
  });

  test("a Pending row shows its projection and pace; a decided row leaves them blank", () => {
    // February so far: 10 days of 300; T = 400 × 0.8 = 320, so on track.
    const [pending, decided] = table.rows;
    expect([
      pending[column("Projected")],
      pending[column("Pace")],
      pending[column("Status")],
    ]).toEqual([300, "On track", "Pending"]);
    expect([decided[column("Projected")], decided[column("Pace")]]).toEqual([null, null]);
  });

  test("the adjustment stands in its own column; Payout stays the rule's payout", () => {
    const [pending, decided] = table.rows;
    expect([pending[column("Payout")], pending[column("Adjustment")]]).toEqual([0, 250]);
    expect(decided[column("Adjustment")]).toBeNull();
  });

  test("pace and both status columns are highlighted", () => {
    expect(table.highlights).toEqual([
      { column: 9, highlight: "attainment" },
      { column: 11, highlight: "pace" },
      { column: 12, highlight: "status" },
      { column: 16, highlight: "status" },
    ]);
  });

  test("every sheet column has a width, the explanation the widest", () => {
    expect(SHEET_COLUMN_WIDTHS).toHaveLength(RESULTS_HEADER.length);
    expect(Math.max(...SHEET_COLUMN_WIDTHS)).toBe(SHEET_COLUMN_WIDTHS[column("Explanation")]);
  });
});

function result(team: string, status: Status, payout: number, row: number): TargetResult {
  return {
    project: "Apollo",
    team,
    kpi: `KPI ${row}`,
    start: day("2024-01-01"),
    end: day("2024-01-31"),
    baseline: 100,
    actual: 90,
    targetValue: 95,
    change: -0.1,
    attainment: status === "Met" ? 1.2 : null,
    status,
    payout,
    projected: null,
    pace: null,
    adjustment: null,
    observations: null,
    previousStatus: null,
    previousPayout: null,
    changed: "",
    explanation: `Explanation ${row}.`,
    source: { sheet: "Targets", cell: `A${row}` },
    weight: 1,
  };
}

// Four teams, one per verdict: North met both (Yes), South met one and missed one (No, yet paid),
// East waits on a Pending target, West has an Invalid row (Review).
const evaluation: Evaluation = {
  asOf: day("2024-09-30"),
  results: [
    result("North", "Met", 1000, 2),
    result("North", "Met", 500.25, 3),
    result("South", "Met", 2000, 4),
    result("South", "Missed", 0, 5),
    result("East", "Pending", 0, 6),
    result("West", "Invalid", 0, 7),
  ],
  teams: [
    {
      team: "North",
      targets: 2,
      met: 2,
      missed: 0,
      pending: 0,
      review: 0,
      score: 1,
      eligible: "Yes",
      reward: 1500.25,
    },
    {
      team: "South",
      targets: 2,
      met: 1,
      missed: 1,
      pending: 0,
      review: 0,
      score: 0.8,
      eligible: "No",
      reward: 2000,
    },
    {
      team: "East",
      targets: 1,
      met: 0,
      missed: 0,
      pending: 1,
      review: 0,
      score: null,
      eligible: "Pending",
      reward: 0,
    },
    {
      team: "West",
      targets: 1,
      met: 0,
      missed: 0,
      pending: 0,
      review: 1,
      score: null,
      eligible: "Review",
      reward: 0,
    },
  ],
  issues: [
    { severity: "error", sheet: "Targets", cell: "E7", message: "Target is empty." },
    { severity: "warning", sheet: "Obs", cell: "B9", message: "Value is text." },
  ],
  tables: [],
  adjustments: [],
};

describe("the results sheet layout", () => {
  const sheet = resultsSheet(evaluation, "2026-11-25 10:00");
  const line = (row: number) => sheet.lines.find((l) => l.row === row);

  test("the title and the header line come first, the summary block under them", () => {
    expect(line(0)).toEqual({
      row: 0,
      values: ["KPI Rewards"],
      formats: ["text"],
      emphasis: "title",
    });
    expect(line(1)?.values).toEqual([
      "As of 30 Sep 2024 · evaluated 2026-11-25 10:00 · 6 targets: 3 met, 1 missed, 1 pending, 1 to review · 4 teams · 2 issues",
    ]);
    expect([3, 4, 5, 6, 7, 8, 9].map((row) => line(row)?.values)).toEqual([
      ["As of", day("2024-09-30")],
      ["Teams eligible", 1],
      ["Teams not eligible", 1],
      ["Teams pending", 1],
      ["Teams to review", 1],
      ["Total reward", 3500.25],
      ["Issues", 2],
    ]);
    expect(line(3)?.formats).toEqual(["text", "date"]);
    expect(line(8)?.formats).toEqual(["text", "money"]);
  });

  test("a note explains that Reward is paid per target while Eligible judges the whole team", () => {
    expect([line(11), line(12)]).toEqual([
      { row: 11, values: [REWARD_NOTE[0]], formats: ["text"], emphasis: "note" },
      { row: 12, values: [REWARD_NOTE[1]], formats: ["text"], emphasis: "note" },
    ]);
    expect(REWARD_NOTE[0]).toBe(
      "Reward adds up what each target pays on its own, so a team that missed one target is still paid for the others."
    );
    // Each line fits within the printed width of the thirteen columns (211 characters).
    expect(Math.max(...REWARD_NOTE.map((t) => t.length))).toBeLessThan(211);
  });

  test("the teams table sits under the note with a totals row right under its last team", () => {
    // Two blank rows between blocks: totals at 19, targets' header at 22 with six rows to 28, issues at 31.
    expect(sheet.tables.map(({ table, top }) => [table.name, top])).toEqual([
      ["KpiTeams", 14],
      ["KpiResults", 22],
      ["KpiIssues", 31],
    ]);
    // Header at 14, four teams at 15–18, totals at 19.
    expect(line(19)).toEqual({
      row: 19,
      values: ["Total", 6, 3, 1, 1, 1, null, null, 3500.25],
      formats: ["text", "count", "count", "count", "count", "count", "percent", "text", "money"],
      emphasis: "total",
    });
  });

  test("an evaluation without issues still leaves the issues table one blank row", () => {
    const empty = resultsSheet({ ...evaluation, issues: [] }, "2026-11-25 10:00");
    expect(empty.tables[2].table.rows).toEqual([]);
    expect(empty.lines.find((l) => l.row === 9)?.values).toEqual(["Issues", 0]);
  });

  test("the header rows stay in view and print on every landscape page, one page wide", () => {
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.print).toEqual({
      title: "KPI Rewards as of 30 Sep 2024",
      orientation: "landscape",
      pagesWide: 1,
      repeatRows: [0, 1],
    });
  });

  test("only the explanation column (P) wraps, at its 100 characters", () => {
    expect(sheet.columns).toHaveLength(19);
    expect(sheet.columns.filter((c) => c.wrap)).toEqual([{ width: 100, wrap: true }]);
    expect(sheet.columns[15]).toEqual({ width: EXPLANATION_WIDTH, wrap: true });
  });
});

describe("wrappedLines", () => {
  test("text within the width is one line", () => {
    expect(wrappedLines("Support calls fell by 22.4%.", 60)).toBe(1);
    expect(wrappedLines("", 10)).toBe(1);
  });

  test("words move whole to the next line", () => {
    // "aaaa bbbb" fills 9 of 10; "cc" needs 3 more → second line; "dddddd" fits after "cc".
    expect(wrappedLines("aaaa bbbb cc dddddd", 10)).toBe(2);
    expect(wrappedLines("aaaa bbbb cc dddddd e", 10)).toBe(3);
  });

  test("a word longer than the width is broken across lines", () => {
    expect(wrappedLines("x".repeat(25), 10)).toBe(3);
    expect(wrappedLines(`${"x".repeat(25)} yy`, 10)).toBe(3);
  });
});
