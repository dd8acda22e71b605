import { evaluateWorkbook, type CellValue } from "../../src/engine";
import type { PortfolioWorkbook } from "../../src/sheet";
import { day, everyDay, longRows, sheet } from "./workbooks";

/**
 * Support calls averaging 412.0 in January 2024 and 319.7 in February (−22.4 %), evaluated as of
 * 1 Mar 2024: a −20 % target is Met (attainment 112 %), a −30 % one Missed.
 */
export function calls(project: string, targets: [number, number, string][]) {
  const rows: CellValue[][] = targets.map(([target, reward, team]) => [
    project,
    "Calls",
    day("2024-02-01"),
    "1 month",
    target,
    reward,
    team,
  ]);
  return evaluateWorkbook(
    {
      sheets: [
        sheet("Targets", ["Project", "KPI", "Start", "Window", "Target", "Reward", "Team"], rows),
        sheet(
          "Observations",
          ["Project", "KPI", "Date", "Value"],
          longRows(project, "Calls", [
            ...everyDay("2024-01-01", 31, 412),
            ...everyDay("2024-02-01", 29, 319.7),
          ])
        ),
      ],
    },
    { asOf: day("2024-03-01") }
  );
}

/** north: Service Met, 5,000; east: Ops one Met (1,000) one Missed (2,000 unpaid); broken failed. */
export function monthEnd(): PortfolioWorkbook[] {
  return [
    { file: "north.xlsx", evaluation: calls("North", [[-0.2, 5000, "Service"]]) },
    { file: "broken.xlsx", error: "is not an .xlsx workbook" },
    {
      file: "east.xlsx",
      evaluation: calls("East", [
        [-0.2, 1000, "Ops"],
        [-0.3, 2000, "Ops"],
      ]),
    },
  ];
}
