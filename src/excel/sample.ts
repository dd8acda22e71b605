import { columnName } from "../engine";
import {
  NUMBER_FORMATS,
  rowInDateSystem,
  type SampleSheet,
  sampleWorkbook,
  writableValue,
} from "../sheet";
import { swapInSheets, type SheetPlan } from "./swap";
import { cellFormat } from "./write";
import { sampleNamesInUse } from "./messages";

/** The sample's sheets cannot be written because sheets of those names exist. */
export class SampleNamesInUseError extends Error {
  constructor(readonly names: string[]) {
    super(sampleNamesInUse(names));
  }
}

/** One demo sheet as a swap builds it: formats, then values (dates in the workbook's system), then its table. */
function samplePlan(sheet: SampleSheet): SheetPlan {
  return {
    name: sheet.name,
    kind: "new",
    tables: [sheet.table],
    build: async (worksheet, build) => {
      const last = columnName(sheet.values[0].length - 1);
      const rows = sheet.values.length;
      sheet.formats.forEach((format, column) => {
        const letter = columnName(column);
        worksheet.getRange(`${letter}2:${letter}${rows}`).numberFormat = cellFormat(
          NUMBER_FORMATS[format]
        );
      });
      const [header, ...body] = sheet.values;
      worksheet.getRange(`A1:${last}${rows}`).values = [
        header.map(writableValue),
        ...body.map((row) =>
          rowInDateSystem(row, sheet.formats, false, build.date1904).map(writableValue)
        ),
      ];
      const table = worksheet.tables.add(`A1:${last}${rows}`, true);
      table.name = build.tableName(sheet.table);
      worksheet.getRange(`A:${last}`).format.autofitColumns();
    },
  };
}

/**
 * Writes the engine's demo workbook as new sheets with Excel tables, never over a sheet, as one swap:
 * if Excel fails part-way, the sheets written so far are removed and the workbook is as it was.
 */
export async function writeSample(context: Excel.RequestContext): Promise<void> {
  const sample = sampleWorkbook();
  await swapInSheets(context, sample.map(samplePlan), {
    what: "The sample",
    activate: sample[0].name,
    namesInUse: (names) => new SampleNamesInUseError(names),
  });
}
