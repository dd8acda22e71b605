import * as M from "../../src/cli/messages";

describe("what the kpi-rewards command says, each worded once", () => {
  test("an error is one line: the tool, the file it is about, the message", () => {
    expect(M.errorLine("book.xlsx", "no such file")).toBe("kpi-rewards: book.xlsx: no such file");
    expect(M.errorLine("", "a command is needed")).toBe("kpi-rewards: a command is needed");
    expect(M.unexpected("EACCES", "permission denied\n    at open")).toBe(
      "EACCES: permission denied"
    );
    expect(M.unexpected(undefined, "boom\nstack")).toBe("boom");
  });

  test("the command line: commands, options and their values", () => {
    expect(M.unknownCommand("evalute")).toBe('unknown command "evalute"');
    expect(M.unknownCommand(undefined)).toBe("a command is needed");
    expect(M.unknownOption("--fast", "evaluate")).toBe("unknown option --fast for evaluate");
    expect(M.optionTakesNoValue("--json")).toBe("--json takes no value");
    expect(M.optionNeedsValue("--as-of", "YYYY-MM-DD")).toBe("--as-of needs a value (YYYY-MM-DD)");
    expect(M.needsWorkbook("approve")).toBe("approve needs a workbook");
    expect(M.notAnAsOfDate("30/09/2024")).toBe(
      '--as-of "30/09/2024" is not a date; write it as YYYY-MM-DD'
    );
    expect(M.notAJobCount("0")).toBe('--jobs "0" is not a number of workbooks from 1 to 9999');
    expect(M.portfolioNotXlsx("all.csv")).toBe("--portfolio all.csv: name an .xlsx file");
    expect(M.OUT_WITH_IN_PLACE).toBe("--out and --in-place cannot be used together");
    expect(M.outNotAWorkbook("out.csv")).toBe(
      "--out out.csv: name an .xlsx file (or .xlsm for a macro-enabled workbook)"
    );
    expect(M.OUT_WITH_PORTFOLIO).toBe(
      "--out names one workbook; with several, each is written beside its input as <name>-rewards.xlsx (or use --in-place)"
    );
    expect(M.SAMPLE_NEEDS_ONE_FILE).toBe(
      "sample needs one file name, e.g. kpi-rewards sample demo.xlsx"
    );
    expect(M.sampleNotXlsx("demo.xlsm")).toBe("sample writes an .xlsx file; got demo.xlsm");
    expect(M.oneWorkbookAtATime("a.xlsx", "b.xlsx")).toBe(
      "one workbook at a time; got a.xlsx and b.xlsx"
    );
    expect(M.APPROVE_NEEDS_BY).toBe("approve needs --by NAME: who approves the run");
    expect(M.notARunNumber("two")).toBe('--run "two" is not a run number; write it as 1, 2, 3…');
  });

  test("what a command prints when it is done, and the text report's lines", () => {
    expect(M.wrote("book-rewards.xlsx")).toBe("Wrote book-rewards.xlsx");
    expect(M.wroteSample("demo.xlsx")).toBe("Wrote the sample workbook demo.xlsx");
    expect(M.versionLine("0.1.0")).toBe("kpi-rewards 0.1.0");
    expect(M.reportTitle("book.xlsx", "2024-09-30")).toBe(
      "KPI Rewards — book.xlsx, as of 2024-09-30"
    );
    expect(M.totalRewardLine("14,893.68")).toBe("Total reward: 14,893.68");
    expect(M.issuesLine(5, 2)).toBe("Issues: 5 (2 errors, 3 warnings)");
  });

  test("an input file that is missing, a folder, empty, an old .xls or not a workbook", () => {
    expect(M.NO_SUCH_FILE).toBe("no such file");
    expect(M.INPUT_IS_FOLDER).toBe("is a folder, not a workbook");
    expect(M.INPUT_EMPTY).toBe("is empty, not a workbook");
    expect(M.OLD_XLS).toBe(
      "is an old .xls (or encrypted) workbook; save it as .xlsx in Excel and try again"
    );
    expect(M.NOT_XLSX).toBe("is not an .xlsx workbook");
    expect(M.cannotOpen("EACCES")).toBe("cannot be opened (EACCES)");
    expect(M.unreadableWorkbook("its zip central directory is damaged", true)).toBe(
      "cannot be read as a workbook: its zip central directory is damaged"
    );
    expect(M.unreadableWorkbook("end of data", false)).toBe(
      "cannot be read as a workbook (end of data)"
    );
  });

  test("an output file: never lost, never a folder made, never the input unasked", () => {
    expect(M.outputUncheckable("EACCES")).toBe("cannot be checked (EACCES)");
    expect(M.noSuchFolder("/tmp/none")).toBe(
      "the folder /tmp/none does not exist; create it first — kpi-rewards does not create folders"
    );
    expect(M.notAFolder("/tmp/file")).toBe("/tmp/file is not a folder");
    expect(M.DANGLING_LINK).toBe("is a link to a file that does not exist; nothing was written");
    expect(M.OUTPUT_IS_FOLDER).toBe("is a folder, not a workbook file");
    expect(M.NOT_A_REGULAR_FILE).toBe("is not a regular file; nothing was written");
    expect(M.isTheInput(false)).toBe(
      "is the input workbook itself; use --in-place to write the results into it"
    );
    expect(M.isTheInput(true)).toBe(
      "is the input workbook itself (through a link); use --in-place to write the results into it"
    );
    expect(M.ALREADY_EXISTS).toBe("already exists; pass --force to replace it");
    expect(M.READ_ONLY).toBe("is read-only; make it writable to replace it — nothing was written");
  });

  test("a package the writer cannot open or write", () => {
    expect(M.partUnreadable("xl/workbook.xml", "bad crc")).toBe(
      "its part xl/workbook.xml cannot be read (bad crc)"
    );
    expect(M.missingPart("xl/styles.xml")).toBe(
      "is missing its part xl/styles.xml; the file is damaged — save it again"
    );
    expect(M.unsoundPart("_rels/.rels")).toBe("its part _rels/.rels is not sound XML");
    expect(M.unsoundPart("xl/styles.xml", "line 3")).toBe(
      "its part xl/styles.xml is not sound XML (line 3)"
    );
    expect(M.unsoundTablePart("xl/tables/table1.xml", "line 1")).toBe(
      "its table part xl/tables/table1.xml is not sound XML (line 1)"
    );
    expect(M.sheetWithoutPart("Data", "rId9")).toBe(
      'its sheet "Data" points at no part (relationship rId9); the file is damaged — save it again'
    );
    expect(M.sheetWithoutPart("Data", "")).toBe(
      'its sheet "Data" points at no part (relationship missing); the file is damaged — save it again'
    );
    expect(M.missingSheetPart("xl/worksheets/sheet2.xml", "Data")).toBe(
      'is missing the part xl/worksheets/sheet2.xml of its sheet "Data"; the file is damaged — save it again'
    );
    expect(M.foreignSheet("KPI Rewards")).toBe(
      'has a sheet named "KPI Rewards" that kpi-rewards did not create; rename or delete it — nothing was written'
    );
    expect(M.cannotWriteAs(".csv")).toBe("cannot be written as .csv");
    expect(M.cannotWriteAs("")).toBe("cannot be written as a file without extension");
    expect(M.macrosNeedXlsm(".xlsx")).toBe(
      "is a macro-enabled workbook: write it to an .xlsm file (--out NAME.xlsm); an .xlsx file cannot hold its macros"
    );
  });

  test("XML the writer parses and edits", () => {
    expect(M.DOCTYPE_REFUSED).toBe("holds a DOCTYPE, which a workbook part never has");
    expect(M.xmlInvalid("Unclosed tag", 4)).toBe("Unclosed tag (line 4)");
    expect(M.noRootElement("workbook")).toBe("has no <workbook> root element");
    expect(M.elementNotClosed("x:row")).toBe("an element <x:row> is not closed");
    expect(M.TAG_NOT_CLOSED).toBe("a tag is not closed");
    expect(M.NO_SHEET_DATA).toBe("the sheet has no sheetData");
    expect(M.SHEET_DATA_NOT_CLOSED).toBe("the sheet's sheetData is not closed");
  });

  test("a zip package the reader refuses: directory, parts, limits", () => {
    expect(M.NO_CENTRAL_DIRECTORY).toBe(
      "it has no zip central directory (the file is cut short or is not a complete .xlsx)"
    );
    expect(M.DAMAGED_CENTRAL_DIRECTORY).toBe("its zip central directory is damaged");
    expect(M.DAMAGED_ZIP64_DIRECTORY).toBe("its zip64 directory is damaged");
    expect(M.partMissing("xl/sharedStrings.xml")).toBe(
      "the part xl/sharedStrings.xml is missing from the package"
    );
    expect(M.partEncrypted("xl/workbook.xml")).toBe("the part xl/workbook.xml is encrypted");
    expect(M.partTooLarge("xl/sharedStrings.xml", "256 MB")).toBe(
      "the part xl/sharedStrings.xml unpacks to more than 256 MB, the most this tool reads (a zip bomb or a damaged file)"
    );
    expect(M.packageTooLarge("1024 MB")).toBe(
      "the package unpacks to more than 1024 MB, the most this tool reads (a zip bomb or a damaged file)"
    );
    expect(M.tooManyCells(20_000_000)).toBe(
      "it holds more than 20,000,000 cells, the most this tool reads (a zip bomb or a damaged file)"
    );
    expect(M.compressionMethod("xl/workbook.xml", 12)).toBe(
      "the part xl/workbook.xml uses zip compression method 12"
    );
    expect(M.partDamaged("xl/workbook.xml", "invalid block type")).toBe(
      "the part xl/workbook.xml is damaged (invalid block type)"
    );
    expect(M.partCutShort("xl/workbook.xml")).toBe(
      "the part xl/workbook.xml is cut short (the file is incomplete)"
    );
  });

  test("a part that is not well-formed XML says where", () => {
    expect(M.notWellFormed("xl/workbook.xml", M.xmlEndsEarly("sheets"))).toBe(
      "the part xl/workbook.xml is not well-formed XML: it ends before </sheets>"
    );
    expect(M.endTagHoldsMore("row")).toBe("the end tag </row> holds more than a name");
    expect(M.XML_ENDS_IN_TAG).toBe("it ends in the middle of a tag");
    expect(M.NO_XML).toBe("it holds no XML");
    expect(M.DOCTYPE_DECLARED).toBe(
      "it declares a DOCTYPE, which workbooks never do (entities are refused)"
    );
    expect(M.MARKUP_DECLARATION).toBe("it holds a markup declaration");
    expect(M.TOKEN_TOO_LONG).toBe("one of its tags or texts is too long to be real");
    expect(M.UNNAMED_TAG).toBe("it holds an unnamed tag");
    expect(M.TWO_ROOTS).toBe("it holds more than one root element");
    expect(M.TEXT_OUTSIDE_ROOT).toBe("it holds text outside its root element");
    expect(M.wrongEndTag("row", "c")).toBe("</row> closes <c>");
    expect(M.wrongEndTag("row", undefined)).toBe("</row> closes <nothing>");
    expect(M.straySlash("c")).toBe('the tag <c> holds a stray "/"');
    expect(M.attributeWithoutValue("c")).toBe("the attribute in <c> has no value");
    expect(M.attributeNotQuoted("r", "c")).toBe("the attribute r in <c> is not quoted");
    expect(M.attributeNotClosed("r", "c")).toBe("the attribute r in <c> is not closed");
    expect(M.bareAmpersand("&x y")).toBe('it holds a bare "&" (&x y)');
    expect(M.badCharacterReference("#xZZ")).toBe("it holds a bad character reference &#xZZ;");
    expect(M.undeclaredEntity("bomb")).toBe(
      "it refers to the undeclared entity &bomb; (entities are refused)"
    );
  });

  test("a workbook whose parts do not hang together", () => {
    expect(M.workbookPartMissing(undefined)).toBe(
      "it holds no workbook part (is it an .xlsx workbook?)"
    );
    expect(M.workbookPartMissing("xl/workbook.xml")).toBe(
      "its workbook part xl/workbook.xml is missing from the package"
    );
    expect(
      M.sheetRelationshipMissing("Data", "xl/workbook.xml", "rId7", "xl/_rels/workbook.xml.rels")
    ).toBe(
      'the sheet "Data" in xl/workbook.xml points at relationship "rId7", which xl/_rels/workbook.xml.rels does not hold'
    );
    expect(M.listedSheetMissing("Data", "xl/workbook.xml", "xl/worksheets/sheet2.xml")).toBe(
      'the sheet "Data" is listed in xl/workbook.xml but its part xl/worksheets/sheet2.xml is missing from the package'
    );
    expect(M.missingSharedString("xl/worksheets/sheet1.xml", "Data", "B2", "99")).toBe(
      'the part xl/worksheets/sheet1.xml (sheet "Data") points cell B2 at shared string 99, which the package does not hold'
    );
    expect(M.notACellAddress("xl/worksheets/sheet1.xml", "ZZZZ1")).toBe(
      'the part xl/worksheets/sheet1.xml has a cell at "ZZZZ1", not an address'
    );
  });

  test("issues that leave the rest of the workbook readable say how to mend the file", () => {
    const resave = "re-save the workbook in Excel";
    expect(M.tableWithoutDefinition("Data", undefined)).toBe(
      `Data: a table on this sheet has no definition in the package (no relationship), so it is not read — ${resave}`
    );
    expect(M.unreadableTable("Data", "the part xl/tables/table1.xml is encrypted")).toBe(
      `Data: the part xl/tables/table1.xml is encrypted, so that table is not read — ${resave}`
    );
    expect(M.emptyTablePart("Data", "xl/tables/table1.xml")).toBe(
      `Data: xl/tables/table1.xml holds no table definition, so that table is not read — ${resave}`
    );
    expect(M.tableRangeUnreadable("Data", "Sales", "A1:")).toBe(
      `Data: table Sales has the range "A1:", which is not a range, so it is not read — ${resave}`
    );
    expect(M.tableOutsideSheet("Data", "Sales", "A1:XFE2")).toBe(
      `Data: table Sales has the range A1:XFE2, which lies outside the sheet (XFD1048576 is its last cell), so it is not read — ${resave}`
    );
    const recalc = "open and save the workbook in Excel or LibreOffice, then run again";
    expect(M.uncalculatedFormula("Data", "C4", "SUM(A1:A3)")).toBe(
      `Data!C4 holds the formula =SUM(A1:A3) with no saved result (the program that wrote the file did not calculate it), so it is read as blank — ${recalc}`
    );
    expect(M.moreUncalculatedFormulas("Data", 1234)).toBe(
      `Data: 1,234 more formula cells have no saved result and are read as blank — ${recalc}`
    );
  });

  test("a portfolio's total line counts workbooks, teams by eligibility, targets, the reward and issues", () => {
    const totals = {
      workbooks: 3,
      evaluated: 2,
      failed: 1,
      teams: 4,
      eligible: 1,
      notEligible: 1,
      pending: 1,
      review: 1,
      targets: 9,
      totalReward: 5000,
      issues: 2,
    } as Parameters<typeof M.portfolioTotalLine>[0];
    expect(M.portfolioTotalLine(totals, "5,000.00")).toBe(
      "Portfolio: 3 workbooks, 2 evaluated, 1 failed; 4 teams (1 eligible, 1 not eligible, 1 pending, 1 to review); 9 targets; total reward 5,000.00; 2 issues"
    );
  });

  test("a portfolio: an empty folder, an output that is an input, a worker that stopped", () => {
    expect(M.NO_WORKBOOK_IN_FOLDER).toBe(
      "holds no workbook to evaluate (.xlsx or .xlsm files other than *-rewards outputs)"
    );
    expect(M.PORTFOLIO_IS_AN_INPUT).toBe(
      "is one of the workbooks being evaluated; name another file for --portfolio"
    );
    expect(M.outputIsAnInput("a.xlsx")).toBe(
      "is one of the workbooks being evaluated and the output of a.xlsx; evaluate them in separate runs"
    );
    expect(M.workerStopped(134, null, "FATAL ERROR: heap out of memory")).toBe(
      "its evaluation stopped with exit code 134 (FATAL ERROR: heap out of memory); nothing was written for it"
    );
    expect(M.workerStopped(null, "SIGKILL", undefined)).toBe(
      "its evaluation was stopped by SIGKILL (out of memory, or killed); nothing was written for it"
    );
    expect(M.workerStopped(null, "SIGTERM", undefined)).toBe(
      "its evaluation was stopped by SIGTERM; nothing was written for it"
    );
    expect(M.workerFailed("spawn ENOMEM\n    at fork")).toBe("its worker failed (spawn ENOMEM)");
  });

  test("approving a run: the history sheet cannot be edited, is not ours, or lacks the run", () => {
    expect(M.historyNotEditable("KPI History", "the sheet has no sheetData")).toBe(
      "its KPI History sheet cannot be edited: the sheet has no sheetData"
    );
    expect(M.missingHistoryPart("xl/worksheets/sheet3.xml", "KPI History")).toBe(
      "is missing the part xl/worksheets/sheet3.xml of its KPI History sheet"
    );
    expect(M.foreignHistory("kpi history")).toBe(
      'has a sheet named "kpi history" that kpi-rewards did not create, so it holds no runs to approve; nothing was written'
    );
    expect(M.noRunToApprove(4)).toBe("has no run 4 to approve");
  });
});
