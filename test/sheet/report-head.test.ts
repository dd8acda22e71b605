import { reportHead, reportPrint } from "../../src/sheet/report-head";

describe("the top of a report sheet", () => {
  test("title in row 1, header line in row 2, one summary fact a row from row 4 with its format", () => {
    expect(
      reportHead("KPI Rewards", "As of 30 Sep 2024 · 3 teams", [
        ["As of", 45565, "date"],
        ["Total reward", 14893.68, "money"],
      ])
    ).toEqual([
      { row: 0, values: ["KPI Rewards"], formats: ["text"], emphasis: "title" },
      { row: 1, values: ["As of 30 Sep 2024 · 3 teams"], formats: ["text"], emphasis: "plain" },
      { row: 3, values: ["As of", 45565], formats: ["text", "date"], emphasis: "label" },
      { row: 4, values: ["Total reward", 14893.68], formats: ["text", "money"], emphasis: "label" },
    ]);
  });

  test("prints landscape, one page wide, the title and header line on every page", () => {
    expect(reportPrint("KPI Rewards portfolio", "30 Sep 2024")).toEqual({
      title: "KPI Rewards portfolio as of 30 Sep 2024",
      orientation: "landscape",
      pagesWide: 1,
      repeatRows: [0, 1],
    });
  });
});
