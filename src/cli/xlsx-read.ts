import { readFile } from "fs/promises";
import type { WorkbookGrid } from "../engine";
import { LIMITS } from "./ooxml/limits";
import * as M from "./messages";
import { PackageError } from "./ooxml/package-error";
import { readWorkbookPackage } from "./ooxml/workbook-package";

/** A file that cannot be used as input: one line for the user, exit status 2. */
export class InputError extends Error {}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * The workbook's bytes, read once: evaluated from, and copied into the output, so both see the same
 * file. Says what is wrong with a file before a zip library says it less clearly.
 */
export async function readInput(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(M.NO_SUCH_FILE);
    if (code === "EISDIR") throw new InputError(M.INPUT_IS_FOLDER);
    throw new InputError(M.cannotOpen(code ?? (error as Error).message));
  }
  const head = bytes.subarray(0, 4);
  if (head.length === 0) throw new InputError(M.INPUT_EMPTY);
  if (head.equals(OLE)) throw new InputError(M.OLD_XLS);
  if (!head.equals(ZIP)) throw new InputError(M.NOT_XLSX);
  return bytes;
}

/**
 * Reads every sheet's cells, with its Excel tables, from the package's bytes (src/cli/ooxml): values
 * only, dates as serials in the workbook's own date system, no temp files. A package that cannot be
 * read is an InputError (one line, exit 2); problems that leave the rest readable are `issues`. Sheets
 * `skip` names are not read (KPI History, when its runs are read part by part).
 */
export async function readXlsx(
  bytes: Buffer,
  skip?: (sheet: string) => boolean
): Promise<WorkbookGrid> {
  try {
    return await readWorkbookPackage(bytes, LIMITS, skip);
  } catch (error) {
    if (error instanceof PackageError)
      throw new InputError(M.unreadableWorkbook(error.message, true));
    const why = String((error as Error)?.message ?? error).split("\n")[0];
    throw new InputError(M.unreadableWorkbook(why, false));
  }
}
