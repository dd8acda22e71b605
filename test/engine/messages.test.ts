import * as M from "../../src/engine/messages";

const TARGET = "Target (Targets!E7)";

describe("the engine's messages, each worded once", () => {
  test("a Targets cell is named by its column, sheet and address", () => {
    expect(M.cellLabel("Target", "Targets", "E7")).toBe(TARGET);
  });

  test("cells that are blank, not a date, not a number, out of range", () => {
    expect(M.blankCell("Project (Targets!A2)", "the project's name")).toBe(
      "Project (Targets!A2) is blank; enter the project's name"
    );
    expect(M.notADate("Start (Targets!C2)", 'the text "soon"')).toBe(
      'Start (Targets!C2) holds the text "soon", which is not a date; enter a date or the text YYYY-MM-DD (texts like 03/04/2024 are ambiguous and not guessed)'
    );
    expect(M.notANumber("Reward (Targets!L2)", "TRUE")).toBe(
      "Reward (Targets!L2) holds TRUE; enter a number"
    );
    expect(M.notAFraction("Cap (Targets!N2)", 'the text "lots"')).toBe(
      'Cap (Targets!N2) holds the text "lots"; enter a number such as 0.8 or 80%'
    );
    expect(M.outOfRange("Weight (Targets!M2)", -1, "enter a weight of 0 or more")).toBe(
      "Weight (Targets!M2) is -1; enter a weight of 0 or more"
    );
  });

  test("windows: unreadable, fractional and negative ones say how to write one", () => {
    const example = 'write it like "30 days", "2 weeks", "3 months", "1 quarter" or "1 year"';
    expect(M.WINDOW_EXAMPLE).toBe(example);
    expect(M.unreadableWindow('"a while"')).toBe(`"a while" is not readable; ${example}`);
    expect(M.fractionalWindow(1.5)).toBe(`1.5 is not a whole number of days; ${example}`);
    expect(M.negativeWindow("window", "3 months")).toBe(
      `window "-3 months" is negative; the evaluation window runs forward from Start — ${example}`
    );
  });

  test("Window and End: both filled, End before Start, neither", () => {
    expect(M.bothWindowAndEnd("10 Feb 2024")).toBe(
      "Both Window and End are filled; End (10 Feb 2024) is used — clear one of them"
    );
    expect(M.bothWindowAndEnd(undefined)).toBe(
      "Both Window and End are filled; End (unreadable) is used — clear one of them"
    );
    expect(M.endBeforeStart("End (Targets!E3)", "10 Jan 2024", "1 Feb 2024")).toBe(
      "End (Targets!E3) 10 Jan 2024 is before Start 1 Feb 2024; correct one of them"
    );
    expect(M.noWindow("7")).toBe(
      'Window and End are both blank in row 7; enter a window like "3 months" or an End date'
    );
  });

  test("a Targets table's missing columns, a word that is none of a column's, a row's problems", () => {
    expect(M.missingColumns("A1:D9", ["Target", "Window or End"])).toBe(
      "The Targets table A1:D9 has no Target, Window or End column; add it to the header row"
    );
    expect(
      M.notOneOf("Direction (Targets!G2)", "sideways", "a direction", "increase or decrease")
    ).toBe('Direction (Targets!G2) "sideways" is not a direction; use increase or decrease');
    expect(M.rowProblems([])).toBe("The row cannot be read");
    expect(M.rowProblems(["A"])).toBe("A");
    expect(M.rowProblems(["A", "B"])).toBe("A (and 1 more problem in this row, see KpiIssues)");
    expect(M.rowProblems(["A", "B", "C"])).toBe(
      "A (and 2 more problems in this row, see KpiIssues)"
    );
  });

  test("payout cells: a cap below the threshold; threshold and cap ignored for a pay curve", () => {
    expect(M.capBelowThreshold("Cap (Targets!N2)", "80%", "120%")).toBe(
      "Cap (Targets!N2) 80% is below Threshold 120%; the cap must be at least the threshold"
    );
    expect(M.ignoredForPayCurve(["Threshold (Targets!M3)"], "Steep")).toBe(
      'Threshold (Targets!M3) is ignored: the pay curve "Steep" decides the payout — clear it'
    );
    expect(M.ignoredForPayCurve(["Threshold (T!M3)", "Cap (T!N3)"], "Steep")).toBe(
      'Threshold (T!M3) and Cap (T!N3) are ignored: the pay curve "Steep" decides the payout — clear them'
    );
  });

  test("a target's own numbers (SPEC §3)", () => {
    expect(M.blankTarget(TARGET)).toBe(
      `${TARGET} is blank; enter the promised movement, e.g. -20% or 0.15`
    );
    expect(M.targetNotANumber(TARGET, 'the text "x"', true)).toBe(
      `${TARGET} holds the text "x"; enter a number such as -0.2 or the text -20%`
    );
    expect(M.targetNotANumber(TARGET, 'the text "x"', false)).toBe(
      `${TARGET} holds the text "x"; enter a number`
    );
    expect(M.noMovement("target")).toBe(
      "target is 0, which promises no movement at all; enter the change you expect, or use Target type value for a level to hold"
    );
    expect(M.fallOfAll(TARGET, "-1 (−100%)", -1)).toBe(
      `${TARGET} -1 (−100%) asks for a fall of 100% or more, which cannot be measured as a percent`
    );
    expect(M.fallOfAll(TARGET, "-20 (−2000%)", -20)).toBe(
      `${TARGET} -20 (−2000%) asks for a fall of 100% or more, which cannot be measured as a percent; for -20% write -0.2 or -20%`
    );
    expect(M.moreThanDoubling(TARGET, "1.5 (+150%)", 1.5)).toBe(
      `${TARGET} 1.5 (+150%) promises more than doubling; if you meant 1.5%, write 0.015 or 1.5%`
    );
    expect(M.directionAgainstSign("Direction (T!G2)", "decrease", "+15%", "increase")).toBe(
      "Direction (T!G2) says decrease but Target +15% is an increase; change one of them"
    );
  });

  test("pay curves: too few points, two at one attainment, a falling payout, unreadable or unknown", () => {
    expect(M.tooFewCurvePoints("Steep", 1)).toBe(
      'pay curve "Steep" has 1 point; give it at least two rows (Attainment, Payout) in the Pay curves table'
    );
    expect(M.tooFewCurvePoints("Steep", 0)).toMatch(/^pay curve "Steep" has 0 points;/);
    expect(M.twoCurvePointsAt("Steep", "80%")).toBe(
      'pay curve "Steep" has two points at attainment 80%; keep one'
    );
    expect(M.fallingCurve("Steep", ["50%", "120%"], ["100%", "100%"])).toBe(
      'pay curve "Steep" pays 50% at attainment 120%, less than 100% at 100%; a payout must not fall as attainment rises'
    );
    expect(M.unnamedCurvePoint("Pay curve (Curves!A3)")).toBe(
      "Pay curve (Curves!A3) is blank; name the curve this point belongs to"
    );
    expect(M.unreadableCurvePoint("Steep", "Payout (Curves!C3) holds TRUE")).toBe(
      'Pay curve "Steep": Payout (Curves!C3) holds TRUE'
    );
    expect(M.brokenCurve("Steep", "Curves!C3")).toBe(
      'pay curve "Steep" has a point that cannot be read (Curves!C3); correct it in the Pay curves table'
    );
    expect(M.unknownCurve("Stepp")).toBe(
      'pay curve "Stepp" is not in a Pay curves table (Curve, Attainment, Payout); add its points or correct the name'
    );
  });

  test("adjustments: every rejected row says it is not applied", () => {
    expect(M.blankAmount("Amount (Adj!C2)")).toBe(
      "Amount (Adj!C2) is blank; enter the amount to add (negative to take back)"
    );
    expect(M.unreadableAmount("Amount (Adj!C2) holds TRUE; enter a number")).toBe(
      "Adjustment: Amount (Adj!C2) holds TRUE; enter a number — the adjustment is not applied"
    );
    expect(M.noReason("Adj!D2")).toBe(
      "Adjustment (Adj!D2): no Reason; say why the amount is adjusted — the adjustment is not applied"
    );
    expect(M.noSuchTarget("Adj!A2", "Apollo", "Calls")).toBe(
      "Adjustment (Adj!A2): no target is Apollo / Calls; check the Project and KPI against the Targets table — the adjustment is not applied"
    );
    expect(M.severalTargets("Adj!A2", 2, "Apollo", "Calls", "Targets!A3")).toBe(
      "Adjustment (Adj!A2): 2 targets are Apollo / Calls; the amount goes to the first (Targets!A3)"
    );
    const noTeam = (named: { team?: string; project: string }) => M.noSuchTeam("Adj!A2", named);
    expect(noTeam({ team: "Ops", project: "" })).toBe(
      "Adjustment (Adj!A2): no target belongs to the team Ops; name a KPI of a target, or a Team that has targets — the adjustment is not applied"
    );
    expect(noTeam({ project: "" })).toMatch(
      /^Adjustment \(Adj!A2\): it names no Project, KPI or Team;/
    );
    expect(noTeam({ project: "Apollo" })).toMatch(/: no target belongs to the project Apollo;/);
  });

  test("observations: duplicates kept, wrong cells skipped with what to do", () => {
    expect(M.duplicateObservation("Apollo", "Calls", "Obs!D7")).toBe(
      "Duplicate observation: Apollo / Calls already has a value for this date (Obs!D7); both are kept — delete one if it was entered twice"
    );
    expect(M.skippedDate('Date holds the text "x", which is not a date')).toBe(
      'Date holds the text "x", which is not a date; the row is skipped'
    );
    expect(M.skippedValue("Calls", 'the text "n/a"')).toBe(
      'Calls value holds the text "n/a", not a number; it is skipped — enter a number or clear the cell'
    );
    expect(M.unnamedObservation("KPI")).toBe(
      "KPI is blank; the observation is skipped — fill in the name"
    );
    expect(M.UNNAMED_WIDE_ROW).toBe("Project is blank; the row is skipped — fill in the name");
  });

  test("tables, baselines and goals", () => {
    expect(M.headerlessTable("Table1", "Sheet1!A1:D9")).toBe(
      "Table Table1 (Sheet1!A1:D9) has no header row, so it is not read — turn on its Header Row (Table Design) and name its columns"
    );
    expect(M.unreadableBaseline('the text "soon"')).toBe(
      'holds the text "soon"; enter a number, a window before Start like "90 days", or "prior year"'
    );
    expect(M.percentOfNonPositiveBaseline(0)).toBe(
      "the baseline is 0; a percent change of a zero or negative baseline is undefined — use Target type change (an amount) or value (a level) instead"
    );
    expect(M.goalEqualsBaseline(412)).toBe(
      "the target value equals the baseline (412), so it promises no movement — use Target type change (an amount) or value (a level) instead"
    );
  });
});

describe("a formula's arguments, named as the formula names them", () => {
  test("a value is shown quoted when text, as 'a blank' when empty, else as it is", () => {
    expect(M.shownArgument("soon")).toBe('"soon"');
    expect(M.shownArgument("  ")).toBe("a blank");
    expect(M.shownArgument(null)).toBe("a blank");
    expect(M.shownArgument(3)).toBe("3");
    expect(M.shownArgument(false)).toBe("false");
  });

  test("a word that is none of the argument's, and a series that cannot be read", () => {
    expect(M.argumentNotOneOf("targetType", '"ratio"', "%, change or value")).toBe(
      'targetType "ratio" is not one of %, change or value'
    );
    expect(M.seriesSizesDiffer(3, 2)).toBe(
      "dates and values must be the same size; dates has 3 cells and values 2"
    );
    expect(M.seriesCellNotADate(4, '"soon"')).toBe('dates: cell 4 holds "soon", not a date');
    expect(M.seriesCellNotANumber(2, '"n/a"')).toBe('values: cell 2 holds "n/a", not a number');
  });
});

describe("run history and approval", () => {
  test("no history, no such run, a run approved already", () => {
    expect(M.noRecordedRuns("KPI History")).toBe(
      "has no recorded runs (no KPI History sheet); evaluate it first"
    );
    expect(M.noSuchRun(7, 1, 3)).toBe("has no run 7; its runs are 1–3");
    expect(M.alreadyApproved(2, "Ana Silva", "30 Nov 2024")).toBe(
      "run 2 was already approved by Ana Silva on 30 Nov 2024; an approved run cannot be approved again"
    );
    expect(M.alreadyApproved(2, "Ana Silva")).toBe(
      "run 2 was already approved by Ana Silva; an approved run cannot be approved again"
    );
  });
});

describe("formula arguments", () => {
  test("a refusal starts with the argument it is about", () => {
    expect(M.windowArgument('"soon" is not a window')).toBe('window "soon" is not a window');
    expect(M.curveArgument("needs at least 2 points, has 1")).toBe(
      "curve: needs at least 2 points, has 1"
    );
  });
});
