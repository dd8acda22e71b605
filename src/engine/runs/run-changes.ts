import { formatDay } from "../grid/date";
import { formatAmount, formatMoney } from "../rules/explanation";
import {
  comparisonRun,
  runTargetKey,
  type RunHistory,
  type RunRecord,
  type RunTarget,
  type RunTargetRecord,
} from "./run-history";
import type { Status } from "../rules/status";

/** What changed for one target since the run it is compared with (SPEC §9). */
export interface TargetChange {
  readonly previousStatus: Status | null;
  readonly previousPayout: number | null;
  /** One sentence; empty when nothing changed; `New` for a target the run did not have. */
  readonly changed: string;
  /** Set when the run compared with is approved and paid this target another amount. */
  readonly payoutWarning?: string;
}

export interface RunComparison {
  /** The run compared with; none before the first run. */
  readonly basis?: RunRecord;
  /** One per target result, in order. */
  readonly changes: readonly TargetChange[];
}

const UNCHANGED: TargetChange = { previousStatus: null, previousPayout: null, changed: "" };

/** Amounts that print alike are alike: differences below a cent of money or 1e-9 relative are noise. */
function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const amount = (value: number | null) => (value === null ? "none" : formatAmount(value));

function observationsPhrase(before: number | null, now: number | null | undefined): string {
  if (before === null || now === null || now === undefined || before === now) return "";
  const more = now - before;
  const n = Math.abs(more);
  return ` after ${n} ${more > 0 ? "more" : "fewer"} observation${n === 1 ? "" : "s"}`;
}

/** `Met → Missed since run 3 (as of 31 Oct 2024): actual 319.7 → 341.2 after 2 more observations`. */
export function describeChange(before: RunTargetRecord, now: RunTarget, basis: RunRecord): string {
  const details: string[] = [];
  const counted = observationsPhrase(before.observations, now.observations);
  if (!same(before.actual, now.actual))
    details.push(`actual ${amount(before.actual)} → ${amount(now.actual)}${counted}`);
  else if (counted) details.push(counted.trim().replace(/^after /, ""));
  if (!same(before.baseline, now.baseline))
    details.push(`baseline ${amount(before.baseline)} → ${amount(now.baseline)}`);
  const statusChanged = before.status !== now.status;
  // A new status explains a new payout (and Previous payout shows it); the same status does not.
  if (!statusChanged && !same(before.payout, now.payout))
    details.push(`payout ${formatMoney(before.payout)} → ${formatMoney(now.payout)}`);
  if (!statusChanged && details.length === 0) return "";
  const head = statusChanged
    ? `${before.status} → ${now.status} since run ${basis.run}`
    : `${now.status} as in run ${basis.run}`;
  const tail = details.length > 0 ? `: ${details.join(", ")}` : "";
  return `${head} (as of ${formatDay(basis.asOf)})${tail}`;
}

/**
 * Compares each target (same Project, KPI and Start) with the last approved run, else the last run.
 * A payout that differs from an approved one carries a warning, so nobody pays twice or too little
 * without seeing it.
 */
export function compareWithHistory(
  targets: readonly RunTarget[],
  history: RunHistory
): RunComparison {
  const basis = comparisonRun(history);
  if (!basis) return { changes: targets.map(() => UNCHANGED) };
  const before = new Map<string, RunTargetRecord>();
  for (const record of history.results) {
    // The run is checked first: keying every row of a long history cost more than the comparison.
    if (record.run !== basis.run) continue;
    const key = runTargetKey(record);
    if (!before.has(key)) before.set(key, record);
  }
  const changes = targets.map((target): TargetChange => {
    const previous = before.get(runTargetKey(target));
    if (!previous) return { previousStatus: null, previousPayout: null, changed: "New" };
    const payoutWarning =
      basis.approvedBy !== undefined && !same(previous.payout, target.payout)
        ? `${target.project} / ${target.kpi}: the payout is now ${formatMoney(target.payout)}, but run ${basis.run} approved ${formatMoney(previous.payout)} (approved by ${basis.approvedBy}); check before paying`
        : undefined;
    return {
      previousStatus: previous.status,
      previousPayout: previous.payout,
      changed: describeChange(previous, target, basis),
      payoutWarning,
    };
  });
  return { basis, changes };
}
