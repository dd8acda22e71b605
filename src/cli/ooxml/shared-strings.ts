import { LIMITS } from "./limits";
import { decodeOoxmlText } from "./ooxml-text";
import { readPart } from "./part-reader";
import type { ZipArchive } from "./zip-archive";

/**
 * The shared strings, in order. A rich-text string is the text of its runs joined; phonetic runs
 * (`rPh`, Japanese readings) are guides above the text, not part of it, and are left out.
 */
export async function readSharedStrings(
  archive: ZipArchive,
  part: string,
  limit = LIMITS.sharedStringsBytes
): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | undefined;
  let phonetic = 0;
  let inText = false;
  await readPart(
    archive,
    part,
    {
      open(name, _attributes, selfClosing) {
        if (name === "si") current = [];
        else if (name === "rPh") phonetic++;
        else if (name === "t" && current && phonetic === 0 && !selfClosing) inText = true;
      },
      close(name) {
        if (name === "si" && current) {
          strings.push(decodeOoxmlText(current.join("")));
          current = undefined;
        } else if (name === "rPh") phonetic--;
        else if (name === "t") inText = false;
      },
      text(text) {
        if (inText && current) current.push(text);
      },
    },
    limit
  );
  return strings;
}
