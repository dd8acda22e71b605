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
  const decoder = new TextDecoder("utf-8");
  const scanner = new XmlScanner(part, handler);
  for await (const chunk of archive.chunks(part, limit)) {
    scanner.write(decoder.decode(chunk, { stream: true }));
  }
  scanner.write(decoder.decode());
  scanner.end();
}
