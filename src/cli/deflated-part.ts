import { crc32, deflateRawSync } from "zlib";
import type JSZip from "jszip";

/**
 * A package part deflated by Node's zlib instead of JSZip's JavaScript deflate, which takes seconds
 * on a 40 MB history sheet. JSZip stores an entry it is handed as a CompressedObject (its own class
 * for entries read from a zip) with the compressed bytes as they are, so the part is written once.
 */

interface CompressedObjectClass {
  new (
    compressedSize: number,
    uncompressedSize: number,
    crc32: number,
    compression: unknown,
    data: Buffer
  ): unknown;
}

const CompressedObject = require("jszip/lib/compressedObject") as CompressedObjectClass;
const DEFLATE = (require("jszip/lib/compressions") as { DEFLATE: { magic: string } }).DEFLATE;

/** How JSZip marks an entry it read as deflated (its compression's `magic`). */
export const DEFLATE_MAGIC = DEFLATE.magic;

/**
 * An entry whose raw deflate bytes are already made: JSZip writes `compressed` as it is, with the
 * uncompressed `size` and `crc` the zip records. `options` are JSZip's (a comment, say).
 */
export function putDeflatedBytes(
  zip: JSZip,
  path: string,
  compressed: Buffer,
  size: number,
  crc: number,
  options?: JSZip.JSZipFileOptions
): void {
  zip.file(
    path,
    new CompressedObject(compressed.length, size, crc, DEFLATE, compressed) as Buffer,
    options
  );
}

/** Parts smaller than this are left to JSZip: the native call only pays off on large ones. */
const NATIVE_FROM = 256 * 1024;

/** Puts `content` into the package at `path`, deflated natively when it is large. */
export function putPart(zip: JSZip, path: string, content: string | Buffer): void {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  if (bytes.length < NATIVE_FROM) {
    zip.file(path, bytes);
    return;
  }
  putDeflatedBytes(zip, path, deflateRawSync(bytes, { level: 6 }), bytes.length, crc32(bytes));
}
