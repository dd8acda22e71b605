import { unlinkSync, type Stats } from "fs";
import { link, lstat, open, readdir, realpath, rename, stat, unlink } from "fs/promises";
import path from "path";
import * as M from "./messages";

/**
 * Where a workbook is written and how, so that no file is lost: the input is replaced only with
 * --in-place, any other existing file only with --force, never a read-only one; a link stays a link
 * (its target is replaced), the file keeps its mode, and the bytes reach the disk (fsync) before a
 * rename puts them in place. A run that fails or is interrupted removes its temporary file; one killed
 * outright (SIGKILL, power loss) leaves `.<name>.kpi-rewards-<pid>.tmp`, which the next run removes.
 */

/** A refusal about the output file: one line naming it, exit status 2, nothing written. */
export class OutputError extends Error {
  constructor(
    readonly file: string,
    message: string
  ) {
    super(message);
  }
}

/** The decision about one output file, made before any work is done. */
export interface OutputPlan {
  /** The path as the user gave it. */
  readonly path: string;
  /** The file actually replaced: the path, or the file a symbolic link at the path points to. */
  readonly target: string;
  /** The file being replaced, when there is one: its mode and owner are kept. */
  readonly existing?: Stats;
}

export interface OutputRules {
  /** The input workbook, which is replaced only with `inPlace`. */
  readonly input?: string;
  readonly inPlace?: boolean;
  /** Replace an existing file other than the input. */
  readonly force?: boolean;
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

async function statOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await stat(file);
  } catch (error) {
    if (code(error) === "ENOENT") return undefined;
    throw error;
  }
}

/** Checks the output path against the rules above; throws OutputError with the reason. */
export async function planOutput(output: string, rules: OutputRules): Promise<OutputPlan> {
  let link: Stats | undefined;
  try {
    link = await lstat(output);
  } catch (error) {
    if (code(error) !== "ENOENT") throw new OutputError(output, M.outputUncheckable(code(error)));
  }
  if (!link) {
    const folder = path.dirname(path.resolve(output));
    const where = await statOrUndefined(folder);
    if (!where) throw new OutputError(output, M.noSuchFolder(folder));
    if (!where.isDirectory()) throw new OutputError(output, M.notAFolder(folder));
    return { path: output, target: output };
  }
  let target = output;
  if (link.isSymbolicLink()) {
    try {
      target = await realpath(output);
    } catch {
      throw new OutputError(output, M.DANGLING_LINK);
    }
  }
  const existing = await stat(target);
  if (existing.isDirectory()) throw new OutputError(output, M.OUTPUT_IS_FOLDER);
  if (!existing.isFile()) throw new OutputError(output, M.NOT_A_REGULAR_FILE);
  const input = rules.input === undefined ? undefined : await statOrUndefined(rules.input);
  const isInput = input !== undefined && input.dev === existing.dev && input.ino === existing.ino;
  if (isInput && !rules.inPlace) {
    const throughLink = path.resolve(output) !== path.resolve(rules.input!);
    throw new OutputError(output, M.isTheInput(throughLink));
  }
  if (!isInput && !rules.force) throw new OutputError(output, M.ALREADY_EXISTS);
  // Mode bits, not access(2): root may write anywhere, yet a 0444 workbook says "do not change me".
  if ((existing.mode & 0o222) === 0) throw new OutputError(output, M.READ_ONLY);
  return { path: output, target, existing };
}

const TEMPORARY = ".kpi-rewards-";
const pending = new Set<string>();
let handlersInstalled = false;

function removePending(): void {
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
}

/** On Ctrl-C or a polite kill, the temporary files go before the process does. */
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once("exit", removePending);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      removePending();
      // Die of the same signal, so the parent sees how the run ended.
      process.kill(process.pid, signal);
    });
  }
}

/** `.<name>.kpi-rewards-<pid>.tmp` beside the file it will replace. */
export function temporaryName(target: string, pid = process.pid): string {
  return path.join(path.dirname(target), `.${path.basename(target)}${TEMPORARY}${pid}.tmp`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return code(error) === "EPERM";
  }
}

/** Removes temporary files of `target` left by runs that were killed outright. */
export async function removeStaleTemporaries(target: string): Promise<string[]> {
  const name = path.basename(target);
  const prefix = `.${name}${TEMPORARY}`;
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = await readdir(path.dirname(target));
  } catch {
    return removed;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith(".tmp")) continue;
    const pid = Number(entry.slice(prefix.length, -".tmp".length));
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    try {
      await unlink(path.join(path.dirname(target), entry));
      removed.push(entry);
    } catch {
      // Another run removed it first.
    }
  }
  return removed;
}

/** Creates the temporary file for `target`, registered for removal if the run is interrupted. */
export async function createTemporary(target: string, mode: number) {
  installHandlers();
  const temporary = temporaryName(target);
  const handle = await open(temporary, "w", mode);
  pending.add(temporary);
  return { temporary, handle };
}

/** fsyncs a folder so a rename in it survives a power cut; not every platform allows it. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder; the rename itself is still atomic.
  }
}

/** Writes `bytes` to the planned file through a synced temporary file and an atomic rename. */
export async function writeOutput(plan: OutputPlan, bytes: Uint8Array): Promise<void> {
  await removeStaleTemporaries(plan.target);
  // The temporary file starts private: a 0600 payroll workbook is never readable by others on the way.
  const { temporary, handle } = await createTemporary(plan.target, plan.existing ? 0o600 : 0o666);
  try {
    try {
      await handle.writeFile(bytes);
      if (plan.existing) {
        await handle.chmod(plan.existing.mode & 0o7777);
        try {
          await handle.chown(plan.existing.uid, plan.existing.gid);
        } catch {
          // Only root may give a file away; the mode is kept either way.
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (plan.existing) await rename(temporary, plan.target);
    else await placeNew(temporary, plan.target);
    pending.delete(temporary);
    await syncFolder(path.dirname(plan.target));
  } catch (error) {
    pending.delete(temporary);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * Puts a new file in place without replacing one that appeared since the plan was made: a hard link
 * fails when the name is taken. File systems without hard links fall back to a rename.
 */
async function placeNew(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target);
  } catch (error) {
    if (code(error) === "EEXIST") throw new OutputError(target, M.ALREADY_EXISTS);
    await rename(temporary, target);
    return;
  }
  await unlink(temporary);
}

/** For tests: the temporary files of this process still registered. */
export function pendingTemporaries(): string[] {
  return [...pending];
}
