import JSZip from "jszip";
import { ZipArchive } from "../../../src/cli/ooxml/zip-archive";
import { PackageError } from "../../../src/cli/ooxml/package-error";

const DATE = new Date(Date.UTC(2024, 0, 1));

async function zipOf(
  parts: Record<string, string | Buffer>,
  compression: "STORE" | "DEFLATE" = "DEFLATE"
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts))
    zip.file(name, content, { date: DATE, createFolders: false });
  return zip.generateAsync({ type: "nodebuffer", compression });
}

async function text(archive: ZipArchive, name: string, limit?: number): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of archive.chunks(name, limit)) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function refusal(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof PackageError) return error.message;
    throw error;
  }
  throw new Error("not refused");
}

/** Offsets of every central directory entry (signature PK\1\2). */
function centralEntries(bytes: Buffer): number[] {
  const found: number[] = [];
  for (let at = bytes.indexOf("PK\x01\x02", 0, "latin1"); at >= 0;)
    (found.push(at), (at = bytes.indexOf("PK\x01\x02", at + 4, "latin1")));
  return found;
}

describe("ZipArchive: parts found by name through the central directory", () => {
  test("a deflated and a stored part read back exactly; names are case-insensitive", async () => {
    const big = "<row/>".repeat(300_000); // 1.8 MB: more than one 1 MiB chunk
    const deflated = new ZipArchive(await zipOf({ "xl/workbook.xml": "<workbook/>", big }), 1e9);
    expect(deflated.has("XL/Workbook.xml")).toBe(true);
    expect(deflated.has("xl/styles.xml")).toBe(false);
    expect(await text(deflated, "xl/workbook.xml")).toBe("<workbook/>");
    expect(await text(deflated, "big")).toBe(big);
    const stored = new ZipArchive(await zipOf({ big }, "STORE"), 1e9);
    const sizes: number[] = [];
    for await (const chunk of stored.chunks("big")) sizes.push(chunk.length);
    expect(sizes).toEqual([1_048_576, 1_800_000 - 1_048_576]);
  });

  test("a part that is not there, or is encrypted, is refused by name", async () => {
    const bytes = await zipOf({ "xl/workbook.xml": "<workbook/>" }, "STORE");
    const archive = new ZipArchive(bytes, 1e9);
    expect(await refusal(() => text(archive, "xl/styles.xml"))).toBe(
      "the part xl/styles.xml is missing from the package"
    );
    const encrypted = Buffer.from(bytes);
    const entry = centralEntries(encrypted)[0];
    encrypted.writeUInt16LE(encrypted.readUInt16LE(entry + 8) | 1, entry + 8);
    expect(await refusal(() => text(new ZipArchive(encrypted, 1e9), "xl/workbook.xml"))).toBe(
      "the part xl/workbook.xml is encrypted"
    );
  });

  test("a compression method other than store and deflate is named", async () => {
    const bytes = Buffer.from(await zipOf({ "a.xml": "<a/>" }, "STORE"));
    bytes.writeUInt16LE(12, centralEntries(bytes)[0] + 10);
    expect(await refusal(() => text(new ZipArchive(bytes, 1e9), "a.xml"))).toBe(
      "the part a.xml uses zip compression method 12"
    );
  });

  test("a part or a package unpacking past its limit stops there, as a bomb would", async () => {
    const parts = { "a.xml": "a".repeat(3_000_000), "b.xml": "b".repeat(3_000_000) };
    const archive = new ZipArchive(await zipOf(parts), 5 * 1024 * 1024);
    expect(await refusal(() => text(archive, "a.xml", 2 * 1024 * 1024))).toBe(
      "the part a.xml unpacks to more than 2 MB, the most this tool reads (a zip bomb or a damaged file)"
    );
    const whole = new ZipArchive(await zipOf(parts), 5 * 1024 * 1024);
    await text(whole, "a.xml");
    expect(await refusal(() => text(whole, "b.xml"))).toBe(
      "the package unpacks to more than 5 MB, the most this tool reads (a zip bomb or a damaged file)"
    );
  });

  test("a file without a central directory, or cut short, says so", async () => {
    expect(await refusal(() => new ZipArchive(Buffer.from("not a zip at all"), 1e9))).toBe(
      "it has no zip central directory (the file is cut short or is not a complete .xlsx)"
    );
    const bytes = await zipOf({ "a.xml": "<a/>" }, "STORE");
    const directory = centralEntries(bytes)[0];
    // The end record still points at the directory, but the directory now lies past the end.
    const shifted = Buffer.from(bytes);
    const eocd = shifted.lastIndexOf("PK\x05\x06", undefined, "latin1");
    shifted.writeUInt32LE(directory + 1000, eocd + 16);
    expect(await refusal(() => new ZipArchive(shifted, 1e9))).toBe(
      "its zip central directory is damaged"
    );
    const local = Buffer.from(bytes);
    local.writeUInt32LE(0, 0); // no local header where the directory says
    expect(await refusal(() => text(new ZipArchive(local, 1e9), "a.xml"))).toBe(
      "the part a.xml is damaged (no local header where the directory says)"
    );
  });

  test("a damaged deflate stream names its part", async () => {
    const bytes = Buffer.from(await zipOf({ "a.xml": "<a>".repeat(1000) }));
    const start = 30 + "a.xml".length;
    bytes.fill(0xff, start, start + 8);
    const message = await refusal(() => text(new ZipArchive(bytes, 1e9), "a.xml"));
    expect(message).toMatch(/^the part a\.xml is damaged \(.+\)$/);
  });
});
