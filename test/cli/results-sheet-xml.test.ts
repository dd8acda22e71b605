import { escapeXml, sheetXml, tableXml } from "../../src/cli/results-sheet-xml";
import { Styles } from "../../src/cli/styles-part";
import type { ResultsSheet } from "../../src/sheet";
import { day } from "../support/workbooks";

function sheet(project: string, start: number): ResultsSheet {
  return {
    name: "KPI Rewards",
    title: "KPI Rewards",
    summary: "As of …",
    lines: [
      { row: 0, values: ["KPI Rewards"], formats: ["text"], emphasis: "title" },
      { row: 1, values: ["As of …"], formats: ["text"], emphasis: "plain" },
    ],
    columns: [
      { width: 20, wrap: false },
      { width: 12, wrap: false },
    ],
    frozenRows: 2,
    print: { title: "KPI Rewards", orientation: "landscape", pagesWide: 1, repeatRows: [0, 1] },
    date1904: false,
    tables: [
      {
        top: 3,
        table: {
          name: "KpiResults",
          header: ["Project", "Start"],
          formats: ["text", "date"],
          rows: [[project, start]],
          highlights: [],
        },
      },
    ],
  };
}

const cell = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>.*?</c>`).exec(xml)?.[0];

describe("the results sheet as SpreadsheetML", () => {
  test("user text is an inline string, never a formula, with XML's forbidden characters dropped", () => {
    const { xml } = sheetXml(
      sheet('=HYPERLINK("http://x","y")\u0001', day("2024-02-01")),
      new Styles(undefined),
      false,
      ["KpiResults"],
      ["rId1"]
    );
    expect(cell(xml, "A5")).toBe(
      '<c r="A5" s="1" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t></is></c>'
    );
    expect(xml).not.toContain("<f>");
  });

  test("dates are serials of the workbook's own date system", () => {
    const serial = day("2024-02-01");
    const in1900 = sheetXml(
      sheet("P", serial),
      new Styles(undefined),
      false,
      ["KpiResults"],
      ["rId1"]
    );
    const in1904 = sheetXml(
      sheet("P", serial),
      new Styles(undefined),
      true,
      ["KpiResults"],
      ["rId1"]
    );
    // Cell formats: 0 the workbook's own, 1 text, 2 the title, 3 dates.
    expect(cell(in1900.xml, "B5")).toBe(`<c r="B5" s="3"><v>${serial}</v></c>`);
    expect(cell(in1904.xml, "B5")).toBe(`<c r="B5" s="3"><v>${serial - 1462}</v></c>`);
  });

  test("text beyond 32,767 characters is cut in the cell", () => {
    const { xml } = sheetXml(
      sheet("p".repeat(40000), 1),
      new Styles(undefined),
      false,
      ["KpiResults"],
      ["rId1"]
    );
    expect(cell(xml, "A5")).toBe(
      `<c r="A5" s="1" t="inlineStr"><is><t xml:space="preserve">${"p".repeat(32767)}</t></is></c>`
    );
  });

  test("tables take the names they are given in this workbook", () => {
    const { xml, tables } = sheetXml(
      sheet("P", 1),
      new Styles(undefined),
      false,
      ["KpiResults2"],
      ["rId7"]
    );
    expect(tables).toEqual([{ name: "KpiResults2", ref: "A4:B5", columns: ["Project", "Start"] }]);
    expect(xml).toContain('<tableParts count="1"><tablePart r:id="rId7"/></tableParts>');
    expect(tableXml(tables[0], 9)).toContain(
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="9" name="KpiResults2" displayName="KpiResults2" ref="A4:B5" totalsRowShown="0">'
    );
    expect(escapeXml('<a & "b">')).toBe("&lt;a &amp; &quot;b&quot;&gt;");
  });
});
