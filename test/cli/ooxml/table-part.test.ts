import type { Issue } from "../../../src/engine";
import { readTablePart } from "../../../src/cli/ooxml/table-part";
import { ZipArchive } from "../../../src/cli/ooxml/zip-archive";
import { MAIN_NS, tableXml, zipParts } from "../../support/ooxml-package";

const PART = "xl/tables/table1.xml";
const RESAVE = "re-save the workbook in Excel";

/** `part` null: the sheet's table relationship is missing. */
async function read(xml: string | undefined, part: string | null = PART) {
  const archive = new ZipArchive(await zipParts(xml === undefined ? {} : { [PART]: xml }), 1e9);
  const issues: Issue[] = [];
  const table = await readTablePart(archive, part ?? undefined, "Data", issues);
  return { table, issues: issues.map((i) => `${i.severity} ${i.sheet}!${i.cell} ${i.message}`) };
}

describe("a table part as the engine's table area", () => {
  test("its ref is the whole table: B2:D10 is 9 rows by 3 columns from row 1, column 1 (0-based)", async () => {
    expect(await read(tableXml(1, "Sales", "B2:D10", ["Date", "Sales", "Costs"]))).toEqual({
      table: {
        name: "Sales",
        top: 1,
        left: 1,
        rowCount: 9,
        columnCount: 3,
        hasHeaderRow: true,
        totalsRowCount: 0,
      },
      issues: [],
    });
  });

  test("a totals row counts only when totalsRowCount says so; headerRowCount 0 means no header", async () => {
    const shown = await read(tableXml(1, "T", "A1:B5", ["A", "B"], ' totalsRowShown="1"'));
    expect(shown.table?.totalsRowCount).toBe(0);
    const counted = await read(tableXml(1, "T", "A1:B5", ["A", "B"], ' totalsRowCount="1"'));
    expect(counted.table?.totalsRowCount).toBe(1);
    const headless = await read(tableXml(1, "T", "A1:B5", ["A", "B"], ' headerRowCount="0"'));
    expect(headless.table?.hasHeaderRow).toBe(false);
  });

  test("a table named only by name, or by neither, keeps what there is", async () => {
    const xml = `<table xmlns="${MAIN_NS}" id="1" name="Only" ref="A1:B2"/>`;
    expect((await read(xml)).table?.name).toBe("Only");
    expect((await read(`<table xmlns="${MAIN_NS}" id="1" ref="A1:B2"/>`)).table?.name).toBe(PART);
  });

  test("a table that cannot be placed is an error issue on its sheet, and is not read", async () => {
    expect(await read(undefined, null)).toEqual({
      table: undefined,
      issues: [
        `error Data! Data: a table on this sheet has no definition in the package (no relationship), so it is not read — ${RESAVE}`,
      ],
    });
    expect((await read(undefined)).issues).toEqual([
      `error Data! Data: a table on this sheet has no definition in the package (${PART}), so it is not read — ${RESAVE}`,
    ]);
    expect((await read(`<other xmlns="${MAIN_NS}"/>`)).issues).toEqual([
      `error Data! Data: ${PART} holds no table definition, so that table is not read — ${RESAVE}`,
    ]);
    expect((await read(tableXml(1, "T", "A1:", ["A"]))).issues).toEqual([
      `error Data! Data: table T has the range "A1:", which is not a range, so it is not read — ${RESAVE}`,
    ]);
    expect((await read(tableXml(1, "T", "XFD1:XFE2", ["A"]))).issues).toEqual([
      `error Data! Data: table T has the range XFD1:XFE2, which lies outside the sheet (XFD1048576 is its last cell), so it is not read — ${RESAVE}`,
    ]);
    expect((await read("<table")).issues).toEqual([
      `error Data! Data: the part ${PART} is not well-formed XML: it ends in the middle of a tag, so that table is not read — ${RESAVE}`,
    ]);
  });
});
