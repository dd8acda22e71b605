import type { CellValue, WorkbookGrid } from "../../../src/engine";
import { findTables } from "../../../src/engine";
import { fingerprintTables, InputsHash } from "../../../src/engine/runs/fingerprint";
import { day, longRows, workbook } from "../../support/workbooks";

function inputsOf(grid: WorkbookGrid): string {
  const found = findTables(grid);
  return fingerprintTables([...found.targets, ...found.observations]);
}

const targets: CellValue[][] = [["Helpdesk", "Calls", day("2024-02-01"), "1 month", -0.2]];
const observations = longRows("Helpdesk", "Calls", [
  ["2024-01-10", 400],
  ["2024-02-10", 319.7],
]);

describe("inputs fingerprint", () => {
  test("is 32 hex characters and the same for the same cells", () => {
    const once = inputsOf(workbook({ rows: targets, observations }));
    expect(once).toMatch(/^[0-9a-f]{32}$/);
    expect(inputsOf(workbook({ rows: targets, observations }))).toBe(once);
  });

  test("stays what it was in earlier versions, so recorded runs still compare equal", () => {
    // Pinned: a change here makes every recorded run look as if its inputs changed.
    expect(inputsOf(workbook({ rows: targets, observations }))).toBe(PINNED_WORKBOOK);
    const hash = new InputsHash();
    hash.text("KPI");
    hash.number(319.7);
    expect(hash.digest()).toBe(PINNED_DIGEST);
  });

  test("changes when one observation changes", () => {
    const changed = longRows("Helpdesk", "Calls", [
      ["2024-01-10", 400],
      ["2024-02-10", 319.8],
    ]);
    expect(inputsOf(workbook({ rows: targets, observations: changed }))).not.toBe(
      inputsOf(workbook({ rows: targets, observations }))
    );
  });

  test("changes when a target's cell changes", () => {
    const other: CellValue[][] = [["Helpdesk", "Calls", day("2024-02-01"), "1 month", -0.25]];
    expect(inputsOf(workbook({ rows: other, observations }))).not.toBe(
      inputsOf(workbook({ rows: targets, observations }))
    );
  });

  test("numbers equal to 15 significant digits are the same input", () => {
    const noisy = longRows("Helpdesk", "Calls", [
      ["2024-01-10", 400],
      ["2024-02-10", 319.70000000000005],
    ]);
    expect(inputsOf(workbook({ rows: targets, observations: noisy }))).toBe(
      inputsOf(workbook({ rows: targets, observations }))
    );
  });

  test("blank cells, empty text and trailing empty rows are not inputs", () => {
    const grid = workbook({ rows: targets, observations });
    const padded: WorkbookGrid = {
      sheets: grid.sheets.map((sheet) => ({
        ...sheet,
        values: [...sheet.values.map((row) => [...row, null, ""]), [], [null, ""]],
      })),
    };
    expect(inputsOf(padded)).toBe(inputsOf(grid));
  });

  test("a table that moves to another place reads other cells, so the inputs differ", () => {
    const grid = workbook({ rows: targets, observations });
    const moved: WorkbookGrid = {
      sheets: grid.sheets.map((sheet, i) => (i === 0 ? { ...sheet, top: 3 } : sheet)),
    };
    expect(inputsOf(moved)).not.toBe(inputsOf(grid));
  });

  test("text, numbers and booleans that print alike are different inputs", () => {
    const digest = (value: CellValue) => {
      const hash = new InputsHash();
      hash.value(value);
      return hash.digest();
    };
    expect(new Set([digest("1"), digest(1), digest(true), digest({ error: "#N/A" })]).size).toBe(4);
  });
});

const PINNED_DIGEST = "2826eb7b76d2ad061a99c4a49a5b4f77";
const PINNED_WORKBOOK = "231b3f3b5d60e040db6d55165c55b36f";
