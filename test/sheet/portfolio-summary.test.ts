import { isEvaluated, portfolioSummary, type PortfolioWorkbook } from "../../src/sheet";
import { calls, monthEnd } from "../support/month-end";

describe("a portfolio's totals", () => {
  test("count workbooks evaluated and failed, and sum each workbook's teams, targets, reward and issues", () => {
    expect(portfolioSummary(monthEnd())).toEqual({
      workbooks: 3,
      evaluated: 2,
      failed: 1,
      targets: 3,
      teams: 2,
      eligible: 1,
      notEligible: 1,
      pending: 0,
      review: 0,
      totalReward: 6000,
      issues: 0,
    });
  });

  test("the same team name in two workbooks is two teams", () => {
    const twice: PortfolioWorkbook[] = [
      { file: "a.xlsx", evaluation: calls("A", [[-0.2, 5000, "Service"]]) },
      { file: "b.xlsx", evaluation: calls("B", [[-0.2, 5000, "Service"]]) },
    ];
    expect(portfolioSummary(twice)).toMatchObject({ teams: 2, eligible: 2, totalReward: 10000 });
  });

  test("with every workbook failed, everything is zero but the failures", () => {
    expect(portfolioSummary([{ file: "a.xlsx", error: "no such file" }])).toEqual({
      workbooks: 1,
      evaluated: 0,
      failed: 1,
      targets: 0,
      teams: 0,
      eligible: 0,
      notEligible: 0,
      pending: 0,
      review: 0,
      totalReward: 0,
      issues: 0,
    });
    expect(monthEnd().map(isEvaluated)).toEqual([true, false, true]);
  });
});
