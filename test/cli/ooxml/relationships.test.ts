import {
  readRelationships,
  relationshipsPart,
  resolvePartName,
} from "../../../src/cli/ooxml/relationships";
import { ZipArchive } from "../../../src/cli/ooxml/zip-archive";
import { zipParts } from "../../support/ooxml-package";

const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";

describe("a part's relationships", () => {
  test("the relationships part sits in _rels beside its part; the package's own is _rels/.rels", () => {
    expect(relationshipsPart("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relationshipsPart("xl/worksheets/sheet1.xml")).toBe(
      "xl/worksheets/_rels/sheet1.xml.rels"
    );
    expect(relationshipsPart("")).toBe("_rels/.rels");
  });

  test("a target resolves from its source's folder, or from the root when absolute", () => {
    expect(resolvePartName("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe(
      "xl/tables/table1.xml"
    );
    expect(resolvePartName("xl/workbook.xml", "/xl/worksheets/sheet2.xml")).toBe(
      "xl/worksheets/sheet2.xml"
    );
    expect(resolvePartName("xl/workbook.xml", "./worksheets//sheet%201.xml")).toBe(
      "xl/worksheets/sheet 1.xml"
    );
    // Not percent-encoding after all: the name is kept as written.
    expect(resolvePartName("xl/workbook.xml", "worksheets/100%.xml")).toBe(
      "xl/worksheets/100%.xml"
    );
  });

  test("relationships by id: the type's last segment in either namespace, external targets as written", async () => {
    const archive = new ZipArchive(
      await zipParts({
        "xl/_rels/workbook.xml.rels":
          `<Relationships xmlns="${RELS}">` +
          `<Relationship Id="rId1" Type="${TYPE}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${STRICT}/sharedStrings" Target="/xl/sharedStrings.xml"/>` +
          `<Relationship Id="rId3" Type="${TYPE}/hyperlink" Target="https://example.com/a" TargetMode="External"/>` +
          `<Relationship Type="${TYPE}/styles" Target="styles.xml"/>` +
          `</Relationships>`,
      }),
      1e9
    );
    const found = await readRelationships(archive, "xl/workbook.xml");
    expect([...found.values()]).toEqual([
      { id: "rId1", type: "worksheet", part: "xl/worksheets/sheet1.xml", external: false },
      { id: "rId2", type: "sharedStrings", part: "xl/sharedStrings.xml", external: false },
      { id: "rId3", type: "hyperlink", part: "https://example.com/a", external: true },
    ]);
  });

  test("a part without a relationships part has none", async () => {
    const archive = new ZipArchive(await zipParts({ "xl/workbook.xml": "<workbook/>" }), 1e9);
    expect((await readRelationships(archive, "xl/workbook.xml")).size).toBe(0);
  });
});
