import { createInflateRaw, type ZlibOptions } from "zlib";
import * as M from "../messages";
import { formatBytes } from "./limits";
import { PackageError } from "./package-error";

/** One file (part) of the package, as its central directory entry describes it. */
interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly localHeader: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 1 << 20;
const READ_AHEAD = 4;

/**
 * A zip package read through its central directory, the one authority on what it holds: parts are
 * found by name, never by the order of their entries, and inflated as a stream of chunks so a bomb
 * is refused at a byte limit instead of filling memory. Nothing is written to disk.
 */
export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();
  /** Uncompressed bytes handed out so far, across all parts. */
  private inflated = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly packageLimit: number
  ) {
    let entries: ZipEntry[];
    try {
      entries = readCentralDirectory(bytes);
    } catch (error) {
      if (error instanceof PackageError) throw error;
      // A length field pointing past the end of the file.
      throw new PackageError(M.DAMAGED_CENTRAL_DIRECTORY);
    }
    for (const entry of entries) {
      const key = entry.name.toLowerCase();
      // Part names are case-insensitive (OPC); a second entry of the same name is never the one used.
      if (!this.entries.has(key)) this.entries.set(key, entry);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The part's uncompressed bytes in chunks; `limit` caps this part, the package limit all of them. */
  async *chunks(name: string, limit = Infinity): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new PackageError(M.partMissing(name));
    if (entry.flags & 1) throw new PackageError(M.partEncrypted(name));
    const data = this.data(entry);
    let total = 0;
    const count = (length: number) => {
      total += length;
      this.inflated += length;
      if (total > limit) throw new PackageError(M.partTooLarge(name, formatBytes(limit)));
      if (this.inflated > this.packageLimit)
        throw new PackageError(M.packageTooLarge(formatBytes(this.packageLimit)));
    };
    if (entry.method === 0) {
      for (let at = 0; at < data.length; at += CHUNK) {
        const chunk = data.subarray(at, Math.min(at + CHUNK, data.length));
        count(chunk.length);
        yield chunk;
      }
      return;
    }
    if (entry.method !== 8) throw new PackageError(M.compressionMethod(name, entry.method));
    // Up to READ_AHEAD chunks are inflated (on libuv's thread pool) while the reader parses earlier
    // ones; with the default 16 KB mark inflating and parsing took turns, one core idle.
    const inflater = createInflateRaw({
      chunkSize: CHUNK,
      highWaterMark: READ_AHEAD * CHUNK,
    } as ZlibOptions);
    inflater.end(data);
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        count(chunk.length);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof PackageError) throw error;
      throw new PackageError(M.partDamaged(name, (error as Error).message));
    } finally {
      inflater.destroy();
    }
  }

  private data(entry: ZipEntry): Buffer {
    const at = entry.localHeader;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL)
      throw new PackageError(M.partDamaged(entry.name, "no local header where the directory says"));
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new PackageError(M.partCutShort(entry.name));
    return this.bytes.subarray(start, end);
  }
}

function readCentralDirectory(bytes: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw new PackageError(M.NO_CENTRAL_DIRECTORY);
  let count = bytes.readUInt16LE(eocd + 10);
  let size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (
    (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) &&
    locator >= 0 &&
    bytes.readUInt32LE(locator) === ZIP64_LOCATOR
  ) {
    const zip64 = Number(bytes.readBigUInt64LE(locator + 8));
    if (zip64 + 56 > bytes.length || bytes.readUInt32LE(zip64) !== ZIP64_EOCD)
      throw new PackageError(M.DAMAGED_ZIP64_DIRECTORY);
    count = Number(bytes.readBigUInt64LE(zip64 + 32));
    size = Number(bytes.readBigUInt64LE(zip64 + 40));
    offset = Number(bytes.readBigUInt64LE(zip64 + 48));
  }
  if (offset + size > bytes.length) throw new PackageError(M.DAMAGED_CENTRAL_DIRECTORY);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL)
      throw new PackageError(M.DAMAGED_CENTRAL_DIRECTORY);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    let compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    let localHeader = bytes.readUInt32LE(at + 42);
    const name = bytes
      .subarray(at + 46, at + 46 + nameLength)
      .toString("utf8")
      .replace(/^\/+/, "");
    // Zip64 sizes and offsets live in extra field 1, each present only when its 32-bit field is full.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = bytes.readUInt16LE(extra);
      const length = bytes.readUInt16LE(extra + 2);
      if (id === 1) {
        let field = extra + 4;
        const next = () => {
          const value = Number(bytes.readBigUInt64LE(field));
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeader === 0xffffffff) localHeader = next();
      }
      extra += 4 + length;
    }
    entries.push({ name, method, flags, compressedSize, localHeader });
    at = extraEnd + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const last = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= last; at--) {
    if (bytes.readUInt32LE(at) === EOCD && at + 22 + bytes.readUInt16LE(at + 20) <= bytes.length)
      return at;
  }
  return -1;
}
