import { randomBytes } from "crypto";
import JSZip from "jszip";
import { unselectSheet } from "../../src/cli/sheet-selection";

const PART = "xl/worksheets/sheet1.xml";
const OPEN = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="x">';

/** A worksheet with `rows` rows of text that does not compress much, so its part is large. */
function worksheet(view: string, rows = 20_000, beforeViews = ""): string {
  const body = Array.from(
    { length: rows },
    (_, r) =>
      `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>${randomBytes(12).toString("hex")}</t></is></c></row>`
  ).join("");
  return `${OPEN}${beforeViews}<sheetViews>${view}</sheetViews><sheetData>${body}</sheetData></worksheet>`;
}

/** The part as a zip reader loads it: deflated bytes JSZip keeps as they are. */
async function loaded(xml: string): Promise<JSZip> {
  const zip = new JSZip();
  zip.file(PART, xml);
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  return JSZip.loadAsync(bytes);
}

const dataOf = (zip: JSZip) => (zip.file(PART) as unknown as { _data: unknown })._data;
const never = async (): Promise<string | undefined> => {
  throw new Error("read the slow way");
};

describe("taking a sheet's selected mark off, reading only its head", () => {
  test("a sheet that is not selected keeps its compressed bytes untouched", async () => {
    const zip = await loaded(worksheet('<sheetView workbookViewId="0"/>'));
    const before = dataOf(zip);
    await unselectSheet(zip, PART, never);
    expect(dataOf(zip)).toBe(before);
  });

  test("a selected sheet loses the mark and nothing else", async () => {
    const xml = worksheet('<sheetView tabSelected="1" zoomScale="90" workbookViewId="0"/>');
    const zip = await loaded(xml);
    await unselectSheet(zip, PART, never);
    expect(await zip.file(PART)!.async("string")).toBe(
      xml.replace('<sheetView tabSelected="1" zoomScale', "<sheetView zoomScale")
    );
  });

  test("a prefixed sheet view marked true is unselected too", async () => {
    const xml = worksheet('<x:sheetView workbookViewId="0" tabSelected="true"/>', 10);
    const zip = await loaded(xml);
    await unselectSheet(zip, PART, never);
    expect(await zip.file(PART)!.async("string")).toBe(xml.replace(' tabSelected="true"', ""));
  });

  test("a head longer than the first look is read until sheetData", async () => {
    // 40 KB of incompressible comment before the views: the mark lies past the first 16 KB.
    const comment = `<!-- ${randomBytes(20_000).toString("hex")} -->`;
    const xml = worksheet('<sheetView tabSelected="1" workbookViewId="0"/>', 20_000, comment);
    const zip = await loaded(xml);
    await unselectSheet(zip, PART, never);
    expect(await zip.file(PART)!.async("string")).toBe(
      xml.replace('<sheetView tabSelected="1" ', "<sheetView ")
    );
  });

  test("a mark inside the rows' text is not a sheet view: the cells stay as written", async () => {
    const xml = `${OPEN}<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;sheetView tabSelected="1"</t></is></c></row></sheetData></worksheet>`;
    const zip = await loaded(xml);
    const before = dataOf(zip);
    await unselectSheet(zip, PART, never);
    expect(dataOf(zip)).toBe(before);
  });

  test("a part JSZip holds as text (no compressed bytes) is read the slow way", async () => {
    const xml = worksheet('<sheetView tabSelected="1" workbookViewId="0"/>', 3);
    const zip = new JSZip();
    zip.file(PART, xml);
    await unselectSheet(zip, PART, () => zip.file(PART)!.async("string"));
    expect(await zip.file(PART)!.async("string")).toBe(
      xml.replace('<sheetView tabSelected="1" ', "<sheetView ")
    );
  });

  test("bytes zlib refuses are left to the slow reader, which says what is wrong", async () => {
    const zip = await loaded(worksheet('<sheetView workbookViewId="0"/>', 3));
    const data = dataOf(zip) as { compressedContent: Uint8Array };
    data.compressedContent = Buffer.from([0xff, 0xff, 0xff, 0xff]);
    await expect(
      unselectSheet(zip, PART, async () => {
        throw new Error("xl/worksheets/sheet1.xml cannot be read: invalid block type");
      })
    ).rejects.toThrow("xl/worksheets/sheet1.xml cannot be read: invalid block type");
  });
});
