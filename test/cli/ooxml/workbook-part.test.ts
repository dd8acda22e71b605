import { isTrue, readWorkbookPart } from "../../../src/cli/ooxml/workbook-part";
import { ZipArchive } from "../../../src/cli/ooxml/zip-archive";
import { MAIN_NS, packageParts, REL_NS, zipParts } from "../../support/ooxml-package";

const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function archiveOf(parts: Record<string, string>): Promise<ZipArchive> {
  return new ZipArchive(await zipParts(parts), 1e9);
}

const twoSheets = () =>
  packageParts({
    sheets: [
      { name: "Targets", rows: "" },
      { name: "Data", rows: "", state: "hidden" },
    ],
    date1904: "true",
  });

describe("the workbook part: sheets in tab order and the date system", () => {
  test("sheets come in the workbook's order with their state and part; date1904 is read", async () => {
    const workbook = await readWorkbookPart(await archiveOf(twoSheets()));
    expect(workbook.part).toBe("xl/workbook.xml");
    expect(workbook.date1904).toBe(true);
    expect(
      workbook.sheets.map((s) => [s.name, s.state, s.relationship.part, s.relationship.type])
    ).toEqual([
      ["Targets", "visible", "xl/worksheets/sheet1.xml", "worksheet"],
      ["Data", "hidden", "xl/worksheets/sheet2.xml", "worksheet"],
    ]);
  });

  test("the workbook part is found through _rels/.rels, whatever its name", async () => {
    const parts = twoSheets();
    const renamed: Record<string, string> = {};
    for (const [name, xml] of Object.entries(parts))
      renamed[
        name.replace("xl/workbook.xml", "xl/book.xml").replace("workbook.xml.rels", "book.xml.rels")
      ] = xml.replace('Target="xl/workbook.xml"', 'Target="/xl/book.xml"');
    const workbook = await readWorkbookPart(await archiveOf(renamed));
    expect(workbook.part).toBe("xl/book.xml");
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Targets", "Data"]);
  });

  test("xsd:boolean as producers write it: 1 and true, any case and spaces; else false", () => {
    expect(["1", "true", " TRUE "].map(isTrue)).toEqual([true, true, true]);
    expect(["0", "false", "", undefined, "yes"].map(isTrue)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test("a package without its workbook part, or a sheet without its relationship, is refused", async () => {
    const parts = twoSheets();
    delete parts["xl/workbook.xml"];
    await expect(readWorkbookPart(await archiveOf(parts))).rejects.toThrow(
      "its workbook part xl/workbook.xml is missing from the package"
    );
    await expect(readWorkbookPart(await archiveOf({ "a.txt": "hello" }))).rejects.toThrow(
      "it holds no workbook part (is it an .xlsx workbook?)"
    );
    const dangling = twoSheets();
    dangling["xl/_rels/workbook.xml.rels"] =
      `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${TYPE}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
    await expect(readWorkbookPart(await archiveOf(dangling))).rejects.toThrow(
      'the sheet "Data" in xl/workbook.xml points at relationship "rId2", which xl/_rels/workbook.xml.rels does not hold'
    );
  });

  test("a workbook written with a prefix reads the same", async () => {
    const parts = twoSheets();
    parts["xl/workbook.xml"] =
      `<x:workbook xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:workbookPr date1904="0"/><x:sheets>` +
      `<x:sheet name="Targets" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
    const workbook = await readWorkbookPart(await archiveOf(parts));
    expect(workbook.date1904).toBe(false);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Targets"]);
  });
});
