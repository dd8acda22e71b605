import { readdir, realpath, stat } from "fs/promises";
import path from "path";

/**
 * Which workbooks a portfolio run evaluates. A folder gives its own .xlsx and .xlsm files (not those
 * in sub-folders), in name order, leaving out what is not a user's workbook: our `*-rewards` copies,
 * Office's `~$` lock files, hidden files (our temporary files among them) and the portfolio workbook
 * being written. Workbooks named one by one are taken as named, each once.
 */

const WORKBOOK = /\.xls[xm]$/i;
const OUR_OUTPUT = /-rewards\.xls[xm]$/i;

/** A folder's workbooks, or why there are none. */
export type Selection =
  | { readonly kind: "workbooks"; readonly files: string[] }
  | { readonly kind: "empty"; readonly folder: string };

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    // A name that does not exist is a workbook that cannot be read: its own run says so.
    return false;
  }
}

/** The real path of a file, or its absolute path when it does not exist. */
async function identity(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return path.resolve(file);
  }
}

/** Whether an entry of a folder is a workbook a user would evaluate. */
export function isPortfolioWorkbook(name: string): boolean {
  return (
    WORKBOOK.test(name) && !OUR_OUTPUT.test(name) && !name.startsWith("~$") && !name.startsWith(".")
  );
}

async function folderWorkbooks(folder: string, skip: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names = entries
    .filter((e) => isPortfolioWorkbook(e.name))
    .map((e) => e.name)
    // Code-point order: the same on every machine, whatever its locale.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files: string[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    // Links are followed; what they point at must be a file.
    const stats = await stat(file).catch(() => undefined);
    if (stats?.isFile() && !skip.has(await identity(file))) files.push(file);
  }
  return files;
}

/** Whether the command line names a portfolio: several workbooks, a folder, or a portfolio workbook. */
export async function namesPortfolio(
  files: readonly string[],
  portfolio?: string
): Promise<boolean> {
  return files.length > 1 || portfolio !== undefined || (await isFolder(files[0]));
}

/**
 * The workbooks to evaluate, in the order named (a folder's in name order where it is named), each
 * once; `portfolio` is the workbook being written, never an input of its own run.
 */
export async function selectWorkbooks(
  named: readonly string[],
  portfolio?: string
): Promise<Selection> {
  const skip = new Set<string>();
  if (portfolio !== undefined) skip.add(await identity(portfolio));
  const seen = new Set<string>();
  const files: string[] = [];
  for (const entry of named) {
    const found = (await isFolder(entry)) ? await folderWorkbooks(entry, skip) : [entry];
    if (found.length === 0) return { kind: "empty", folder: entry };
    for (const file of found) {
      const id = await identity(file);
      if (seen.has(id)) continue;
      seen.add(id);
      files.push(file);
    }
  }
  return { kind: "workbooks", files };
}
