import { summariseTables } from "../../src/engine";
import { chooseTables, type TableChoice } from "../../src/excel/choice";
import { readWorkbook } from "../../src/excel/read";
import { fakeExcel, withSample } from "../support/excel-workbook";

describe("picking tables", () => {
  test("picked ranges replace the tables found, each kind on its own", async () => {
    const state = fakeExcel();
    withSample(state);
    const workbook = await Excel.run((context) => readWorkbook(context));
    const listed = (choice: TableChoice) =>
      summariseTables(chooseTables(workbook, choice)).map((t) => [t.sheet, t.address, t.rows]);
    expect(
      listed({
        targets: { sheet: "Targets", address: "A1:O3" },
        observations: [{ sheet: "Observations", address: "A1:D40" }],
      })
    ).toEqual([
      ["Targets", "A1:O3", 2],
      ["Observations", "A1:D40", 39],
    ]);
    // Picking only the Targets leaves the observation tables to be found.
    expect(listed({ targets: { sheet: "Targets", address: "$A$1:$O$4" } })).toEqual([
      ["Targets", "A1:O4", 3],
      ["Helpdesk Revamp", "A1:C306", 305],
      ["Procure-to-Pay", "A1:C44", 43],
      ["Observations", "A1:D87", 86],
    ]);
  });
});
