import { readPart, readPartBytes } from "../../../src/cli/ooxml/part-reader";
import { PackageError } from "../../../src/cli/ooxml/package-error";
import type { ZipArchive } from "../../../src/cli/ooxml/zip-archive";

/** An archive whose one part arrives in exactly these inflated chunks, honouring the limit. */
function archiveOf(pieces: readonly Buffer[]): ZipArchive {
  return {
    async *chunks(_name: string, limit = Infinity) {
      let total = 0;
      for (const piece of pieces) {
        total += piece.length;
        if (total > limit) throw new PackageError(`over ${limit}`);
        yield piece;
      }
    },
  } as unknown as ZipArchive;
}

/** The events of a part, one string each. */
async function events(pieces: readonly Buffer[]): Promise<string[]> {
  const seen: string[] = [];
  await readPart(archiveOf(pieces), "xl/sharedStrings.xml", {
    open: (name, attributes, selfClosing) =>
      seen.push(`<${name} ${JSON.stringify(attributes)}${selfClosing ? " /" : ""}>`),
    close: (name) => seen.push(`</${name}>`),
    text: (text) => seen.push(text),
  });
  return seen;
}

describe("reading a part as a stream of XML events", () => {
  const xml =
    '<x:sst xmlns:x="urn:main" count="2"><x:si><x:t>Café &amp; co</x:t></x:si><x:si/></x:sst>';

  test("elements by local name with their attributes, text decoded, in document order", async () => {
    expect(await events([Buffer.from(xml)])).toEqual([
      '<sst {"count":"2"}>',
      "<si {}>",
      "<t {}>",
      "Café & co",
      "</t>",
      "</si>",
      "<si {} />",
      "</si>",
      "</sst>",
    ]);
  });

  test("chunks split anywhere, even inside a multibyte character, give the same events", async () => {
    const bytes = Buffer.from(xml);
    const inside = bytes.indexOf("é") + 1; // between the two bytes of é
    const whole = await events([bytes]);
    expect(await events([bytes.subarray(0, inside), bytes.subarray(inside)])).toEqual(whole);
    const singles = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
    expect(await events(singles)).toEqual(whole);
  });

  test("the limit goes to the archive: a part past it is refused before it is scanned whole", async () => {
    const handler = { open() {}, close() {}, text() {} };
    const archive = archiveOf([Buffer.from(xml)]);
    await expect(readPart(archive, "xl/sharedStrings.xml", handler, 10)).rejects.toThrow("over 10");
    await expect(
      readPartBytes(archive, "xl/sharedStrings.xml", { open() {}, close() {}, text() {} }, 1000)
    ).resolves.toBeUndefined();
  });

  test("a part that ends early is not well-formed XML, named", async () => {
    await expect(events([Buffer.from("<sst><si>")])).rejects.toThrow(
      "the part xl/sharedStrings.xml is not well-formed XML: it ends before </si>"
    );
  });
});
