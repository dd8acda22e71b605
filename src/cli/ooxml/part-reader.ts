import { textEvents, XmlScanner, type XmlHandler, type XmlTokenHandler } from "./xml-scanner";
import type { ZipArchive } from "./zip-archive";

/** Where a part's inflated bytes come from: the package, or bytes already in hand (a part's segment). */
export type PartSource = Pick<ZipArchive, "chunks">;

/** Streams one part through the XML scanner as text events (small parts, shared strings). */
export async function readPart(
  archive: ZipArchive,
  part: string,
  handler: XmlHandler,
  limit?: number
): Promise<void> {
  await readPartBytes(archive, part, textEvents(handler), limit);
}

/**
 * Streams one part through the XML scanner as byte events: the inflated chunks go to the scanner as
 * they are, so nothing is decoded that the handler does not ask for (a worksheet's 190 MB at Excel's
 * row limit). A multibyte character split between two chunks waits with its token for the next one.
 */
export async function readPartBytes(
  archive: PartSource,
  part: string,
  handler: XmlTokenHandler,
  limit?: number
): Promise<void> {
  const scanner = new XmlScanner(part, handler);
  for await (const chunk of archive.chunks(part, limit)) scanner.write(chunk);
  scanner.end();
}
