import path from "path";
import { planOutput } from "../../src/cli/output-file";
import { openPackage } from "../../src/cli/xlsx-package";
import { writeResultsWorkbook, writeSampleWorkbook } from "../../src/cli/xlsx-write";
import { readFileSync } from "fs";
import { evaluateWorkbook } from "../../src/engine";
import { resultsSheet, SAMPLE_AS_OF, sampleWorkbook } from "../../src/sheet";
import { expectSoundWorkbook } from "../support/ooxml-soundness";
import { partOf, sheetNames, temporaryFolder } from "../support/xlsx";

describe("writing workbooks", () => {
  test("the sample: one sheet per sample sheet, each an Excel table of its name", async () => {
    const folder = temporaryFolder();
    const file = path.join(folder, "sample.xlsx");
    await writeSampleWorkbook(await planOutput(file, {}));
    await expectSoundWorkbook(file);
    const samples = sampleWorkbook();
    expect(sheetNames(await partOf(file, "xl/workbook.xml"))).toEqual(samples.map((s) => s.name));
    const tables = await Promise.all(
      samples.map((_, i) => partOf(file, `xl/tables/table${i + 1}.xml`))
    );
    expect(tables.map((t) => /displayName="([^"]*)"/.exec(t)![1])).toEqual(
      samples.map((s) => s.table)
    );
  });

  test("the results go into the package at the planned path, named by its extension", async () => {
    const folder = temporaryFolder();
    const input = path.join(folder, "in.xlsx");
    await writeSampleWorkbook(await planOutput(input, {}));
    const bytes = readFileSync(input);
    const evaluation = evaluateWorkbook(
      { sheets: sampleWorkbook().map((s) => ({ name: s.name, values: s.values })) },
      { asOf: SAMPLE_AS_OF }
    );
    const out = path.join(folder, "out.xlsm");
    await writeResultsWorkbook(
      await openPackage(bytes),
      await planOutput(out, { input }),
      resultsSheet(evaluation, "2026-11-24 09:30")
    );
    await expectSoundWorkbook(out);
    expect(sheetNames(await partOf(out, "xl/workbook.xml")).at(-1)).toBe("KPI Rewards");
    expect(await partOf(out, "[Content_Types].xml")).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    );
  });
});
