import {
  type DefinedName,
  isLegacyOwnerName,
  isOwnedSheet,
  OWNER_NAME,
  referencedSheet,
  sameSheetName,
} from "../sheet";
import { probeDateSystem } from "./date-system";
import { RequestBudget } from "./request-budget";
import { foreignSheet, notWritten, unfinishedWrite } from "./messages";

/**
 * Puts whole sheets in place as one transaction: each sheet is built under a working name no sheet
 * uses, verified, and only then swapped in (the old sheet deleted, the new one renamed, its tables
 * given their final names). Whatever single operation Excel fails, the workbook ends with either the
 * old sheets or the new ones complete: before any old sheet is deleted the run rolls back (the working
 * sheets go); after, it rolls forward (the rest of the swap is done again). Nothing is deleted or
 * renamed that the run cannot prove is its own, and a run that stopped without tidying up (Excel went
 * away) leaves sheets marked as working, which the next run removes. Several sheets (the results and,
 * later, their history) can join one swap: every old sheet is deleted before any new one is renamed.
 */

/** The sheet-scoped mark on a sheet still being built; the swap removes it once the sheet is in place. */
export const WORKING_NAME = "KpiRewards_Working";
/**
 * A workbook-scoped name listing the working sheets a run is about to add, set in the same request just
 * before it adds them: if Excel stops between adding a sheet and marking it, the next run can still
 * prove the empty sheet is its own. Removed when the run ends either way.
 */
export const PENDING_NAME = "KpiRewards_Pending";
/**
 * The sheet-scoped mark a working sheet gets once it is built and checked, in the request that then
 * deletes the old sheets: should Excel stop before the swap is done, the next run knows this sheet is
 * complete. It reads the recorded runs from it (read.ts) and replaces it like the sheet it stands for.
 */
export const CHECKED_NAME = "KpiRewards_Checked";
const CHECKED_COMMENT = "A sheet KPI Rewards built and checked, still to be put in place";
const OWNER_COMMENT = "Marks the sheet that KPI Rewards writes";
const WORKING_COMMENT = "A sheet KPI Rewards is still building: safe to delete";
const MAX_SHEET_NAME = 31;

/** One sheet of a swap. */
export interface SheetPlan {
  /** The sheet's name once in place. */
  readonly name: string;
  /**
   * `owned`: an existing sheet of this name is replaced when KPI Rewards wrote it and refused when not;
   * the new sheet carries the owner mark. `new`: the name must be free; the sheet is the user's once in.
   */
  readonly kind: "owned" | "new";
  /** The table names the sheet should hold; a name taken elsewhere in the workbook gets a number. */
  readonly tables: readonly string[];
  /** Queues the sheet's contents. Tables must be created under `tableName(wanted)`. */
  build(sheet: Excel.Worksheet, build: Build): Promise<void>;
}

export interface Build {
  readonly context: Excel.RequestContext;
  /** The name a table wanted as `wanted` is created under while the sheet is being built. */
  tableName(wanted: string): string;
  /** The workbook counts dates from 1904: date cells must be written in that system. */
  readonly date1904: boolean;
  /** Shared by every sheet of the swap: what they queue together must fit one request. */
  readonly budget: RequestBudget;
}

/**
 * Changes to a sheet that stays in place, made with the swap and kept only if it succeeds: an appended
 * history run (history-append.ts). What `stage` writes counts for nothing until `apply` makes it count,
 * and `apply` runs in the request that deletes the old sheets: a failure before that rolls back (and
 * `undo` tidies the staged cells), a failure after rolls forward (and `apply` runs again).
 */
export interface SwapCommit {
  /** Queued while the new sheets are built, sharing their request budget. */
  stage(build: Build): Promise<void>;
  /** Queued after the old sheets' deletion, and again on a roll forward: the same outcome however often it runs. */
  apply(context: Excel.RequestContext): void;
  /** Queues the loads that prove `apply` took; the check, after the sync, says what is wrong. */
  verify(context: Excel.RequestContext): () => string | undefined;
  /** Queued on a roll back: removes what `stage` wrote, best effort (readers ignore it anyway). */
  undo(context: Excel.RequestContext): void;
}

export interface SwapOptions {
  /** What the user knows these sheets as, for messages: "The KPI Rewards sheet", "The sample". */
  readonly what: string;
  /** The error for `new` sheets whose names are in use. */
  readonly namesInUse: (names: string[]) => Error;
  /** The sheet to show once done. */
  readonly activate?: string;
  /** Changes to a sheet outside the swap that stand or fall with it. */
  readonly commit?: SwapCommit;
}

/** A sheet called like an owned sheet that KPI Rewards did not write: it is never replaced. */
export class ForeignSheetError extends Error {
  constructor(readonly sheet: string) {
    super(foreignSheet(sheet));
  }
}

/** Excel failed an operation; the run rolled back and the workbook is as it was. */
export class WriteStoppedError extends Error {}

/** Excel failed, and failed again while the run tidied up: the next run finishes the job. */
export class UnfinishedWriteError extends Error {}

interface SheetRef {
  readonly id: string;
  readonly name: string;
}

interface Planned {
  readonly plan: SheetPlan;
  /** The sheet this one replaces, when there is one. */
  readonly old?: SheetRef;
  readonly workingName: string;
  /** Wanted table name → final name, and the name it is built under (the same when free now). */
  readonly tables: { wanted: string; final: string; staged: string }[];
}

interface Staged extends Planned {
  readonly sheet: Excel.Worksheet;
}

const lower = (name: string) => name.toLowerCase();

/** `base`, then `base2`, `base3`… : the first one `taken` does not hold. */
function freeName(base: string, taken: Set<string>, suffix = (n: number) => String(n)): string {
  if (!taken.has(lower(base))) return base;
  for (let n = 2; ; n++) if (!taken.has(lower(base + suffix(n)))) return base + suffix(n);
}

/** `KPI Rewards (new)`, `KPI Rewards (new 2)`…: the first free one, cut to Excel's 31 characters. */
function workingSheetName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? " (new)" : ` (new ${n})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(lower(name))) return name;
  }
}

const WORKING_SHEET = / \(new(?: \d+)?\)$/i;

/** Whether a sheet is named as this add-in names the sheets it is still building: `… (new)`, `… (new 2)`. */
export function isWorkingSheetName(name: string): boolean {
  return WORKING_SHEET.test(name);
}

/** Whether `name` is a working name for the sheet `final`: `KPI History (new 2)` for `KPI History`. */
export function isWorkingNameOf(name: string, final: string): boolean {
  return WORKING_SHEET.test(name) && sameSheetName(name.replace(WORKING_SHEET, ""), final);
}

/** `="A (new)/B (new)"`: sheet names cannot hold "/", and quotes are doubled in a formula's text. */
function pendingFormula(names: readonly string[]): string {
  return `="${names.join("/").replace(/"/g, '""')}"`;
}

function pendingSheets(formula: string | undefined): string[] {
  const text = /^="(.*)"$/s.exec(formula ?? "");
  return text ? text[1].replace(/""/g, '"').split("/") : [];
}

/** Replaces (or adds) the planned sheets as one transaction; see the top of this file. */
export async function swapInSheets(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
  options: SwapOptions
): Promise<void> {
  const worksheets = context.workbook.worksheets;

  // 1. Survey: sheets, tables and workbook-scoped names (tables and names share one namespace).
  worksheets.load("items/name,items/id");
  const allTables = context.workbook.tables;
  allTables.load("items/name");
  const workbookNames = context.workbook.names;
  workbookNames.load("items/name,items/formula");
  const dates = probeDateSystem(context);
  await readOnlySync(context, options);
  const sheets: SheetRef[] = worksheets.items.map((s) => ({ id: s.id, name: s.name }));
  const names: DefinedName[] = workbookNames.items.map((n) => ({
    name: n.name,
    formula: n.formula,
  }));
  const legacy = names.find(isLegacyOwnerName);
  const pending = names.find((n) => lower(n.name) === lower(PENDING_NAME));
  const listed = pendingSheets(pending?.formula);

  // 2. Marks on the sheets that matter: those named like a planned sheet or like a working sheet.
  const candidates = sheets.filter(
    (s) =>
      WORKING_SHEET.test(s.name) ||
      listed.some((n) => sameSheetName(n, s.name)) ||
      plans.some((p) => sameSheetName(p.name, s.name))
  );
  const marks = candidates.map((sheet) => {
    const worksheet = worksheets.getItem(sheet.id);
    const owner = worksheet.names.getItemOrNullObject(OWNER_NAME);
    owner.load("formula");
    const working = worksheet.names.getItemOrNullObject(WORKING_NAME);
    working.load("name");
    const checked = worksheet.names.getItemOrNullObject(CHECKED_NAME);
    checked.load("name");
    // A navigation to the sheet's table collection, loaded on the next line: nothing is read here.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const tables = worksheet.tables;
    tables.load("items/name");
    const used = worksheet.getUsedRangeOrNullObject(true);
    used.load("rowCount");
    return { sheet, owner, working, checked, tables, used };
  });
  if (marks.length > 0) await readOnlySync(context, options);

  const owned = (mark: (typeof marks)[number]) =>
    isOwnedSheet(mark.sheet.name, [
      ...names,
      ...(mark.owner.isNullObject
        ? []
        : [{ name: OWNER_NAME, formula: mark.owner.formula, sheet: mark.sheet.name }]),
    ]);
  const leftovers: SheetRef[] = [];
  const olds = new Map<SheetPlan, SheetRef>();
  const inUse: string[] = [];
  for (const mark of marks) {
    const plan = plans.find((p) => sameSheetName(p.name, mark.sheet.name));
    // An unmarked sheet is a stopped run's only when that run listed it and it is still empty.
    const working =
      !mark.working.isNullObject ||
      (mark.owner.isNullObject &&
        mark.used.isNullObject &&
        listed.some((n) => sameSheetName(n, mark.sheet.name)));
    // A stopped swap's checked sheet whose old sheet is gone stands for it until this swap replaces it.
    const standsFor =
      working && !mark.checked.isNullObject && !mark.working.isNullObject
        ? plans.find(
            (p) =>
              p.kind === "owned" &&
              isWorkingNameOf(mark.sheet.name, p.name) &&
              !olds.has(p) &&
              !sheets.some((s) => sameSheetName(s.name, p.name))
          )
        : undefined;
    if (plan?.kind === "owned" && owned(mark)) olds.set(plan, mark.sheet);
    else if (standsFor) olds.set(standsFor, mark.sheet);
    else if (working) leftovers.push(mark.sheet);
    else if (plan?.kind === "owned") throw new ForeignSheetError(mark.sheet.name);
    else if (plan) inUse.push(mark.sheet.name);
  }
  if (inUse.length > 0) throw options.namesInUse(inUse);

  // Names: finals avoid every table and name that stays; staged names avoid everything there is now.
  const doomed = new Set([...olds.values(), ...leftovers].map((s) => s.id));
  const freed = new Set(
    marks
      .filter((m) => doomed.has(m.sheet.id))
      .flatMap((m) => m.tables.items.map((t) => lower(t.name)))
  );
  const existing = new Set([
    ...allTables.items.map((t) => lower(t.name)),
    ...names.map((n) => lower(n.name)),
  ]);
  const takenForFinal = new Set([...existing].filter((n) => !freed.has(n)));
  const sheetNames = new Set(
    sheets.filter((s) => !leftovers.includes(s)).map((s) => lower(s.name))
  );
  const finals = plans.map((plan) =>
    plan.tables.map((wanted) => {
      const final = freeName(wanted, takenForFinal);
      takenForFinal.add(lower(final));
      return { wanted, final };
    })
  );
  // A final name a table holds now (on the sheet being replaced) is built under a temporary one.
  const reserved = new Set([...existing, ...takenForFinal]);
  const planned: Planned[] = plans.map((plan, i) => {
    const tables = finals[i].map(({ wanted, final }) => {
      const staged = existing.has(lower(final)) ? freeName(`${wanted}_new`, reserved) : final;
      reserved.add(lower(staged));
      return { wanted, final, staged };
    });
    const workingName = workingSheetName(plan.name, sheetNames);
    sheetNames.add(lower(workingName));
    return { plan, old: olds.get(plan), workingName, tables };
  });

  // 3. Build every sheet under its working name, then check what Excel holds.
  const staged: Staged[] = [];
  try {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    for (const leftover of leftovers) worksheets.getItem(leftover.id).delete();
    if (pending) context.workbook.names.getItem(PENDING_NAME).delete();
    context.workbook.names.add(
      PENDING_NAME,
      pendingFormula(planned.map((p) => p.workingName)),
      "Sheets KPI Rewards is adding"
    );
    const checks = [];
    const budget = new RequestBudget(context);
    for (const p of planned) {
      const sheet = worksheets.add(p.workingName);
      staged.push({ ...p, sheet });
      sheet.names.add(WORKING_NAME, sheet.getRange("A1"), WORKING_COMMENT);
      if (p.plan.kind === "owned") sheet.names.add(OWNER_NAME, sheet.getRange("A1"), OWNER_COMMENT);
      const stagedName = new Map(p.tables.map((t) => [t.wanted, t.staged]));
      await p.plan.build(sheet, {
        context,
        date1904: dates.date1904(),
        tableName: (wanted) => stagedName.get(wanted) ?? wanted,
        budget,
      });
      const tables = sheet.tables;
      tables.load("items/name");
      checks.push({ p, tables });
    }
    await options.commit?.stage({
      context,
      date1904: dates.date1904(),
      tableName: (wanted) => wanted,
      budget,
    });
    await context.sync();
    for (const { p, tables } of checks) {
      const problem = tableProblem(
        tables.items.map((t) => t.name),
        p.tables.map((t) => t.staged)
      );
      if (problem) throw new Error(`${p.workingName} was not built completely: ${problem}`);
    }
  } catch (error) {
    try {
      await undoCommit(context, options.commit);
      await rollBack(context, planned);
    } catch (again) {
      throw new UnfinishedWriteError(unfinishedWrite(options.what, error, again));
    }
    throw new WriteStoppedError(notWritten(options.what, error));
  }

  // 4. Swap: every old sheet goes before any new one takes its name; then verify.
  try {
    for (const s of staged)
      s.sheet.names.add(CHECKED_NAME, s.sheet.getRange("A1"), CHECKED_COMMENT);
    for (const s of staged) if (s.old) worksheets.getItem(s.old.id).delete();
    options.commit?.apply(context);
    finish(context, staged, legacyToDelete(legacy, staged), true, options.activate);
    const check = verifyQueue(context, staged, options.commit);
    await context.sync();
    const problem = check();
    if (problem) throw new Error(problem);
  } catch (error) {
    await settle(context, staged, options, error);
  }
}

/** Removes a commit's staged cells in a request of its own: failing that is no failure of the rollback. */
async function undoCommit(
  context: Excel.RequestContext,
  commit: SwapCommit | undefined
): Promise<void> {
  if (!commit) return;
  try {
    commit.undo(context);
    await context.sync();
  } catch {
    // Staged cells count for nothing until committed; the next run writes over them.
  }
}

/** A sync that only reads: when it fails nothing has changed. */
async function readOnlySync(context: Excel.RequestContext, options: SwapOptions): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw new WriteStoppedError(notWritten(options.what, error));
  }
}

/** The legacy workbook-scoped mark is replaced when it marked a sheet this swap replaces (or nothing). */
function legacyToDelete(legacy: DefinedName | undefined, staged: readonly Staged[]): boolean {
  if (!legacy) return false;
  const target = referencedSheet(legacy.formula);
  return target === undefined || staged.some((s) => s.old && sameSheetName(s.old.name, target));
}

/** The renames that put the built sheets in place (olds already deleted), queued. */
function finish(
  context: Excel.RequestContext,
  staged: readonly Staged[],
  deleteLegacy: boolean,
  deletePending: boolean,
  activate: string | undefined,
  current?: Map<Staged, { name: string; tables: string[]; working: boolean; checked: boolean }>
): void {
  for (const s of staged) {
    if (current?.get(s)?.name !== s.plan.name) s.sheet.name = s.plan.name;
  }
  for (const s of staged)
    for (const t of s.tables)
      if (t.staged !== t.final && (!current || current.get(s)?.tables.includes(t.staged)))
        s.sheet.tables.getItem(t.staged).name = t.final;
  for (const s of staged)
    if (!current || current.get(s)?.working) s.sheet.names.getItem(WORKING_NAME).delete();
  for (const s of staged)
    if (!current || current.get(s)?.checked) s.sheet.names.getItem(CHECKED_NAME).delete();
  if (deleteLegacy) context.workbook.names.getItem(OWNER_NAME).delete();
  if (deletePending) context.workbook.names.getItem(PENDING_NAME).delete();
  const shown = staged.find((s) => s.plan.name === activate);
  if (shown) shown.sheet.activate();
}

/** Queues the loads that prove the swap is done; the returned check says what is wrong, if anything. */
function verifyQueue(
  context: Excel.RequestContext,
  staged: readonly Staged[],
  commit: SwapCommit | undefined
): () => string | undefined {
  const committed = commit?.verify(context);
  const pending = context.workbook.names.getItemOrNullObject(PENDING_NAME);
  pending.load("name");
  const loads = staged.map((s) => {
    s.sheet.load("name");
    const tables = s.sheet.tables;
    tables.load("items/name");
    const owner = s.sheet.names.getItemOrNullObject(OWNER_NAME);
    owner.load("formula");
    const working = s.sheet.names.getItemOrNullObject(WORKING_NAME);
    working.load("name");
    const checked = s.sheet.names.getItemOrNullObject(CHECKED_NAME);
    checked.load("name");
    return { s, tables, owner, working, checked };
  });
  return () => {
    for (const { s, tables, owner, working, checked } of loads) {
      if (s.sheet.name !== s.plan.name) return `the sheet is called ${s.sheet.name}`;
      const problem = tableProblem(
        tables.items.map((t) => t.name),
        s.tables.map((t) => t.final)
      );
      if (problem) return `${s.plan.name}: ${problem}`;
      if (s.plan.kind === "owned") {
        const target = owner.isNullObject ? undefined : referencedSheet(owner.formula);
        if (target === undefined || !sameSheetName(target, s.plan.name))
          return `${s.plan.name} lacks its owner mark`;
      }
      if (!working.isNullObject) return `${s.plan.name} is still marked as being built`;
      if (!checked.isNullObject) return `${s.plan.name} is still marked as checked`;
    }
    const problem = committed?.();
    if (problem) return problem;
    // The check runs after the sync that loaded `pending`.
    // eslint-disable-next-line office-addins/call-sync-before-read
    return pending.isNullObject ? undefined : `${PENDING_NAME} is still there`;
  };
}

function tableProblem(actual: string[], expected: string[]): string | undefined {
  const a = actual.map(lower).sort();
  const e = expected.map(lower).sort();
  return a.length === e.length && a.every((n, i) => n === e[i])
    ? undefined
    : `its tables are ${actual.join(", ") || "none"}, not ${expected.join(", ")}`;
}

/** Before any old sheet was deleted: remove what this run built (found by the names it chose). */
async function rollBack(context: Excel.RequestContext, planned: readonly Planned[]): Promise<void> {
  const ours = pendingFormula(planned.map((p) => p.workingName));
  const worksheets = context.workbook.worksheets;
  // A name that was free when the run began and is used now is this run's sheet: its working name,
  // and its final name when no sheet had it (a swap that had no old sheet may have renamed it).
  const created = planned.flatMap((p) => (p.old ? [p.workingName] : [p.workingName, p.plan.name]));
  const found = created.map((name) => {
    const sheet = worksheets.getItemOrNullObject(name);
    sheet.load("name");
    return sheet;
  });
  const pending = context.workbook.names.getItemOrNullObject(PENDING_NAME);
  pending.load("formula");
  await context.sync();
  const doomed = found.filter((s) => !s.isNullObject);
  // Only this run's list goes: an earlier stopped run's list still proves its leftovers.
  const listed = !pending.isNullObject && pending.formula === ours;
  if (doomed.length === 0 && !listed) return;
  for (const sheet of doomed) sheet.delete();
  if (listed) pending.delete();
  const after = created.map((name) => {
    const sheet = worksheets.getItemOrNullObject(name);
    sheet.load("name");
    return sheet;
  });
  const still = context.workbook.names.getItemOrNullObject(PENDING_NAME);
  still.load("formula");
  await context.sync();
  const left = after.filter((s) => !s.isNullObject).map((s) => s.name);
  if (left.length > 0) throw new Error(`${left.join(", ")} could not be removed`);
  if (!still.isNullObject && still.formula === ours)
    throw new Error(`${PENDING_NAME} could not be removed`);
}

/**
 * After a failure during the swap. While every old sheet is still there nothing was replaced: the new
 * sheets go and the old ones stay. Once one is gone (or there was none), the swap is completed. Either
 * way the outcome is verified before the run reports it.
 */
async function settle(
  context: Excel.RequestContext,
  staged: readonly Staged[],
  options: SwapOptions,
  error: unknown
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  let rolledBack = false;
  try {
    const olds = staged
      .filter((s) => s.old)
      .map((s) => {
        const sheet = worksheets.getItemOrNullObject(s.old!.id);
        sheet.load("name");
        return sheet;
      });
    const now = staged.map((s) => {
      s.sheet.load("name");
      const tables = s.sheet.tables;
      tables.load("items/name");
      const working = s.sheet.names.getItemOrNullObject(WORKING_NAME);
      working.load("name");
      const checked = s.sheet.names.getItemOrNullObject(CHECKED_NAME);
      checked.load("name");
      return { s, tables, working, checked };
    });
    const legacy = context.workbook.names.getItemOrNullObject(OWNER_NAME);
    legacy.load("formula");
    const pending = context.workbook.names.getItemOrNullObject(PENDING_NAME);
    pending.load("name");
    await context.sync();

    if (olds.length > 0 && olds.every((sheet) => !sheet.isNullObject)) {
      // Old sheets are deleted before any new one is renamed: the new ones still have working names.
      rolledBack = true;
      for (const s of staged) s.sheet.delete();
      if (!pending.isNullObject) pending.delete();
      const left = staged.map((s) => {
        const sheet = worksheets.getItemOrNullObject(s.workingName);
        sheet.load("name");
        return sheet;
      });
      const still = context.workbook.names.getItemOrNullObject(PENDING_NAME);
      still.load("name");
      await context.sync();
      if (left.some((sheet) => !sheet.isNullObject) || !still.isNullObject)
        throw new Error("the new sheets could not be removed");
      await undoCommit(context, options.commit);
    } else {
      await rollForward(context, staged, olds, now, { legacy, pending }, options);
    }
  } catch (again) {
    throw new UnfinishedWriteError(unfinishedWrite(options.what, error, again));
  }
  if (rolledBack) throw new WriteStoppedError(notWritten(options.what, error));
  // Rolled forward: the new sheets are in place and verified, so the run succeeded.
}

/** Completes a swap from wherever it stopped, as the loads of `now` found it, and verifies it. */
async function rollForward(
  context: Excel.RequestContext,
  staged: readonly Staged[],
  olds: readonly Excel.Worksheet[],
  now: readonly {
    s: Staged;
    tables: Excel.TableCollection;
    working: Excel.NamedItem;
    checked: Excel.NamedItem;
  }[],
  { legacy, pending }: { legacy: Excel.NamedItem; pending: Excel.NamedItem },
  { activate, commit }: SwapOptions
): Promise<void> {
  for (const sheet of olds) if (!sheet.isNullObject) sheet.delete();
  commit?.apply(context);
  const current = new Map(
    now.map(({ s, tables, working, checked }) => [
      s,
      {
        name: s.sheet.name,
        tables: tables.items.map((t) => t.name),
        working: !working.isNullObject,
        checked: !checked.isNullObject,
      },
    ])
  );
  const deleteLegacy =
    !legacy.isNullObject && legacyToDelete({ name: OWNER_NAME, formula: legacy.formula }, staged);
  finish(context, staged, deleteLegacy, !pending.isNullObject, activate, current);
  const check = verifyQueue(context, staged, commit);
  await context.sync();
  const problem = check();
  if (problem) throw new Error(problem);
}
