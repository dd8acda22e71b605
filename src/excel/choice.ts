import {
  findTables,
  type FoundTables,
  parseRangeAddress,
  type SheetGrid,
  type TableArea,
  type WorkbookGrid,
} from "../engine";

/** A range the user picked from the selection instead of the tables found: `Sheet1!A1:D200`. */
export interface ChosenRange {
  readonly sheet: string;
  readonly address: string;
}

/** Which tables to evaluate: the picked ones, each kind independently; the rest found as usual. */
export interface TableChoice {
  readonly targets?: ChosenRange;
  readonly observations?: readonly ChosenRange[];
}

/** Picking the Targets leaves the observations to be found, and the other way round. */
export function chooseTables(workbook: WorkbookGrid, choice: TableChoice): FoundTables {
  const found = findTables(workbook);
  const picked = (ranges: readonly ChosenRange[]) =>
    findTables({ ...workbook, sheets: onlyRanges(workbook.sheets, ranges) });
  // Adjustments, pay curves and what was found wrong are kept: only the two kinds picked change.
  return {
    ...found,
    targets: choice.targets ? picked([choice.targets]).targets : found.targets,
    observations: choice.observations?.length
      ? picked(choice.observations).observations
      : found.observations,
  };
}

/** The sheets cut down to the picked ranges, each read as if it were an Excel table. */
function onlyRanges(sheets: readonly SheetGrid[], ranges: readonly ChosenRange[]): SheetGrid[] {
  return sheets.flatMap((sheet) => {
    const areas = ranges
      .filter((range) => range.sheet === sheet.name)
      .map((range, i): TableArea | undefined => {
        const parsed = parseRangeAddress(range.address);
        if (!parsed) return undefined;
        const { row, column, rowCount, columnCount } = parsed.range;
        return { name: `Selection${i + 1}`, top: row, left: column, rowCount, columnCount };
      })
      .filter((area): area is TableArea => area !== undefined);
    return areas.length > 0 ? [{ ...sheet, tables: areas }] : [];
  });
}
