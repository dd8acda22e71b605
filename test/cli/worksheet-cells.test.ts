import { setWorksheetCells, WorksheetEditError } from "../../src/cli/worksheet-cells";

const text = (value: string) => (ref: string, style?: string) =>
  `<c r="${ref}"${style ? ` s="${style}"` : ""} t="inlineStr"><is><t>${value}</t></is></c>`;

const sheet = (rows: string, prefix = "") =>
  `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ""}="m"><${prefix}sheetData>${rows}</${prefix}sheetData><${prefix}tableParts count="0"/></${prefix}worksheet>`;

describe("setting cells in a worksheet part's text", () => {
  test("a cell that exists is replaced, keeping its style; every other byte stays", () => {
    const xml = sheet(
      `<row r="5"><c r="A5"><v>1</v></c><c r="K5" s="7"/><c r="L5" s="9"/></row><row r="6"><c r="K6" s="7"/></row>`
    );
    const edited = setWorksheetCells(xml, [{ row: 5, column: 10, cell: text("Ann") }]);
    expect(edited).toBe(
      sheet(
        `<row r="5"><c r="A5"><v>1</v></c><c r="K5" s="7" t="inlineStr"><is><t>Ann</t></is></c><c r="L5" s="9"/></row><row r="6"><c r="K6" s="7"/></row>`
      )
    );
  });

  test("a missing cell is inserted in column order, and a cell after the last goes last", () => {
    const xml = sheet(`<row r="2"><c r="A2"><v>1</v></c><c r="M2"><v>2</v></c></row>`);
    const edited = setWorksheetCells(xml, [
      { row: 2, column: 14, cell: text("z") },
      { row: 2, column: 10, cell: text("k") },
    ]);
    expect(edited).toBe(
      sheet(
        `<row r="2"><c r="A2"><v>1</v></c><c r="K2" t="inlineStr"><is><t>k</t></is></c><c r="M2"><v>2</v></c><c r="O2" t="inlineStr"><is><t>z</t></is></c></row>`
      )
    );
  });

  test("rows and cells without r count on from the previous one", () => {
    const xml = sheet(`<row><c><v>1</v></c></row><row><c><v>2</v></c><c s="4"><v>3</v></c></row>`);
    const edited = setWorksheetCells(xml, [{ row: 2, column: 1, cell: text("b") }]);
    expect(edited).toBe(
      sheet(
        `<row><c><v>1</v></c></row><row><c><v>2</v></c><c r="B2" s="4" t="inlineStr"><is><t>b</t></is></c></row>`
      )
    );
  });

  test("prefixed elements and single-quoted attributes are followed as written", () => {
    const xml = sheet(`<x:row r='3'><x:c r='C3' s='2'><x:v>1</x:v></x:c></x:row>`, "x:");
    const edited = setWorksheetCells(xml, [
      {
        row: 3,
        column: 2,
        cell: (ref, style) => `<x:c r="${ref}" s="${style}"><x:v>9</x:v></x:c>`,
      },
    ]);
    expect(edited).toBe(sheet(`<x:row r='3'><x:c r="C3" s="2"><x:v>9</x:v></x:c></x:row>`, "x:"));
  });

  test("a self-closing row gets its cells; a missing row is inserted in row order", () => {
    const xml = sheet(`<row r="1"/><row r="4"><c r="A4"><v>4</v></c></row>`);
    const edited = setWorksheetCells(xml, [
      { row: 1, column: 0, cell: text("a") },
      { row: 3, column: 1, cell: text("c") },
      { row: 9, column: 0, cell: text("z") },
    ]);
    expect(edited).toBe(
      sheet(
        `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>` +
          `<row r="3"><c r="B3" t="inlineStr"><is><t>c</t></is></c></row>` +
          `<row r="4"><c r="A4"><v>4</v></c></row>` +
          `<row r="9"><c r="A9" t="inlineStr"><is><t>z</t></is></c></row>`
      )
    );
  });

  test("the style of another cell of the row is at hand (Approved at takes Evaluated at's)", () => {
    const xml = sheet(`<row r="5"><c r="C5" s="12"><v>45000.5</v></c></row>`);
    const edited = setWorksheetCells(xml, [
      {
        row: 5,
        column: 11,
        cell: (ref, style, styleOf) => `<c r="${ref}" s="${style ?? styleOf(2)}"><v>1</v></c>`,
      },
    ]);
    expect(edited).toBe(
      sheet(`<row r="5"><c r="C5" s="12"><v>45000.5</v></c><c r="L5" s="12"><v>1</v></c></row>`)
    );
  });

  test("a part without sheetData cannot be edited", () => {
    expect(() =>
      setWorksheetCells("<worksheet/>", [{ row: 1, column: 0, cell: text("a") }])
    ).toThrow(new WorksheetEditError("the sheet has no sheetData"));
  });
});
