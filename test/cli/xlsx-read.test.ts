import { evaluateWorkbook } from "../../src/engine";
import { LIMITS } from "../../src/cli/ooxml/limits";
import { readWorkbookPackage } from "../../src/cli/ooxml/workbook-package";
import { InputError, readXlsx } from "../../src/cli/xlsx-read";
import {
  buildPackage,
  inlineCell,
  packageParts,
  row,
  tableXml,
  worksheetXml,
  zipParts,
  MAIN_NS,
} from "../support/ooxml-package";
import { day } from "../support/workbooks";

const simple = (name: string, text: string) => ({ name, rows: row(1, [text]) });

/** The message readXlsx refuses a package with. */
async function refusal(bytes: Buffer): Promise<string> {
  try {
    await readXlsx(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("the package was read");
}

describe("sheets come from xl/workbook.xml and its relationships", () => {
  test("names and order follow the workbook, whatever the part names and zip entry order", async () => {
    const options = {
      sheets: [simple("Targets", "a"), simple("Data 2024", "b"), simple("Проект 'Ω'", "c")],
      sheetPart: (i: number) => `xl/worksheets/${["zeta", "alpha", "mid"][i]}.xml`,
    };
    const parts = packageParts(options);
    // Sheets before the workbook part, in reverse: LibreOffice and streaming writers do such things.
    const order = Object.keys(parts).reverse();
    const grid = await readXlsx(await zipParts(parts, order));
    expect(grid.sheets.map((s) => [s.name, s.values])).toEqual([
      ["Targets", [["a"]]],
      ["Data 2024", [["b"]]],
      ["Проект 'Ω'", [["c"]]],
    ]);
  });

  test("hidden sheets are read like any other", async () => {
    const grid = await readXlsx(
      await buildPackage({ sheets: [simple("A", "x"), { ...simple("B", "y"), state: "hidden" }] })
    );
    expect(grid.sheets.map((s) => s.name)).toEqual(["A", "B"]);
  });

  test.each([
    ["1", true],
    ["true", true],
    [" TRUE ", true],
    ["0", false],
    ["false", false],
    [undefined, false],
  ])("date1904=%p reads as the 1904 system: %p", async (spelling, expected) => {
    const grid = await readXlsx(
      await buildPackage({ sheets: [simple("A", "x")], date1904: spelling })
    );
    expect(grid.date1904).toBe(expected);
  });

  test("the workbook part is found through _rels/.rels, not by its usual name", async () => {
    const parts = packageParts({ sheets: [simple("Only", "x")] });
    parts["xl/book.xml"] = parts["xl/workbook.xml"];
    parts["xl/_rels/book.xml.rels"] = parts["xl/_rels/workbook.xml.rels"];
    delete parts["xl/workbook.xml"];
    delete parts["xl/_rels/workbook.xml.rels"];
    parts["_rels/.rels"] = parts["_rels/.rels"].replace("xl/workbook.xml", "/xl/book.xml");
    const grid = await readXlsx(await zipParts(parts));
    expect(grid.sheets.map((s) => s.name)).toEqual(["Only"]);
  });
});

describe("cells by their type", () => {
  test("shared, rich, phonetic, inline, str, number, boolean, error and ISO date cells", async () => {
    const rows = [
      `<row r="1">`,
      `<c r="A1" t="s"><v>0</v></c>`,
      `<c r="B1" t="s"><v>1</v></c>`,
      `<c r="C1" t="inlineStr"><is><r><t>Pro</t></r><r><rPr><b/></rPr><t>ject</t></r></is></c>`,
      `<c r="D1" t="str"><f>A1&amp;"!"</f><v>Calls!</v></c>`,
      `<c r="E1"><v>12.5</v></c>`,
      `<c r="F1" t="b"><f>1=1</f><v>1</v></c>`,
      `<c r="G1" t="e"><f>NA()</f><v>#N/A</v></c>`,
      `<c r="H1" t="d"><v>2024-03-01T12:00:00</v></c>`,
      `<c r="I1" t="e"><v>#DIV/0!</v></c>`,
      `<c r="J1" t="s"><v>2</v></c>`,
      `</row>`,
    ].join("");
    const grid = await readXlsx(
      await buildPackage({
        sheets: [{ name: "S", rows }],
        sharedStrings: [
          "Calls",
          `<r><t>KP</t></r><r><t>I</t></r><rPh sb="0" eb="1"><t>ケーピーアイ</t></rPh>`,
          "line_x000D_break",
        ],
      })
    );
    expect(grid.sheets[0].values).toEqual([
      [
        "Calls",
        "KPI",
        "Project",
        "Calls!",
        12.5,
        true,
        { error: "#N/A" },
        day("2024-03-01") + 0.5,
        { error: "#DIV/0!" },
        "line\rbreak",
      ],
    ]);
  });

  test("an ISO date cell in a 1904 workbook is a serial of the 1904 system", async () => {
    const grid = await readXlsx(
      await buildPackage({
        sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="d"><v>2024-03-01</v></c></row>` }],
        date1904: "true",
      })
    );
    expect(grid.sheets[0].values).toEqual([[day("2024-03-01") - 1462]]);
  });

  test("cells and rows without r follow the previous one; the used range's first row is `top`", async () => {
    const rows =
      `<row r="3"><c><v>1</v></c><c><v>2</v></c><c r="E3"><v>5</v></c><c><v>6</v></c></row>` +
      `<row><c r="B4"><v>7</v></c></row>`;
    const grid = await readXlsx(await buildPackage({ sheets: [{ name: "S", rows }] }));
    const sheet = grid.sheets[0];
    expect(sheet.top).toBe(2);
    expect(sheet.values.map((r) => Array.from(r))).toEqual([
      [1, 2, undefined, undefined, 5, 6],
      [undefined, 7],
    ]);
  });

  test("parts with a namespace prefix (<x:worksheet>) read the same", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Project</x:t></x:is></x:c><x:c r="B1"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const grid = await readXlsx(await buildPackage({ sheets: [{ name: "S", rows: "", xml }] }));
    expect(grid.sheets[0].values).toEqual([["Project", 3]]);
  });

  test("a formula with no saved result is blank, and a warning names its cell", async () => {
    const rows = `<row r="5"><c r="G5"><f>500*2</f></c><c r="H5"><f>1+1</f><v></v></c><c r="I5"><f>2</f><v>2</v></c></row>`;
    const grid = await readXlsx(await buildPackage({ sheets: [{ name: "Targets", rows }] }));
    expect(Array.from(grid.sheets[0].values[0])).toEqual([...Array<undefined>(8), 2]);
    expect(grid.issues).toEqual([
      {
        severity: "warning",
        sheet: "Targets",
        cell: "G5",
        message:
          "Targets!G5 holds the formula =500*2 with no saved result (the program that wrote the file did not calculate it), so it is read as blank — open and save the workbook in Excel or LibreOffice, then run again",
      },
      expect.objectContaining({ cell: "H5" }),
    ]);
  });

  test("after 20 named formula cells without results, one more issue counts the rest", async () => {
    const cells = Array.from({ length: 25 }, (_, i) => `<c r="A${i + 1}"><f>1</f></c>`);
    const rows = cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join("");
    const grid = await readXlsx(await buildPackage({ sheets: [{ name: "S", rows }] }));
    expect(grid.issues).toHaveLength(21);
    expect(grid.issues?.[20].message).toBe(
      "S: 5 more formula cells have no saved result and are read as blank — open and save the workbook in Excel or LibreOffice, then run again"
    );
  });

  test("a multibyte name split between inflated chunks comes back whole", async () => {
    // 3-byte characters across more than one 1 MB chunk: with pads of 0, 1 and 2 bytes, one of the
    // three packages splits a character at the chunk boundary whatever the part's header length.
    const name = "日本語".repeat(150_000);
    for (const pad of ["", "a", "ab"]) {
      const grid = await readXlsx(
        await buildPackage({
          sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }],
          sharedStrings: [pad + name],
        })
      );
      const text = grid.sheets[0].values[0][0] as string;
      expect(text.length).toBe(pad.length + name.length);
      expect(text).toBe(pad + name);
    }
  });
});

describe("Excel tables from their table parts", () => {
  const targets = [
    row(1, ["Targets for Q1"]),
    row(3, ["Project", "KPI", "Start", "Window", "Target", "Target type", "Aggregate"]),
    row(4, ["Apollo", "Calls", day("2024-01-01"), "1 month", 2, "value", "count"]),
    row(5, ["Total", null, null, null, null, null, null]),
  ].join("");
  const observations = [
    row(1, ["Project", "KPI", "Date", "Value", null, "Date", "Project", "Calls"]),
    row(2, ["Apollo", "Calls", day("2023-12-10"), 1, null, day("2024-01-02"), "Apollo", 4]),
    row(3, ["Apollo", "Calls", day("2024-01-10"), 5, null, null, null, null]),
  ].join("");

  test("title lines above a table, its totals row, and two tables on one sheet", async () => {
    const grid = await readXlsx(
      await buildPackage({
        sheets: [
          {
            name: "Targets",
            rows: targets,
            tables: [
              tableXml(
                1,
                "Goals",
                "A3:G5",
                ["Project", "KPI", "Start", "Window", "Target", "Target type", "Aggregate"],
                ' totalsRowCount="1"'
              ),
            ],
          },
          {
            name: "Obs",
            rows: observations,
            tables: [
              tableXml(2, "Long", "A1:D3", ["Project", "KPI", "Date", "Value"]),
              tableXml(3, "Wide", "F1:H2", ["Date", "Project", "Calls"]),
            ],
          },
        ],
      })
    );
    expect(grid.sheets.map((s) => s.tables)).toEqual([
      [
        {
          name: "Goals",
          top: 2,
          left: 0,
          rowCount: 3,
          columnCount: 7,
          hasHeaderRow: true,
          totalsRowCount: 1,
        },
      ],
      [
        {
          name: "Long",
          top: 0,
          left: 0,
          rowCount: 3,
          columnCount: 4,
          hasHeaderRow: true,
          totalsRowCount: 0,
        },
        {
          name: "Wide",
          top: 0,
          left: 5,
          rowCount: 2,
          columnCount: 3,
          hasHeaderRow: true,
          totalsRowCount: 0,
        },
      ],
    ]);
    const evaluation = evaluateWorkbook(grid, { asOf: day("2024-06-30") });
    // Jan count: one long row (10 Jan) + one wide row (2 Jan) = 2 ≥ 2; the totals row adds no target.
    expect(evaluation.results.map((r) => [r.project, r.actual, r.status])).toEqual([
      ["Apollo", 2, "Met"],
    ]);
    expect(evaluation.tables.map((t) => [t.name, t.address, t.rows])).toEqual([
      ["Goals", "A3:G4", 1],
      ["Long", "A1:D3", 2],
      ["Wide", "F1:H2", 1],
    ]);
  });

  test("totalsRowShown alone adds no totals row; headerRowCount=0 marks a header-less table", async () => {
    const grid = await readXlsx(
      await buildPackage({
        sheets: [
          {
            name: "Obs",
            rows: observations,
            tables: [
              tableXml(
                1,
                "Shown",
                "A1:D3",
                ["Project", "KPI", "Date", "Value"],
                ' totalsRowShown="1"'
              ),
              tableXml(2, "Bare", "F2:G2", ["Date", "Calls"], ' headerRowCount="0"'),
            ],
          },
        ],
      })
    );
    expect(grid.sheets[0].tables?.map((t) => [t.name, t.hasHeaderRow, t.totalsRowCount])).toEqual([
      ["Shown", true, 0],
      ["Bare", false, 0],
    ]);
  });
});

describe("bad packages: one clear issue or one line, never a crash or a wrong number", () => {
  test("a zip without its central directory", async () => {
    const bytes = await buildPackage({ sheets: [simple("A", "x")] });
    expect(await refusal(bytes.subarray(0, bytes.length - 30))).toBe(
      "cannot be read as a workbook: it has no zip central directory (the file is cut short or is not a complete .xlsx)"
    );
  });

  test("a sheet part missing from the package", async () => {
    const parts = packageParts({ sheets: [simple("A", "x"), simple("Data", "y")] });
    delete parts["xl/worksheets/sheet2.xml"];
    expect(await refusal(await zipParts(parts))).toBe(
      'cannot be read as a workbook: the sheet "Data" is listed in xl/workbook.xml but its part xl/worksheets/sheet2.xml is missing from the package'
    );
  });

  test("a sheet whose relationship points at nothing", async () => {
    const parts = packageParts({ sheets: [simple("A", "x")] });
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace('r:id="rId1"', 'r:id="rId9"');
    expect(await refusal(await zipParts(parts))).toBe(
      'cannot be read as a workbook: the sheet "A" in xl/workbook.xml points at relationship "rId9", which xl/_rels/workbook.xml.rels does not hold'
    );
  });

  test("a corrupt table part: an error issue, the sheet read as a plain range", async () => {
    const grid = await readXlsx(
      await buildPackage({
        sheets: [
          {
            name: "Obs",
            rows: row(1, ["Date", "Calls"]),
            tables: ['<table ref="A1:B1"><tableColumns>'],
          },
        ],
      })
    );
    expect(grid.sheets[0].tables).toBeUndefined();
    expect(grid.issues).toEqual([
      {
        severity: "error",
        sheet: "Obs",
        cell: "",
        message:
          "Obs: the part xl/tables/table1.xml is not well-formed XML: it ends before </tableColumns>, so that table is not read — re-save the workbook in Excel",
      },
    ]);
  });

  test("a table whose ref lies outside its sheet", async () => {
    const grid = await readXlsx(
      await buildPackage({
        sheets: [
          {
            name: "Obs",
            rows: row(1, ["Date", "Calls"]),
            tables: [tableXml(1, "Far", "A1048576:B1048577", ["Date", "Calls"])],
          },
        ],
      })
    );
    expect(grid.issues?.map((i) => i.message)).toEqual([
      "Obs: table Far has the range A1048576:B1048577, which lies outside the sheet (XFD1048576 is its last cell), so it is not read — re-save the workbook in Excel",
    ]);
  });

  test("a shared string index the package does not hold", async () => {
    const bytes = await buildPackage({
      sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="s"><v>7</v></c></row>` }],
      sharedStrings: ["only"],
    });
    expect(await refusal(bytes)).toBe(
      'cannot be read as a workbook: the part xl/worksheets/sheet1.xml (sheet "S") points cell A1 at shared string 7, which the package does not hold'
    );
  });

  test("a DOCTYPE with entities (XXE, billion laughs) is refused before any entity is expanded", async () => {
    const parts = packageParts({ sheets: [simple("A", "x")] });
    parts["xl/worksheets/sheet1.xml"] =
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` +
      worksheetXml(`<row r="1">${inlineCell("A1", "x")}</row>`).replace(/^<\?xml[^>]*>/, "");
    expect(await refusal(await zipParts(parts))).toBe(
      "cannot be read as a workbook: the part xl/worksheets/sheet1.xml is not well-formed XML: it declares a DOCTYPE, which workbooks never do (entities are refused)"
    );
  });

  test("unpacking past the stated limits is refused: package bytes, shared strings, cells", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(i + 1, [i, i])).join("");
    const bytes = await buildPackage({
      sheets: [{ name: "S", rows }],
      sharedStrings: ["x".repeat(5000)],
    });
    const read = (limits: Partial<typeof LIMITS>) =>
      readWorkbookPackage(bytes, { ...LIMITS, ...limits }).then(
        () => "read",
        (e: Error) => e.message
      );
    expect(await read({ packageBytes: 3000 })).toMatch(
      /^the package unpacks to more than 0 MB, the most this tool reads/
    );
    expect(await read({ sharedStringsBytes: 4000 })).toMatch(
      /^the part xl\/sharedStrings.xml unpacks to more than 0 MB/
    );
    expect(await read({ cells: 99 })).toBe(
      "it holds more than 99 cells, the most this tool reads (a zip bomb or a damaged file)"
    );
    expect(await read({})).toBe("read");
  });
});
