import type { TableSummary } from "../../src/engine";
import { missingTableMessage } from "../../src/sheet/missing-table";

const table = (kind: TableSummary["kind"]): TableSummary => ({
  kind,
  sheet: "Sheet1",
  address: "A1:D5",
  rows: 4,
});

describe("the missing-table message every host shows", () => {
  test("without a Targets table: which table, and the header row to add", () => {
    expect(missingTableMessage([table("long observations")])).toBe(
      "No Targets table was found: add a table with a header row of Project, KPI, Start, Window (or End) and Target."
    );
  });

  test("with targets but no observations, long or wide: both shapes are named", () => {
    expect(missingTableMessage([table("targets")])).toBe(
      "No observations were found: add a table with Project, KPI, Date, Value, or a Date column and one column per KPI."
    );
  });

  test("nothing to say when targets and observations are there", () => {
    expect(missingTableMessage([table("targets"), table("wide observations")])).toBeUndefined();
  });
});
