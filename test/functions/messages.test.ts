import * as M from "../../src/functions/messages";

describe("what the formulas answer when they cannot give a value, each worded once", () => {
  test("an argument holding an error, or not a date, a number or one column", () => {
    expect(M.argumentHoldsError("start", "#N/A")).toBe(
      "start holds the error #N/A; correct the cell it comes from"
    );
    expect(M.notADateArgument("start", '"03/04/2024"')).toBe(
      'start must be a date (a date cell or the text YYYY-MM-DD), not "03/04/2024"'
    );
    expect(M.notANumberArgument("reward", '"5k"')).toBe('reward must be a number, not "5k"');
    expect(M.notOneColumnOrRow("dates", 2, 2)).toBe(
      "dates must be one column or one row, not 2 rows by 2 columns"
    );
  });

  test("a pay curve that is not two columns, or a row missing a side", () => {
    expect(M.curveNotTwoColumns(3)).toBe("curve must be two columns (Attainment, Payout), not 3");
    expect(M.curveRowMissing("curve row 2", "payout")).toBe(
      "curve row 2 has no payout; fill it or clear the row"
    );
  });

  test("no observations in a window, named by its dates or by the argument", () => {
    expect(M.noObservations("1 Feb–29 Feb 2024", "the evaluation window")).toBe(
      "No observations in 1 Feb–29 Feb 2024 (the evaluation window)"
    );
    expect(M.noObservations(undefined, "the baseline window")).toBe(
      "No observations in the window (the baseline window)"
    );
    expect(M.NO_BASELINE_OBSERVATIONS).toBe("No observations in the baseline window (baseline)");
  });

  test("an Invalid target, a zero baseline, an undefined attainment", () => {
    expect(M.invalidTarget("t is -1.5 (−150%)")).toBe("target: t is -1.5 (−150%)");
    expect(M.invalidTarget(undefined)).toBe("target: it cannot be evaluated");
    expect(M.ZERO_BASELINE).toBe("baseline is 0, so a relative change is undefined");
    expect(M.UNDEFINED_ATTAINMENT).toBe("attainment is undefined here (a division by zero)");
  });

  test("KPI.EVALUATE and KPI.TEAMS say which header row is missing", () => {
    expect(M.RANGES_NEEDED).toBe("targets and observations must be ranges with their header rows");
    expect(M.TARGETS_HEADER_NEEDED).toBe(
      "targets must start with the Targets header row: Project, KPI, Start, Window or End, Target"
    );
    expect(M.OBSERVATIONS_HEADER_NEEDED).toBe(
      "observations must start with a header row: Project, KPI, Date, Value (long) or Date and one column per KPI (wide)"
    );
  });

  test("KPI.PACE answers only for an open window with data so far", () => {
    expect(M.windowOver("1 Feb–29 Feb 2024", "1 Mar 2024")).toBe(
      "The window 1 Feb–29 Feb 2024 is over on 1 Mar 2024; KPI.STATUS gives its outcome"
    );
    expect(M.windowNotOpen("1 Feb–29 Feb 2024", "1 Feb 2024")).toBe(
      "The window 1 Feb–29 Feb 2024 opens on 1 Feb 2024"
    );
    expect(M.noObservationYet("1 Feb–29 Feb 2024", "5 Feb 2024")).toBe(
      "No observation in 1 Feb–29 Feb 2024 up to 5 Feb 2024 yet (window)"
    );
  });

  test("KPI.ELIGIBLE: a blank or unknown team", () => {
    expect(M.BLANK_TEAM).toBe("team is blank; enter a team's name");
    expect(M.unknownTeam("Ops")).toBe('team "Ops" has no targets in the targets range');
  });
});
