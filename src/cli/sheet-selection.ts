import { constants, inflateRawSync } from "zlib";
import type JSZip from "jszip";
import { DEFLATE_MAGIC, putPart } from "./deflated-part";

/**
 * Taking a worksheet's "selected" mark off (its sheet view's `tabSelected`), so that the workbook opens
 * on the results sheet alone. The sheet view sits in the part's head, before `sheetData`: only the head
 * is inflated to look for the mark, natively, and a part without it keeps its compressed bytes as they
 * are. Inflating a million-row Observations sheet in JavaScript just to find it not selected cost more
 * than reading it did.
 */

const SELECTED = /(<(?:\w+:)?sheetView\b[^>]*?)\s+tabSelected="(?:1|true)"/g;
const SHEET_DATA = /<(?:\w+:)?sheetData\b/;
/** Compressed bytes inflated first; sheet heads are a few hundred bytes, rarely more than a few KB. */
const FIRST_LOOK = 16 * 1024;

/** What JSZip keeps of an entry it read from a zip: its compressed bytes, as they are (internal). */
interface ReadEntry {
  readonly _data?: {
    readonly compression?: { readonly magic?: string };
    readonly compressedContent?: Uint8Array;
  };
}

/** The head of the part (everything before `sheetData`, or all of it) and whether the mark is in it. */
function head(xml: string): { head: string; selected: boolean } {
  const end = xml.search(SHEET_DATA);
  const text = end < 0 ? xml : xml.slice(0, end);
  SELECTED.lastIndex = 0;
  return { head: text, selected: SELECTED.test(text) };
}

/** The part's text inflated natively from its compressed bytes, or undefined if zlib refuses them. */
function inflated(bytes: Buffer, partial: boolean): string | undefined {
  try {
    const options = partial ? { finishFlush: constants.Z_SYNC_FLUSH } : {};
    return inflateRawSync(bytes, options).toString("utf8");
  } catch {
    return undefined;
  }
}

/**
 * The part at `path` without the mark. `read` gives its text the slow way: for a part whose compressed
 * bytes are not at hand, and for bytes zlib refuses (`read` then says what is wrong with the part).
 */
export async function unselectSheet(
  zip: JSZip,
  path: string,
  read: () => Promise<string | undefined>
): Promise<void> {
  const data = (zip.file(path) as unknown as ReadEntry | null)?._data;
  const raw = data?.compression?.magic === DEFLATE_MAGIC ? data.compressedContent : undefined;
  const bytes = raw && Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (bytes) {
    // Grow the look until the head is complete: sheetData seen, or the whole part inflated.
    for (let look = FIRST_LOOK; look < bytes.length; look *= 4) {
      const text = inflated(bytes.subarray(0, look), true);
      if (text === undefined) break;
      if (!SHEET_DATA.test(text)) continue;
      if (!head(text).selected) return;
      break;
    }
  }
  const xml = (bytes && inflated(bytes, false)) ?? (await read());
  if (xml === undefined) return;
  const { head: before, selected } = head(xml);
  if (!selected) return;
  putPart(zip, path, before.replace(SELECTED, "$1") + xml.slice(before.length));
}
