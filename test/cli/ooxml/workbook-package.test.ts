import { LIMITS } from "../../../src/cli/ooxml/limits";
import { readWorkbookPackage } from "../../../src/cli/ooxml/workbook-package";
import { buildPackage, packageParts, row, tableXml, zipParts } from "../../support/ooxml-package";

describe("a package read into the engine's workbook grid", () => {
  test("every sheet's cells in tab order, shared strings resolved, tables placed, 1904 kept", async () => {
    const bytes = await buildPackage({
      sheets: [
        {
          name: "Targets",
          rows: '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2"><v>45352</v></c></row>',
        },
        {
          name: "Data",
          rows: row(1, ["Date", "Sales"]) + row(2, [45292, 10]),
          tables: [tableXml(1, "Sales", "A1:B2", ["Date", "Sales"])],
        },
      ],
      sharedStrings: ["Checkout"],
      date1904: "1",
    });
    const grid = await readWorkbookPackage(bytes);
    expect(grid.date1904).toBe(true);
    expect(grid.issues).toBeUndefined();
    expect(grid.sheets.map((s) => s.name)).toEqual(["Targets", "Data"]);
    expect(grid.sheets[0]).toMatchObject({ top: 1, left: 0 });
    // A cell the sheet does not hold is a hole in its row: blank to the engine.
    expect(grid.sheets[0].values.map((r) => Array.from(r))).toEqual([
      [undefined, "Checkout", 45352],
    ]);
    expect(grid.sheets[1].values.map((r) => Array.from(r))).toEqual([
      ["Date", "Sales"],
      [45292, 10],
    ]);
    expect(grid.sheets[1].tables).toEqual([
      {
        name: "Sales",
        top: 0,
        left: 0,
        rowCount: 2,
        columnCount: 2,
        hasHeaderRow: true,
        totalsRowCount: 0,
      },
    ]);
  });

  test("a table that cannot be read is an issue; the rest of the workbook is still read", async () => {
    const parts = packageParts({
      sheets: [
        { name: "Data", rows: row(1, ["Date"]), tables: [tableXml(1, "T", "A1:", ["Date"])] },
      ],
    });
    const grid = await readWorkbookPackage(await zipParts(parts));
    expect(grid.sheets[0].tables).toBeUndefined();
    expect(grid.issues).toEqual([
      {
        severity: "error",
        sheet: "Data",
        cell: "",
        message:
          'Data: table T has the range "A1:", which is not a range, so it is not read — re-save the workbook in Excel',
      },
    ]);
  });

  test("a sheet listed in the workbook whose part is missing is refused, named", async () => {
    const parts = packageParts({ sheets: [{ name: "Data", rows: "" }] });
    delete parts["xl/worksheets/sheet1.xml"];
    await expect(readWorkbookPackage(await zipParts(parts))).rejects.toThrow(
      'the sheet "Data" is listed in xl/workbook.xml but its part xl/worksheets/sheet1.xml is missing from the package'
    );
  });

  test("the cell limit counts across all sheets", async () => {
    const bytes = await buildPackage({
      sheets: [
        { name: "A", rows: row(1, [1, 2, 3]) },
        { name: "B", rows: row(1, [4, 5, 6]) },
      ],
    });
    await expect(readWorkbookPackage(bytes, { ...LIMITS, cells: 5 })).rejects.toThrow(
      "it holds more than 5 cells, the most this tool reads (a zip bomb or a damaged file)"
    );
    expect((await readWorkbookPackage(bytes, { ...LIMITS, cells: 6 })).sheets).toHaveLength(2);
  });
});
