import { readSharedStrings } from "../../../src/cli/ooxml/shared-strings";
import { ZipArchive } from "../../../src/cli/ooxml/zip-archive";
import { MAIN_NS, zipParts } from "../../support/ooxml-package";

async function strings(items: string, limit?: number): Promise<string[]> {
  const archive = new ZipArchive(
    await zipParts({ "xl/sharedStrings.xml": `<sst xmlns="${MAIN_NS}">${items}</sst>` }),
    1e9
  );
  return readSharedStrings(archive, "xl/sharedStrings.xml", limit);
}

describe("the shared strings, in order", () => {
  test("plain strings, spaces kept, an empty one, escapes decoded", async () => {
    expect(
      await strings(
        '<si><t>Project</t></si><si><t xml:space="preserve"> KPI </t></si><si><t/></si>' +
          "<si><t>a_x000D_b &lt;c&gt;</t></si>"
      )
    ).toEqual(["Project", " KPI ", "", "a\rb <c>"]);
  });

  test("a rich-text string is its runs joined", async () => {
    expect(
      await strings("<si><r><rPr><b/></rPr><t>Check</t></r><r><t>out 2.0</t></r></si>")
    ).toEqual(["Checkout 2.0"]);
  });

  test("phonetic guides (rPh) are not part of the text", async () => {
    expect(
      await strings(
        '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>'
      )
    ).toEqual(["東京"]);
  });

  test("a shared strings part past its limit is refused, naming the part", async () => {
    await expect(
      strings(`<si><t>${"x".repeat(3 * 1024 * 1024)}</t></si>`, 2 * 1024 * 1024)
    ).rejects.toThrow(
      "the part xl/sharedStrings.xml unpacks to more than 2 MB, the most this tool reads (a zip bomb or a damaged file)"
    );
  });
});
