import { copyFileSync, existsSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../support/cli";
import { day, everyDay, longRows } from "../support/workbooks";
import {
  definedNames,
  editPackage,
  partOf,
  sheetNames,
  singleQuoted,
  OBSERVATION_COLUMNS,
  TARGET_COLUMNS,
  temporaryFolder,
  writeHandMade,
  writeWorkbook,
} from "../support/xlsx";

const AS_OF = ["--as-of", "2024-03-01"];
const WORKBOOK = "xl/workbook.xml";

async function tableNames(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names: string[] = [];
  for (const part of Object.keys(zip.files)
    .filter((f) => /tables\/table\d+\.xml$/.test(f))
    .sort())
    names.push(/displayName="([^"]*)"/.exec(await zip.file(part)!.async("string"))![1]);
  return names;
}

describe("ownership: the sheet-scoped KpiRewards_Owner mark", () => {
  const folder = temporaryFolder();

  test("the mark is scoped to the results sheet and points at its first cell", async () => {
    const file = await writeHandMade(folder, "mark.xlsx");
    const { status, written } = await runCli("evaluate", file, ...AS_OF);
    expect(status).toBe(0);
    const workbook = await partOf(written!, WORKBOOK);
    expect(sheetNames(workbook)).toEqual(["Targets", "Observations", "KPI Rewards", "KPI History"]);
    expect(definedNames(workbook)).toEqual([
      "KpiRewards_Owner|2|'KPI Rewards'!$A$1",
      "_xlnm.Print_Titles|2|'KPI Rewards'!$1:$2",
      "KpiRewards_Owner|3|'KPI History'!$A$1",
    ]);
  });

  test("a legacy workbook-scoped mark pointing at the sheet is replaced by the sheet-scoped one", async () => {
    const file = await writeHandMade(folder, "legacy.xlsx");
    await runCli("evaluate", file, ...AS_OF, "--in-place");
    await editPackage(file, {
      [WORKBOOK]: (xml) => xml.replace(' localSheetId="2"', ""),
    });
    expect(definedNames(await partOf(file, WORKBOOK))).toEqual([
      "KpiRewards_Owner||'KPI Rewards'!$A$1",
      "_xlnm.Print_Titles|2|'KPI Rewards'!$1:$2",
      "KpiRewards_Owner|3|'KPI History'!$A$1",
    ]);
    expect((await runCli("evaluate", file, ...AS_OF, "--in-place")).status).toBe(0);
    const workbook = await partOf(file, WORKBOOK);
    expect(sheetNames(workbook)).toEqual(["Targets", "Observations", "KPI Rewards", "KPI History"]);
    expect(definedNames(workbook)).toEqual([
      "KpiRewards_Owner|3|'KPI History'!$A$1",
      "KpiRewards_Owner|2|'KPI Rewards'!$A$1",
      "_xlnm.Print_Titles|2|'KPI Rewards'!$1:$2",
    ]);
  });

  test("a foreign sheet named in another case (kpi rewards) is refused like KPI Rewards", async () => {
    const file = await writeHandMade(folder, "case.xlsx", "Helpdesk", {
      "kpi rewards": [["my own notes"]],
    });
    const before = readFileSync(file);
    const { status, err } = await runCli("evaluate", file, ...AS_OF, "--in-place");
    expect(status).toBe(1);
    expect(err).toBe(
      `kpi-rewards: ${file}: has a sheet named "kpi rewards" that kpi-rewards did not create; rename or delete it — nothing was written\n`
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(path.join(folder, "case-rewards.xlsx"))).toBe(false);
  });

  test("our sheet renamed to another case is replaced in place and named KPI Rewards again", async () => {
    const file = await writeHandMade(folder, "recase.xlsx");
    await runCli("evaluate", file, ...AS_OF, "--in-place");
    await editPackage(file, {
      [WORKBOOK]: (xml) =>
        xml
          .replace('name="KPI Rewards"', 'name="kpi rewards"')
          .replace(/'KPI Rewards'!/, "'kpi rewards'!"),
    });
    expect((await runCli("evaluate", file, ...AS_OF, "--in-place")).status).toBe(0);
    const workbook = await partOf(file, WORKBOOK);
    expect(sheetNames(workbook)).toEqual(["Targets", "Observations", "KPI Rewards", "KPI History"]);
    expect(definedNames(workbook)).toEqual([
      "KpiRewards_Owner|3|'KPI History'!$A$1",
      "KpiRewards_Owner|2|'KPI Rewards'!$A$1",
      "_xlnm.Print_Titles|2|'KPI Rewards'!$1:$2",
    ]);
  });

  test("workbook.xml quoting its attributes with ' hides no foreign KPI Rewards sheet", async () => {
    const file = await writeHandMade(folder, "quotes.xlsx", "Helpdesk", {
      "KPI Rewards": [["my own notes"]],
    });
    await editPackage(file, { [WORKBOOK]: singleQuoted });
    expect(await partOf(file, WORKBOOK)).toContain("name='KPI Rewards'");
    const { status, err } = await runCli("evaluate", file, ...AS_OF);
    expect(status).toBe(1);
    expect(err).toContain('has a sheet named "KPI Rewards" that kpi-rewards did not create');
  });

  test("with ' quoted attributes our own sheet is replaced, not added a second time", async () => {
    const file = await writeHandMade(folder, "quoted-own.xlsx");
    await runCli("evaluate", file, ...AS_OF, "--in-place");
    await editPackage(file, { [WORKBOOK]: singleQuoted });
    expect((await runCli("evaluate", file, ...AS_OF, "--in-place")).status).toBe(0);
    const workbook = await partOf(file, WORKBOOK);
    expect(sheetNames(workbook)).toEqual(["Targets", "Observations", "KPI Rewards", "KPI History"]);
    expect(definedNames(workbook)).toEqual([
      "KpiRewards_Owner|3|'KPI History'!$A$1",
      "KpiRewards_Owner|2|'KPI Rewards'!$A$1",
      "_xlnm.Print_Titles|2|'KPI Rewards'!$1:$2",
    ]);
  });

  test("names scoped to the user's sheets keep their localSheetId when ours is replaced", async () => {
    const file = await writeHandMade(folder, "scoped.xlsx");
    await runCli("evaluate", file, ...AS_OF, "--in-place");
    await editPackage(file, {
      [WORKBOOK]: (xml) =>
        xml.replace(
          "<definedNames>",
          `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">Observations!$A$1:$D$61</definedName><definedName name="Budget" localSheetId="0">Targets!$F$2</definedName>`
        ),
    });
    expect((await runCli("evaluate", file, ...AS_OF, "--in-place")).status).toBe(0);
    expect(definedNames(await partOf(file, WORKBOOK))).toEqual([
      "_xlnm.Print_Area|1|Observations!$A$1:$D$61",
      "Budget|0|Targets!$F$2",
      "KpiRewards_Owner|3|'KPI History'!$A$1",
      "KpiRewards_Owner|2|'KPI Rewards'!$A$1",
      "_xlnm.Print_Titles|2|'KPI Rewards'!$1:$2",
    ]);
  });
});

describe("table names are unique in the workbook", () => {
  const folder = temporaryFolder();

  test("a renamed old results sheet keeps its tables; the new ones are suffixed", async () => {
    const file = await writeHandMade(folder, "kept.xlsx");
    await runCli("evaluate", file, ...AS_OF, "--in-place");
    // What Excel saves after the user renames the sheet: the mark's reference follows the sheet.
    await editPackage(file, {
      [WORKBOOK]: (xml) =>
        xml
          .replace('name="KPI Rewards"', 'name="Jan results"')
          .replace("'KPI Rewards'!", "'Jan results'!"),
    });
    const kept = await partOf(file, "xl/worksheets/sheet3.xml");
    const { status, written } = await runCli("evaluate", file, ...AS_OF, "--in-place");
    expect(status).toBe(0);
    const workbook = await partOf(written!, WORKBOOK);
    expect(sheetNames(workbook)).toEqual([
      "Targets",
      "Observations",
      "Jan results",
      "KPI History",
      "KPI Rewards",
    ]);
    // The same inputs and as-of date: KPI History stays as it was, the new KPI Rewards goes last.
    expect(definedNames(workbook)).toEqual([
      "KpiRewards_Owner|2|'Jan results'!$A$1",
      "_xlnm.Print_Titles|2|'KPI Rewards'!$1:$2",
      "KpiRewards_Owner|3|'KPI History'!$A$1",
      "KpiRewards_Owner|4|'KPI Rewards'!$A$1",
      "_xlnm.Print_Titles|4|'KPI Rewards'!$1:$2",
    ]);
    // Byte for byte, but for its "selected" mark: the workbook now opens on the new results sheet alone.
    expect(await partOf(file, "xl/worksheets/sheet3.xml")).toBe(
      kept.replace('<sheetView tabSelected="1" ', "<sheetView ")
    );
    expect(await tableNames(file)).toEqual([
      "KpiTeams",
      "KpiResults",
      "KpiIssues",
      "KpiRuns",
      "KpiRunResults",
      "KpiTeams2",
      "KpiResults2",
      "KpiIssues2",
    ]);
  });

  test("a user's table named KpiResults (any case) gets ours suffixed; a defined name KpiTeams too", async () => {
    const file = path.join(folder, "user-table.xlsx");
    await writeHandMade(folder, "user-table.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.addWorksheet("Notes").addTable({
      name: "kpiresults",
      ref: "A1",
      columns: [{ name: "Note" }],
      rows: [["mine"]],
    });
    workbook.definedNames.add("Notes!$A$1", "KpiTeams");
    await workbook.xlsx.writeFile(file);
    const { status, written } = await runCli("evaluate", file, ...AS_OF);
    expect(status).toBe(0);
    expect(await tableNames(written!)).toEqual([
      "kpiresults",
      "KpiTeams2",
      "KpiResults2",
      "KpiIssues",
      "KpiRuns",
      "KpiRunResults",
    ]);
  });
});

describe("the workbook's styles part", () => {
  test("written with ' quotes and its own number format 164: ours get the next ids, cells point at them", async () => {
    const folder = temporaryFolder();
    const file = await writeHandMade(folder, "styles.xlsx");
    await editPackage(file, {
      "xl/styles.xml": (xml) =>
        singleQuoted(
          xml.includes("<numFmts")
            ? xml
            : xml.replace(
                "<fonts",
                '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><fonts'
              )
        ),
    });
    const { status, written } = await runCli("evaluate", file, ...AS_OF);
    expect(status).toBe(0);
    const styles = await partOf(written!, "xl/styles.xml");
    const ids = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map(
      (m) => `${m[1]} ${m[2]}`
    );
    // In order of first use: the summary's as-of date, KpiTeams' Score (percent), KpiResults' numbers,
    // then KPI History's date-times.
    expect(ids).toEqual([
      "164 0.000",
      "165 yyyy-mm-dd",
      "166 0.0%",
      "167 #,##0.0",
      "168 yyyy-mm-dd hh:mm",
    ]);
  });
});

describe("content types follow the file's extension", () => {
  const folder = temporaryFolder();
  const MACRO = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  const PLAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

  async function macroWorkbook(name: string): Promise<string> {
    const file = await writeHandMade(folder, name.replace(/\.xlsm$/, ".xlsx"));
    const macro = path.join(folder, name);
    copyFileSync(file, macro);
    await editPackage(
      macro,
      {
        "[Content_Types].xml": (xml) =>
          xml
            .replace(PLAIN, MACRO)
            .replace(
              "</Types>",
              '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
            ),
        "xl/_rels/workbook.xml.rels": (xml) =>
          xml.replace(
            "</Relationships>",
            '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'
          ),
      },
      { "xl/vbaProject.bin": Buffer.from("not really VBA, but carried byte for byte") }
    );
    return macro;
  }

  test(".xlsm in, .xlsm out: the macros and the macro-enabled content type are kept", async () => {
    const file = await macroWorkbook("macros.xlsm");
    const { status, written } = await runCli("evaluate", file, ...AS_OF);
    expect(status).toBe(0);
    expect(written).toBe(path.join(folder, "macros-rewards.xlsm"));
    expect(await partOf(written!, "[Content_Types].xml")).toContain(
      `<Override PartName="/xl/workbook.xml" ContentType="${MACRO}"/>`
    );
    expect(await partOf(written!, "xl/vbaProject.bin")).toBe(
      "not really VBA, but carried byte for byte"
    );
  });

  test("a macro-enabled workbook is not written as .xlsx: one line, exit 2, nothing written", async () => {
    const file = await macroWorkbook("refused.xlsm");
    const out = path.join(folder, "refused-out.xlsx");
    const { status, err } = await runCli("evaluate", file, ...AS_OF, "--out", out);
    expect(status).toBe(2);
    expect(err).toBe(
      `kpi-rewards: ${file}: is a macro-enabled workbook: write it to an .xlsm file (--out NAME.xlsm); an .xlsx file cannot hold its macros\n`
    );
    expect(existsSync(out)).toBe(false);
  });

  test("an .xlsx written to --out NAME.xlsm gets the macro-enabled workbook type", async () => {
    const file = await writeHandMade(folder, "plain.xlsx");
    const out = path.join(folder, "plain-out.xlsm");
    expect((await runCli("evaluate", file, ...AS_OF, "--out", out)).status).toBe(0);
    expect(await partOf(out, "[Content_Types].xml")).toContain(
      `<Override PartName="/xl/workbook.xml" ContentType="${MACRO}"/>`
    );
  });
});

describe("a package with missing or unreadable parts: exit 2, one line, in both modes", () => {
  const folder = temporaryFolder();

  async function damaged(name: string, damage: (file: string) => Promise<void>): Promise<string> {
    const file = await writeHandMade(folder, name);
    await damage(file);
    return file;
  }

  const cases: [string, (file: string) => Promise<void>, string][] = [
    [
      "a sheet's part is missing",
      (file) => editPackage(file, {}, { "xl/worksheets/sheet2.xml": null }),
      'is missing the part xl/worksheets/sheet2.xml of its sheet "Observations"; the file is damaged — save it again',
    ],
    [
      "the workbook's relationships are missing",
      (file) => editPackage(file, {}, { "xl/_rels/workbook.xml.rels": null }),
      "is missing its part xl/_rels/workbook.xml.rels; the file is damaged — save it again",
    ],
    [
      "workbook.xml is not XML",
      (file) => editPackage(file, { [WORKBOOK]: (xml) => xml.replace("</sheets>", "") }),
      "its part xl/workbook.xml is not sound XML",
    ],
    [
      "the zip has no central directory",
      async (file) => {
        const bytes = readFileSync(file);
        writeFileSync(
          file,
          bytes.subarray(0, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])))
        );
      },
      "cannot be read as a workbook",
    ],
    [
      "workbook.xml does not inflate",
      async (file) => {
        const bytes = readFileSync(file);
        // The local header of the part: 30 bytes, its name, its extra field, then the deflated data.
        const name = Buffer.from(WORKBOOK);
        const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
        let at = bytes.indexOf(signature);
        while (!bytes.subarray(at + 30, at + 30 + name.length).equals(name))
          at = bytes.indexOf(signature, at + 1);
        const data = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
        bytes.fill(0xff, data, data + 40);
        writeFileSync(file, bytes);
      },
      "its part xl/workbook.xml ",
    ],
  ];

  test.each(cases)("%s", async (label, damage, message) => {
    const file = await damaged(`${label.replace(/\W+/g, "-")}.xlsx`, damage);
    for (const mode of [[], ["--json"]]) {
      const { status, out, err } = await runCli("evaluate", file, ...AS_OF, ...mode);
      expect([status, out]).toEqual([2, ""]);
      expect(err.split("\n").filter(Boolean)).toHaveLength(1);
      expect(err.startsWith(`kpi-rewards: ${file}: ${message}`)).toBe(true);
    }
    expect(existsSync(file.replace(/\.xlsx$/, "-rewards.xlsx"))).toBe(false);
  });
});

describe("the copy", () => {
  test("every other part of the input package is carried byte for byte", async () => {
    const folder = temporaryFolder();
    const file = path.join(folder, "carried.xlsx");
    expect((await runCli("sample", file)).status).toBe(0);
    expect((await runCli("evaluate", file, "--as-of", "2024-09-30")).status).toBe(0);
    const before = await JSZip.loadAsync(readFileSync(file));
    const after = await JSZip.loadAsync(readFileSync(path.join(folder, "carried-rewards.xlsx")));
    const edited = [WORKBOOK, "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];
    for (const name of Object.keys(before.files).filter(
      (n) => !before.files[n].dir && !edited.includes(n)
    )) {
      expect([name, await after.file(name)?.async("base64")]).toEqual([
        name,
        await before.file(name)!.async("base64"),
      ]);
    }
    const added = Object.keys(after.files).filter((n) => !before.files[n] && !after.files[n].dir);
    expect(added.sort()).toEqual([
      "xl/tables/table5.xml",
      "xl/tables/table6.xml",
      "xl/tables/table7.xml",
      "xl/tables/table8.xml",
      "xl/tables/table9.xml",
      "xl/worksheets/_rels/sheet5.xml.rels",
      "xl/worksheets/_rels/sheet6.xml.rels",
      "xl/worksheets/sheet5.xml",
      "xl/worksheets/sheet6.xml",
    ]);
  });

  test("text longer than a cell holds is cut at 32,767 characters, with a warning naming the cell", async () => {
    const folder = temporaryFolder();
    // A KPI name Excel can hold (32,700 characters) makes an explanation longer than a cell holds:
    // the SPEC's 126-character sentence with "Support calls" (13) replaced is 32,813 characters.
    const kpi = `K${"x".repeat(32_699)}`;
    const file = path.join(folder, "long.xlsx");
    await writeWorkbook(file, {
      Targets: [
        TARGET_COLUMNS,
        ["Helpdesk", kpi, day("2024-02-01"), "1 month", -0.2, 5000, "Service"],
      ],
      Observations: [
        OBSERVATION_COLUMNS,
        ...longRows("Helpdesk", kpi, [
          ...everyDay("2024-01-01", 31, 412),
          ...everyDay("2024-02-01", 29, 319.7),
        ]),
      ],
    });
    const { status, out, written } = await runCli("evaluate", file, ...AS_OF);
    expect(status).toBe(0);
    expect(out).toContain("Issues: 1 (0 errors, 1 warnings)");
    const sheet = await partOf(written!, "xl/worksheets/sheet3.xml");
    const cell = (ref: string) =>
      new RegExp(`<c r="${ref}"[^>]*><is><t xml:space="preserve">([^<]*)</t>`).exec(sheet)![1];
    const explanation = cell("P21");
    expect(explanation.length).toBe(32767);
    expect(explanation.startsWith(`${kpi}: average 319.7 in 1 Feb–29 Feb 2024`)).toBe(true);
    // KpiIssues: header on row 24 (two rows below KpiResults' single row 21), the warning on row 25.
    expect([cell("A25"), cell("B25"), cell("C25"), cell("D25")]).toEqual([
      "warning",
      "KPI Rewards",
      "P21",
      "Text of 32,813 characters is more than a cell holds; only its first 32,767 characters were written here.",
    ]);
  });
});
