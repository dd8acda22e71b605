import JSZip from "jszip";
import { soundnessProblems } from "./ooxml-soundness";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** A minimal sound workbook: two sheets, one table, one style; each test breaks one thing. */
function parts(): Record<string, string> {
  return {
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/xl/tables/table1.xml" ContentType="${CT}.table+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Targets" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="Budget">Targets!$A$1</definedName></definedNames></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData><row r="1"><c r="A1" s="1" t="inlineStr"><is><t>Project</t></is></c></row></sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`,
    "xl/worksheets/_rels/sheet1.xml.rels": `<?xml version="1.0"?><Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/table" Target="../tables/table1.xml"/></Relationships>`,
    "xl/worksheets/sheet2.xml": `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
    "xl/tables/table1.xml": `<?xml version="1.0"?><table xmlns="${MAIN}" id="1" name="KpiTargets" displayName="KpiTargets" ref="A1:A2"><tableColumns count="1"><tableColumn id="1" name="Project"/></tableColumns></table>`,
    "xl/styles.xml": `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`,
  };
}

async function problems(
  change: (p: Record<string, string>) => void = () => undefined,
  name = "book.xlsx"
): Promise<string[]> {
  const all = parts();
  change(all);
  const zip = new JSZip();
  for (const [part, text] of Object.entries(all)) zip.file(part, text);
  return soundnessProblems(await zip.generateAsync({ type: "nodebuffer" }), name);
}

const edit = (part: string, from: string | RegExp, to: string) => (p: Record<string, string>) => {
  p[part] = p[part].replace(from, to);
};

describe("the OOXML soundness check", () => {
  test("a sound workbook has no problems", async () => {
    expect(await problems()).toEqual([]);
  });

  test("sheet names that differ only in case", async () => {
    expect(await problems(edit("xl/workbook.xml", 'name="Notes"', 'name="TARGETS"'))).toEqual([
      'sheet name "TARGETS" used twice (case ignored)',
    ]);
  });

  test("defined names repeated in one scope, and a scope that does not exist", async () => {
    expect(
      await problems(
        edit(
          "xl/workbook.xml",
          "</definedNames>",
          '<definedName name="BUDGET">Notes!$A$1</definedName><definedName name="Budget" localSheetId="1">Notes!$A$1</definedName><definedName name="X" localSheetId="2">Notes!$A$1</definedName></definedNames>'
        )
      )
    ).toEqual([
      "defined name X scoped to sheet 2, which does not exist",
      "defined name BUDGET used twice in scope workbook",
    ]);
  });

  test("two tables with one name, and a table named like a defined name", async () => {
    expect(
      await problems((p) => {
        p["xl/tables/table2.xml"] = p["xl/tables/table1.xml"].replace('id="1"', 'id="2"');
        p["[Content_Types].xml"] = p["[Content_Types].xml"].replace(
          "</Types>",
          `<Override PartName="/xl/tables/table2.xml" ContentType="${CT}.table+xml"/></Types>`
        );
        p["xl/workbook.xml"] = p["xl/workbook.xml"].replace('name="Budget"', 'name="kpitargets"');
      })
    ).toEqual([
      "table name KpiTargets used twice",
      "table name KpiTargets is also a defined name",
      "table name KpiTargets is also a defined name",
    ]);
  });

  test("a relationship to a missing part, and a part without a content type", async () => {
    expect(
      await problems((p) => {
        delete p["xl/tables/table1.xml"];
        p["xl/media/image1.png"] = "png";
      })
    ).toEqual([
      "xl/media/image1.png: no content type",
      "content type override for missing part /xl/tables/table1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels: relationship rId1 points at missing xl/tables/table1.xml",
    ]);
  });

  test("the workbook's content type must match the file's extension", async () => {
    expect(await problems(undefined, "book.xlsm")).toEqual([
      `xl/workbook.xml: content type ${CT}.sheet.main+xml does not match the extension of book.xlsm`,
    ]);
  });

  test("a number format id defined twice", async () => {
    expect(
      await problems(
        edit(
          "xl/styles.xml",
          "<fonts",
          '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="164" formatCode="0.00"/></numFmts><fonts'
        )
      )
    ).toEqual(["styles: number format id 164 defined twice"]);
  });

  test("cell text over 32,767 characters and style indices out of range", async () => {
    expect(
      await problems(
        edit(
          "xl/worksheets/sheet1.xml",
          "</row>",
          `<c r="B1" s="2"/><c r="C1" t="inlineStr"><is><t>${"x".repeat(32768)}</t></is></c></row>`
        )
      )
    ).toEqual([
      "Targets!B1: style 2 out of range (2 cell formats)",
      "Targets!C1: text longer than 32767 characters",
    ]);
  });
});
