import { mkdirSync, symlinkSync, writeFileSync } from "fs";
import path from "path";
import {
  isPortfolioWorkbook,
  namesPortfolio,
  selectWorkbooks,
} from "../../src/cli/portfolio-selection";
import { temporaryFolder } from "../support/xlsx";

describe("which workbooks a portfolio run evaluates", () => {
  test("a folder entry is a workbook when it is .xlsx or .xlsm, not ours, not a lock or hidden file", () => {
    expect(isPortfolioWorkbook("north.xlsx")).toBe(true);
    expect(isPortfolioWorkbook("NORTH.XLSM")).toBe(true);
    expect(isPortfolioWorkbook("north-rewards.xlsx")).toBe(false);
    expect(isPortfolioWorkbook("north-Rewards.XLSM")).toBe(false);
    expect(isPortfolioWorkbook("~$north.xlsx")).toBe(false);
    expect(isPortfolioWorkbook(".north.xlsx.kpi-rewards-123.tmp")).toBe(false);
    expect(isPortfolioWorkbook(".north.xlsx")).toBe(false);
    expect(isPortfolioWorkbook("north.xls")).toBe(false);
    expect(isPortfolioWorkbook("north.csv")).toBe(false);
    // "rewards" alone, without the hyphen of our outputs, is a user's name.
    expect(isPortfolioWorkbook("rewards.xlsx")).toBe(true);
  });

  test("a folder gives its workbooks in name order, not those of its sub-folders", async () => {
    const folder = temporaryFolder();
    for (const name of ["b.xlsx", "a.xlsm", "C.xlsx", "a-rewards.xlsx", "~$b.xlsx", "notes.txt"])
      writeFileSync(path.join(folder, name), "");
    mkdirSync(path.join(folder, "2023"));
    writeFileSync(path.join(folder, "2023", "old.xlsx"), "");
    // A folder named like a workbook is still a folder.
    mkdirSync(path.join(folder, "d.xlsx"));
    const selection = await selectWorkbooks([folder]);
    // Code-point order: capitals first, whatever the machine's locale.
    expect(selection).toEqual({
      kind: "workbooks",
      files: ["C.xlsx", "a.xlsm", "b.xlsx"].map((f) => path.join(folder, f)),
    });
  });

  test("named workbooks keep their order; each is taken once, however it is named", async () => {
    const folder = temporaryFolder();
    for (const name of ["a.xlsx", "b.xlsx"]) writeFileSync(path.join(folder, name), "");
    symlinkSync(path.join(folder, "a.xlsx"), path.join(folder, "link-to-a.xlsx"));
    const b = path.join(folder, "b.xlsx");
    const selection = await selectWorkbooks([b, folder, path.join(folder, ".", "b.xlsx")]);
    expect(selection).toEqual({ kind: "workbooks", files: [b, path.join(folder, "a.xlsx")] });
  });

  test("a name that does not exist stays in the list: its own run reports it", async () => {
    const folder = temporaryFolder();
    const missing = path.join(folder, "gone.xlsx");
    expect(await selectWorkbooks([missing])).toEqual({ kind: "workbooks", files: [missing] });
  });

  test("the portfolio workbook being written is never one of its folder's inputs", async () => {
    const folder = temporaryFolder();
    for (const name of ["a.xlsx", "all.xlsx"]) writeFileSync(path.join(folder, name), "");
    expect(await selectWorkbooks([folder], path.join(folder, "all.xlsx"))).toEqual({
      kind: "workbooks",
      files: [path.join(folder, "a.xlsx")],
    });
  });

  test("a folder with no workbook is named as such", async () => {
    const folder = temporaryFolder();
    writeFileSync(path.join(folder, "a-rewards.xlsx"), "");
    expect(await selectWorkbooks([folder])).toEqual({ kind: "empty", folder });
  });

  test("a portfolio is several workbooks, a folder, or any run with --portfolio", async () => {
    const folder = temporaryFolder();
    expect(await namesPortfolio(["a.xlsx"])).toBe(false);
    expect(await namesPortfolio(["a.xlsx", "b.xlsx"])).toBe(true);
    expect(await namesPortfolio([folder])).toBe(true);
    expect(await namesPortfolio(["a.xlsx"], "all.xlsx")).toBe(true);
  });
});
