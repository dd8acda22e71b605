import { historySheetXml } from "../../src/cli/history-sheet-xml";
import { Styles } from "../../src/cli/styles-part";
import { runRecord, runTargetRecords } from "../../src/engine";
import { historySheet } from "../../src/sheet";
import { day } from "../support/workbooks";

const target = {
  project: "Helpdesk",
  kpi: "Support calls",
  team: "Service",
  status: "Met" as const,
  baseline: 412,
  actual: 319.7,
  attainment: 1.12,
  payout: 5000,
  start: day("2024-02-01"),
  observations: 29,
};

const history = {
  runs: [
    runRecord(1, day("2024-02-15"), day("2024-02-15") + 0.5, "ab".repeat(16), [
      { ...target, status: "Pending" as const, payout: 0 },
    ]),
    {
      ...runRecord(2, day("2024-03-01"), day("2024-03-01") + 0.25, "cd".repeat(16), [target]),
      approvedBy: "Ann & Bo",
    },
  ],
  results: [
    ...runTargetRecords(1, [{ ...target, status: "Pending" as const, payout: 0 }]),
    ...runTargetRecords(2, [target]),
  ],
};

function cells(xml: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>.*?<\/c>)/g)) found.set(m[1], m[0]);
  return found;
}

describe("the KPI History sheet as SpreadsheetML", () => {
  const render = (date1904: boolean) => {
    const styles = new Styles(undefined);
    const { xml, tables } = historySheetXml(
      historySheet(history, date1904),
      styles,
      ["KpiRuns", "KpiRunResults2"],
      ["rId1", "rId2"]
    );
    return { xml: xml.toString("utf8"), tables, styles };
  };

  test("KpiRuns from A1, a row per run; KpiRunResults two rows under it, with the names given", () => {
    const { xml, tables } = render(false);
    expect(tables).toEqual([
      {
        name: "KpiRuns",
        ref: "A1:L3",
        columns: [
          "Run",
          "As of",
          "Evaluated at",
          "Targets",
          "Met",
          "Missed",
          "Pending",
          "Review",
          "Total reward",
          "Inputs",
          "Approved by",
          "Approved at",
        ],
      },
      {
        name: "KpiRunResults2",
        ref: "A6:K8",
        columns: [
          "Run",
          "Project",
          "KPI",
          "Team",
          "Status",
          "Baseline",
          "Actual",
          "Attainment",
          "Payout",
          "Start",
          "Observations",
        ],
      },
    ]);
    const c = cells(xml);
    expect(c.get("B2")).toMatch(/><v>45337<\/v><\/c>$/);
    expect(c.get("C3")).toMatch(/><v>45352\.25<\/v><\/c>$/);
    expect(c.get("K3")).toMatch(/<t xml:space="preserve">Ann &amp; Bo<\/t>/);
    expect(c.get("E8")).toMatch(/<t xml:space="preserve">Met<\/t>/);
    expect(xml).toContain(
      '<tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId2"/></tableParts>'
    );
    expect(xml).toContain('<conditionalFormatting sqref="E7:E8">');
    expect(xml).toContain(
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    );
  });

  test("blank approval cells carry their column's format, so approving writes only values", () => {
    const { xml, styles } = render(false);
    const c = cells(xml);
    const datetime = styles.cellFormat("datetime");
    expect(c.get("L2")).toBe(`<c r="L2" s="${datetime}"/>`);
    expect(c.get("K2")).toBe(`<c r="K2" s="${styles.cellFormat("text")}"/>`);
    expect(c.get("C2")).toBe(`<c r="C2" s="${datetime}"><v>45337.5</v></c>`);
  });

  test("in a 1904 workbook the dates are 1,462 days lower; counts and money are not", () => {
    const c = cells(render(true).xml);
    expect(c.get("B2")).toMatch(/><v>43875<\/v><\/c>$/);
    expect(c.get("J8")).toMatch(/><v>43861<\/v><\/c>$/);
    expect(c.get("I8")).toMatch(/><v>5000<\/v><\/c>$/);
  });
});
