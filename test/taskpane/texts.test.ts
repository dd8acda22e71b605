import * as T from "../../src/taskpane/texts";

describe("what the pane says, each worded once", () => {
  test("a stage in progress ends in an ellipsis", () => {
    expect(T.inProgress(T.READING)).toBe("Reading the workbook…");
    expect(T.inProgress(T.CANCELLING)).toBe("Cancelling after this part of the workbook…");
    expect(T.inProgress(T.CREATING_SAMPLE)).toBe("Creating the sample workbook…");
  });

  test("a problem keeps what went wrong and says what is unchanged", () => {
    expect(T.problemText(new Error("ItemNotFound"))).toBe("ItemNotFound");
    expect(T.problemText("plain")).toBe("plain");
    expect(T.cancelledNote("Cancelled at row 200,000.")).toBe(
      "Cancelled at row 200,000. Previous results are unchanged."
    );
    expect(T.stoppedNote("Excel said no.")).toBe(
      "Excel said no. Your workbook and previous results are unchanged."
    );
  });

  test("stale results list every reason since they were computed", () => {
    expect(T.staleNote([T.STALE_AS_OF, T.STALE_WORKBOOK])).toBe(
      "Since they were computed, the as-of date changed, the workbook changed. Evaluate again to update them."
    );
    expect(T.staleNote([T.STALE_TABLES, T.STALE_FAILED])).toBe(
      "Since they were computed, the chosen tables changed, the last evaluation did not finish. Evaluate again to update them."
    );
  });

  test("tables found: the heading says whether they were picked, each line where and how big", () => {
    expect(T.tablesHeading(false)).toBe("Tables found");
    expect(T.tablesHeading(true)).toBe("Tables picked from the selection");
    expect(T.tableLine("Targets", "Targets", "A1:L9", "Targets", 8)).toBe(
      "Targets: Targets!A1:L9 (Targets) · 8 rows"
    );
    expect(T.tableLine("Observations (long)", "Data", "A1:D40", undefined, 39)).toBe(
      "Observations (long): Data!A1:D40 · 39 rows"
    );
    expect(T.TABLE_HELP).toBe(
      "A Targets table needs a header row with Project, KPI, Start, Window (or End) and Target. Observations need Project, KPI, Date and Value, or a Date column and one column per KPI."
    );
  });

  test("the summary: as-of line and the issues link in the singular and plural", () => {
    expect(T.summaryLine("30 Sep 2024", 6, 4)).toBe("As of 30 Sep 2024 · 6 targets · 4 teams");
    expect(T.issuesLink(1)).toBe("1 issue — show");
    expect(T.issuesLink(3)).toBe("3 issues — show");
    expect(Object.values(T.VERDICTS)).toEqual(["Eligible", "Not eligible", "Pending", "Review"]);
  });

  test("targets, adjustments and issues in words", () => {
    expect(T.targetRowLabel("Checkout 2.0", "Sales", "Met")).toBe(
      "Checkout 2.0 Sales: Met. Select its row."
    );
    expect(T.adjustmentLine("+500.00", "late data")).toBe("Adjusted +500.00: late data");
    expect(T.adjustmentLine("-120.00", "double count", "Ana Silva")).toBe(
      "Adjusted -120.00: double count (approved by Ana Silva)"
    );
    expect(T.issuesHeading(2)).toBe("Issues (2)");
    expect(T.issuePlace("error", "Targets", "E7")).toBe("Error · Targets!E7");
    expect(T.issuePlace("warning", "Data", "B2")).toBe("Warning · Data!B2");
    expect(T.attainmentValue("112%", "Met")).toBe("112% (Met)");
    expect(T.trendToggle(false)).toBe("Show trend");
    expect(T.trendToggle(true)).toBe("Hide trend");
  });

  test("the trend's description: observations, baseline, target, as-of date, projection", () => {
    expect(T.trendPoints(0)).toBe("no observations in its windows");
    expect(T.trendPoints(1, "1 Jan 2024", "1 Jan 2024")).toBe(
      "1 observation from 1 Jan 2024 to 1 Jan 2024"
    );
    expect(T.trendBaseline(undefined)).toBe("no baseline");
    expect(T.trendBaseline("120")).toBe("fixed baseline 120");
    expect(T.trendBaseline("120", "1 Dec 2023 – 31 Dec 2023")).toBe(
      "baseline 120 in 1 Dec 2023 – 31 Dec 2023"
    );
    expect(T.trendTarget(undefined)).toBe("no target level");
    expect(
      T.trendDescription({
        kpi: "Sales",
        points: T.trendPoints(12, "1 Dec 2023", "31 Jan 2024"),
        cumulative: true,
        baseline: T.trendBaseline("100", "1 Dec 2023 – 31 Dec 2023"),
        target: T.trendTarget("110"),
        evaluation: "1 Jan 2024 – 31 Jan 2024",
        asOf: "20 Jan 2024",
        projected: { value: "105", day: "31 Jan 2024" },
      })
    ).toBe(
      "Sales: 12 observations from 1 Dec 2023 to 31 Jan 2024 (running total in each window); baseline 100 in 1 Dec 2023 – 31 Dec 2023; target 110 in 1 Jan 2024 – 31 Jan 2024; as of 20 Jan 2024. Projected 105 by 31 Jan 2024."
    );
  });

  test("the trend's key names only what the picture draws", () => {
    expect(T.trendKey({ cumulative: false, baselineWindow: true, baselineLevel: true })).toBe(
      "Shaded: baseline window (grey), evaluation window (blue). Dashed: baseline level (grey), target level (green)."
    );
    expect(
      T.trendKey({
        asOfOutside: "30 Sep 2024",
        cumulative: true,
        baselineWindow: false,
        baselineLevel: false,
      })
    ).toBe(
      "As of 30 Sep 2024, after the windows shown. Line: running total in each window. Shaded: evaluation window (blue). Dashed: target level (green)."
    );
  });

  test("the run line's changes and approval", () => {
    expect(T.changeLine("Checkout 2.0", "Sales", "Actual 100 → 120")).toBe(
      "Checkout 2.0 · Sales: Actual 100 → 120"
    );
    expect(T.nothingChanged(2)).toBe("Nothing changed since run 2.");
    expect(T.approveRunLabel(3)).toBe("Approve run 3");
    expect(T.alreadyApproved(3)).toBe(
      "Run 3 is approved; an approved run cannot be approved again."
    );
    expect(T.approvesAs("Ana Silva")).toBe("Approves as Ana Silva.");
  });
});
