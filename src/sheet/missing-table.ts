import type { TableSummary } from "../engine/grid/tables";
import { missingTable } from "../engine/grid/tables";

/** A table an evaluation cannot do without. */
export type MissingTable = NonNullable<ReturnType<typeof missingTable>>;

/** What each such table needs, as every host says it. */
export const TABLE_NEEDS: Record<MissingTable, string> = {
  targets: "a header row of Project, KPI, Start, Window (or End) and Target",
  observations: "Project, KPI, Date, Value, or a Date column and one column per KPI",
};

/**
 * The sentence every host shows when a workbook lacks a table it needs: which table, and what to add.
 * Undefined when both are there.
 */
export function missingTableMessage(tables: readonly TableSummary[]): string | undefined {
  const missing = missingTable(tables);
  if (missing === "targets")
    return `No Targets table was found: add a table with ${TABLE_NEEDS.targets}.`;
  if (missing === "observations")
    return `No observations were found: add a table with ${TABLE_NEEDS.observations}.`;
  return undefined;
}
