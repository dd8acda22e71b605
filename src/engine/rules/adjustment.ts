import type { CellRef } from "../grid/address";
import { cellKind, cellText } from "../grid/cell";
import type { CellReader } from "../grid/cell-reader";
import { formatMoney } from "./explanation";
import { nameKey } from "../grid/header";
import type { IssueLog } from "../grid/issue";
import type { AdjustmentsTable } from "../grid/tables";
import {
  blankAmount,
  noReason,
  noSuchTarget,
  noSuchTeam,
  severalTargets,
  unreadableAmount,
} from "../messages";

/** A manual correction (SPEC §10): an amount added to one target's payout, or to a team's reward. */
export interface Adjustment {
  readonly project: string;
  /** Blank: the amount is a line of the team's own, not a target's. */
  readonly kpi?: string;
  readonly team?: string;
  readonly amount: number;
  readonly reason: string;
  readonly approvedBy?: string;
  /** The row's first cell, where issues point. */
  readonly cell: CellRef;
}

/** Every usable row of the Adjustments tables; each rejected row is an `error` issue with its cell. */
export function readAdjustments(
  tables: readonly AdjustmentsTable[],
  reader: CellReader,
  issues: IssueLog
): Adjustment[] {
  const adjustments: Adjustment[] = [];
  for (const table of tables) {
    const { view, columns, sheet } = table;
    const text = (row: number, column: number | undefined) =>
      column === undefined ? "" : cellText(view.cell(row, column)).trim();
    for (let row = view.firstDataRow; row < view.endRow; row++) {
      if (view.isBlankRow(row)) continue;
      const at = (column: number | undefined) => view.address(row, column ?? 0);
      const amountColumn = columns.amount ?? 0;
      const amountCell = view.cell(row, amountColumn);
      const amount =
        cellKind(amountCell) === "blank"
          ? {
              ok: false as const,
              message: blankAmount(`Amount (${sheet}!${at(amountColumn)})`),
            }
          : reader.number(amountCell, `Amount (${sheet}!${at(amountColumn)})`);
      if (!amount.ok) {
        issues.error(sheet, at(amountColumn), unreadableAmount(amount.message));
        continue;
      }
      const reason = text(row, columns.reason);
      if (reason === "") {
        issues.error(sheet, at(columns.reason), noReason(`${sheet}!${at(columns.reason)}`));
        continue;
      }
      const kpi = text(row, columns.kpi);
      const team = text(row, columns.team);
      const approvedBy = text(row, columns.approvedBy);
      adjustments.push({
        project: text(row, columns.project),
        kpi: kpi === "" ? undefined : kpi,
        team: team === "" ? undefined : team,
        amount: amount.value,
        reason,
        approvedBy: approvedBy === "" ? undefined : approvedBy,
        cell: { sheet, cell: at(0) },
      });
    }
  }
  return adjustments;
}

/** What adjustments need of the target results they apply to. */
export interface AdjustedTarget {
  readonly project: string;
  readonly kpi: string;
  readonly team: string;
  readonly source: CellRef;
}

/** An adjustment as applied: to a target (its index among the results) or to a team as a line of its own. */
export interface AppliedAdjustment extends Adjustment {
  readonly team: string;
  readonly targetIndex?: number;
}

export interface AppliedAdjustments {
  readonly applied: readonly AppliedAdjustment[];
  /** Sum of the adjustments of each target, by result index. */
  readonly byTarget: ReadonlyMap<number, number>;
  /** The explanation's ending for each adjusted target: `adjusted +500.00: late data`. */
  readonly phrases: ReadonlyMap<number, string>;
  /** Sum of every adjustment (target and team lines) by team. */
  readonly byTeam: ReadonlyMap<string, number>;
}

/** `+500.00`, `−1,200.00`: an amount with its sign, as money. */
export function formatSignedMoney(amount: number): string {
  return amount < 0 ? `−${formatMoney(-amount)}` : `+${formatMoney(amount)}`;
}

/**
 * Matches each adjustment to the first target with its Project and KPI (a warning when several share
 * them), or, with KPI blank, to its Team (else the Project's team). A row that matches nothing is an
 * `error` issue and is not applied. Adjustments never change a status or an attainment.
 */
export function applyAdjustments(
  adjustments: readonly Adjustment[],
  targets: readonly AdjustedTarget[],
  issues: IssueLog
): AppliedAdjustments {
  // Most workbooks have none: no index of every target for nothing.
  if (adjustments.length === 0)
    return { applied: [], byTarget: new Map(), phrases: new Map(), byTeam: new Map() };
  const byKey = new Map<string, number[]>();
  const teamOfProject = new Map<string, string>();
  const teams = new Map<string, string>();
  targets.forEach((target, index) => {
    const key = `${nameKey(target.project)}\u0000${nameKey(target.kpi)}`;
    const list = byKey.get(key);
    if (list) list.push(index);
    else byKey.set(key, [index]);
    if (!teamOfProject.has(nameKey(target.project)))
      teamOfProject.set(nameKey(target.project), target.team);
    if (!teams.has(nameKey(target.team))) teams.set(nameKey(target.team), target.team);
  });

  const applied: AppliedAdjustment[] = [];
  const byTarget = new Map<number, number>();
  const phrases = new Map<number, string>();
  const byTeam = new Map<string, number>();
  const place = (a: Adjustment) => `${a.cell.sheet}!${a.cell.cell}`;
  for (const adjustment of adjustments) {
    const phrase = `adjusted ${formatSignedMoney(adjustment.amount)}: ${adjustment.reason}`;
    if (adjustment.kpi !== undefined) {
      const matches = byKey.get(`${nameKey(adjustment.project)}\u0000${nameKey(adjustment.kpi)}`);
      if (!matches) {
        issues.error(
          adjustment.cell.sheet,
          adjustment.cell.cell,
          noSuchTarget(place(adjustment), adjustment.project, adjustment.kpi)
        );
        continue;
      }
      const index = matches[0];
      if (matches.length > 1) {
        const first = targets[index].source;
        issues.warning(
          adjustment.cell.sheet,
          adjustment.cell.cell,
          severalTargets(
            place(adjustment),
            matches.length,
            adjustment.project,
            adjustment.kpi,
            `${first.sheet}!${first.cell}`
          )
        );
      }
      const team = targets[index].team;
      byTarget.set(index, (byTarget.get(index) ?? 0) + adjustment.amount);
      phrases.set(index, phrases.has(index) ? `${phrases.get(index)}; ${phrase}` : phrase);
      byTeam.set(team, (byTeam.get(team) ?? 0) + adjustment.amount);
      applied.push({ ...adjustment, team, targetIndex: index });
      continue;
    }
    const team =
      adjustment.team !== undefined
        ? teams.get(nameKey(adjustment.team))
        : teamOfProject.get(nameKey(adjustment.project));
    if (team === undefined) {
      issues.error(
        adjustment.cell.sheet,
        adjustment.cell.cell,
        noSuchTeam(place(adjustment), adjustment)
      );
      continue;
    }
    byTeam.set(team, (byTeam.get(team) ?? 0) + adjustment.amount);
    applied.push({ ...adjustment, team });
  }
  return { applied, byTarget, phrases, byTeam };
}
