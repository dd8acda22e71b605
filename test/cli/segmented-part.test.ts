import JSZip from "jszip";
import { crc32, inflateRawSync } from "zlib";
import {
  crc32Combine,
  deflateSegment,
  inflateSegment,
  putSegmentedPart,
  storedSegments,
} from "../../src/cli/segmented-part";

const PART = "xl/worksheets/sheet2.xml";
const head = Buffer.from('<worksheet><sheetData><row r="1"/>');
const run1 = Buffer.from('<row r="2"><c r="A2"><v>1</v></c></row>'.repeat(300));
const tail = Buffer.from("</sheetData></worksheet>");

function segments() {
  return [deflateSegment("H2", head), deflateSegment("R1", run1), deflateSegment("T", tail, true)];
}

/** The package written and read back, as the next run of the tool sees it. */
async function roundTrip(zip: JSZip): Promise<JSZip> {
  return JSZip.loadAsync(await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("a part deflated in segments", () => {
  test("the segments end to end are one deflate stream: any zip reader inflates the whole part", async () => {
    const zip = new JSZip();
    putSegmentedPart(zip, PART, { segments: segments() });
    const read = await roundTrip(zip);
    const whole = Buffer.concat([head, run1, tail]);
    expect(await read.file(PART)!.async("nodebuffer")).toEqual(whole);
    // The entry's CRC-32 is the whole part's, worked out from the segments' own.
    const data = (read.file(PART) as unknown as { _data: { crc32: number } })._data;
    expect(data.crc32 >>> 0).toBe(crc32(whole));
  });

  test("each segment inflates alone, and a segment that is not the last ends on a full flush (00 00 FF FF)", () => {
    const [first, middle, last] = segments();
    expect(inflateSegment(middle)).toEqual(run1);
    expect(first.compressed.subarray(-4)).toEqual(Buffer.from([0, 0, 0xff, 0xff]));
    expect(inflateRawSync(last.compressed)).toEqual(tail);
  });

  test("the segments are found again from the entry's comment, their compressed bytes as written", async () => {
    const zip = new JSZip();
    const written = segments();
    putSegmentedPart(zip, PART, { segments: written });
    const found = storedSegments(await roundTrip(zip), PART)!;
    expect(found.map((s) => [s.tag, s.size, s.crc])).toEqual([
      ["H2", head.length, crc32(head)],
      ["R1", run1.length, crc32(run1)],
      ["T", tail.length, crc32(tail)],
    ]);
    found.forEach((s, i) => expect(s.compressed.equals(written[i].compressed)).toBe(true));
  });

  test("an entry another program wrote since (no comment, or one that no longer adds up) has no segments", async () => {
    const zip = new JSZip();
    putSegmentedPart(zip, PART, { segments: segments() });
    const resaved = await roundTrip(zip);
    // Saved again as one stream, as Excel or LibreOffice would: the comment is gone.
    resaved.file(PART, Buffer.concat([head, run1, tail]));
    expect(storedSegments(await roundTrip(resaved), PART)).toBeUndefined();
    // The comment kept but the part changed under it: sizes and CRC no longer add up.
    const edited = await roundTrip(zip);
    const comment = (edited.file(PART) as unknown as { comment: string }).comment;
    edited.file(PART, Buffer.concat([head, run1, run1, tail]), {
      comment,
    } as JSZip.JSZipFileOptions);
    expect(storedSegments(await roundTrip(edited), PART)).toBeUndefined();
  });

  test("an index longer than a zip entry comment holds (65,535 bytes) is not written: the part is still whole and is read whole", async () => {
    // 3,000 segments of at least 26 characters each in the index (`R1:91:11700:4000231487 `): over 65,535.
    const many = Array.from({ length: 3000 }, (_, i) => deflateSegment(`R${i + 1}`, run1));
    const zip = new JSZip();
    putSegmentedPart(zip, PART, { segments: [...many, deflateSegment("T", tail, true)] });
    // Not handed to JSZip at all: a comment that long would be cut or dropped silently when written.
    expect((zip.file(PART) as unknown as { comment: string | null }).comment).toBeNull();
    const read = await roundTrip(zip);
    expect((read.file(PART) as unknown as { comment: string | null }).comment).toBeFalsy();
    expect(storedSegments(read, PART)).toBeUndefined();
    const whole = await read.file(PART)!.async("nodebuffer");
    expect(whole.length).toBe(3000 * run1.length + tail.length);
  });

  test("CRC-32 of two pieces combines as zlib's crc32_combine: equal to the CRC of the pieces end to end", () => {
    const a = Buffer.from("KpiRuns and KpiRunResults");
    const b = Buffer.from(" side by side, each growing downward");
    expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
    expect(crc32Combine(crc32(a), crc32(Buffer.alloc(0)), 0)).toBe(crc32(a));
    expect(crc32Combine(0, crc32(run1), run1.length)).toBe(crc32(run1));
  });
});
