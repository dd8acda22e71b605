import { StringDecoder } from "string_decoder";
import { XmlScanner, type XmlHandler } from "./xml-scanner";
import type { ZipArchive } from "./zip-archive";

/**
 * Streams one part through the XML scanner. The decoder carries a multibyte character split between
 * two inflated chunks over to the next one, so no text comes back with U+FFFD in it.
 */
export async function readPart(
  archive: ZipArchive,
  part: string,
  handler: XmlHandler,
  limit?: number
): Promise<void> {
  // StringDecoder: twice as fast as TextDecoder here, and keeps a split character for the next chunk.
  const decoder = new StringDecoder("utf8");
  const scanner = new XmlScanner(part, handler);
  for await (const chunk of archive.chunks(part, limit)) {
    scanner.write(decoder.write(chunk));
  }
  scanner.write(decoder.end());
  scanner.end();
}
