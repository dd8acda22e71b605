import { constants, crc32, deflateRawSync, inflateRawSync } from "zlib";
import type JSZip from "jszip";
import { DEFLATE_MAGIC, putDeflatedBytes } from "./deflated-part";

/**
 * A package part deflated as a row of independent segments, so that a later write can replace one
 * segment or add one and keep every other segment's compressed bytes as they are. Each segment but the
 * last ends with a full flush (byte-aligned, no back-reference into it from what follows), so the
 * segments laid end to end are one ordinary deflate stream that every zip reader inflates. Which bytes
 * belong to which segment is noted in the zip entry's comment; that note is trusted only while the
 * entry's sizes and CRC still add up to it (a program that saves the file again drops the comment).
 */

/** One segment: its compressed bytes, and the size and CRC-32 of what they inflate to. */
export interface Segment {
  /** What the segment holds, for the writer that reads it back: a letter and a number, `R12`. */
  readonly tag: string;
  readonly compressed: Buffer;
  readonly size: number;
  readonly crc: number;
}

/** A part as segments, ready to be put into the package. */
export interface SegmentedPart {
  readonly segments: readonly Segment[];
}

const MARK = "kpi-rewards segments 1";
/** A zip entry comment holds at most 65,535 bytes: a longer index is not written (the part is read whole). */
const MOST_COMMENT_BYTES = 65_535;

export function isSegmentedPart(content: unknown): content is SegmentedPart {
  return typeof content === "object" && content !== null && "segments" in content;
}

/** Deflates `bytes` as a segment; `last` finishes the stream, any other ends on a full flush. */
export function deflateSegment(tag: string, bytes: Buffer, last = false): Segment {
  const compressed = deflateRawSync(bytes, {
    level: 6,
    finishFlush: last ? constants.Z_FINISH : constants.Z_FULL_FLUSH,
  });
  return { tag, compressed, size: bytes.length, crc: crc32(bytes) };
}

/** What a segment inflates to (a segment starts a fresh stream, so it inflates alone). */
export function inflateSegment(segment: Segment): Buffer {
  return inflateRawSync(segment.compressed, { finishFlush: constants.Z_SYNC_FLUSH });
}

/** CRC-32 of A followed by B from the CRCs of A and B and the length of B (zlib's crc32_combine). */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcA >>> 0;
  const times = (matrix: Uint32Array, vector: number) => {
    let sum = 0;
    for (let i = 0, v = vector >>> 0; v !== 0; i++, v >>>= 1) if (v & 1) sum ^= matrix[i];
    return sum >>> 0;
  };
  const square = (into: Uint32Array, matrix: Uint32Array) => {
    for (let n = 0; n < 32; n++) into[n] = times(matrix, matrix[n]);
  };
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1; n < 32; n++) odd[n] = (1 << (n - 1)) >>> 0;
  square(even, odd);
  square(odd, even);
  let crc = crcA >>> 0;
  let length = lengthB;
  for (;;) {
    square(even, odd);
    if (length % 2 === 1) crc = times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    square(odd, even);
    if (length % 2 === 1) crc = times(odd, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
  }
  return (crc ^ crcB) >>> 0;
}

/** The size and CRC-32 of the segments' bytes laid end to end. */
function whole(segments: readonly Segment[]): { size: number; crc: number; compressed: number } {
  let crc = 0;
  let size = 0;
  let compressed = 0;
  for (const s of segments) {
    crc = crc32Combine(crc, s.crc, s.size);
    size += s.size;
    compressed += s.compressed.length;
  }
  return { size, crc, compressed };
}

interface StoredEntry {
  readonly comment?: string | null;
  readonly _data?: {
    readonly compressedSize?: number;
    readonly uncompressedSize?: number;
    readonly crc32?: number;
    readonly compression?: { readonly magic?: string };
    readonly compressedContent?: Buffer | Uint8Array;
  };
}

/** Puts the segments into the package at `path` as one deflated entry, their index in its comment. */
export function putSegmentedPart(zip: JSZip, path: string, part: SegmentedPart): void {
  const { segments } = part;
  const total = whole(segments);
  const compressed = Buffer.concat(segments.map((s) => s.compressed));
  const index = `${MARK} ${segments.map((s) => `${s.tag}:${s.compressed.length}:${s.size}:${s.crc}`).join(" ")}`;
  const comment = Buffer.byteLength(index) <= MOST_COMMENT_BYTES ? index : null;
  putDeflatedBytes(zip, path, compressed, total.size, total.crc, {
    comment,
  } as JSZip.JSZipFileOptions);
}

/**
 * The segments of the entry at `path` as this module wrote them, or undefined when the entry has no
 * index or the index no longer adds up to the entry (another program wrote it since).
 */
export function storedSegments(zip: JSZip, path: string): Segment[] | undefined {
  const entry = zip.file(path) as unknown as StoredEntry | null;
  const comment = entry?.comment;
  const data = entry?._data;
  if (!comment?.startsWith(`${MARK} `) || !data?.compressedContent) return undefined;
  if (data.compression?.magic !== DEFLATE_MAGIC) return undefined;
  const content = Buffer.from(
    data.compressedContent.buffer,
    data.compressedContent.byteOffset,
    data.compressedContent.byteLength
  );
  const segments: Segment[] = [];
  let at = 0;
  for (const field of comment.slice(MARK.length + 1).split(" ")) {
    const match = /^([A-Z]\d*):(\d+):(\d+):(\d+)$/.exec(field);
    if (!match) return undefined;
    const length = Number(match[2]);
    if (at + length > content.length) return undefined;
    segments.push({
      tag: match[1],
      compressed: content.subarray(at, at + length),
      size: Number(match[3]),
      crc: Number(match[4]),
    });
    at += length;
  }
  const total = whole(segments);
  if (
    at !== content.length ||
    total.size !== data.uncompressedSize ||
    total.crc !== (data.crc32 ?? -1) >>> 0
  )
    return undefined;
  return segments;
}
