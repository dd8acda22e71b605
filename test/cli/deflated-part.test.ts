import JSZip from "jszip";
import { crc32, deflateRawSync } from "zlib";
import { DEFLATE_MAGIC, putDeflatedBytes, putPart } from "../../src/cli/deflated-part";
import { ZipArchive } from "../../src/cli/ooxml/zip-archive";

/** The compressed size the central directory records for `name`. */
function compressedSize(zip: Buffer, name: string): number {
  for (let at = zip.indexOf("PK\x01\x02", 0, "latin1"); at >= 0;) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString("utf8", at + 46, at + 46 + nameLength) === name)
      return zip.readUInt32LE(at + 20);
    at = zip.indexOf("PK\x01\x02", at + 46, "latin1");
  }
  throw new Error(`${name} not in the zip`);
}

async function written(content: string | Buffer): Promise<Buffer> {
  const zip = new JSZip();
  putPart(zip, "xl/worksheets/sheet9.xml", content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function readBack(bytes: Buffer): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of new ZipArchive(bytes, 1e9).chunks("xl/worksheets/sheet9.xml"))
    chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

describe("a part put into the package, deflated natively when large", () => {
  // Rows differing in their numbers, so the deflated size depends on the compressor's choices.
  const rows = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `<row r="${i + 1}"><c><v>${(i * 7919) % 10007}</v></c></row>`
    ).join("");

  test("a part of 256 KiB or more is stored as zlib's raw deflate at level 6, read back exactly", async () => {
    const xml = rows(10_000);
    expect(Buffer.byteLength(xml)).toBeGreaterThanOrEqual(256 * 1024);
    const zip = await written(xml);
    expect(compressedSize(zip, "xl/worksheets/sheet9.xml")).toBe(
      deflateRawSync(Buffer.from(xml), { level: 6 }).length
    );
    expect(await readBack(zip)).toBe(xml);
    expect(
      await (await JSZip.loadAsync(zip)).file("xl/worksheets/sheet9.xml")!.async("string")
    ).toBe(xml);
  });

  test("a smaller part is left to JSZip's own deflate and reads back the same", async () => {
    const xml = rows(100);
    const zip = await written(Buffer.from(xml));
    expect(await readBack(zip)).toBe(xml);
  });

  test("deflate bytes made elsewhere are written as they are, with their size, CRC and options", async () => {
    const xml = rows(50);
    const compressed = deflateRawSync(Buffer.from(xml), { level: 9 });
    const zip = new JSZip();
    putDeflatedBytes(
      zip,
      "xl/worksheets/sheet9.xml",
      compressed,
      Buffer.byteLength(xml),
      crc32(xml),
      {
        comment: "segments",
      }
    );
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    expect(compressedSize(bytes, "xl/worksheets/sheet9.xml")).toBe(compressed.length);
    expect(await readBack(bytes)).toBe(xml);
    const entry = (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet9.xml") as unknown as {
      comment: string;
      _data: { compression: { magic: string } };
    };
    expect(entry.comment).toBe("segments");
    expect(entry._data.compression.magic).toBe(DEFLATE_MAGIC);
  });
});
