import { inflateRawSync } from "zlib";
import { appendedHistoryXml, canAppend, historySheetXml } from "../../src/cli/history-sheet-xml";
import { inflateSegment, type SegmentedPart } from "../../src/cli/segmented-part";
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

/** The part's XML: its segments inflated end to end, as a zip reader inflates the entry. */
function text(part: SegmentedPart): string {
  return Buffer.concat(part.segments.map(inflateSegment)).toString("utf8");
}

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
    return { xml: text(xml), segments: xml.segments, tables, styles };
  };

  test("KpiRuns from A1, a row per run; KpiRunResults beside it from N1, with the names given", () => {
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
        ref: "N1:X3",
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
    expect(c.get("R3")).toMatch(/<t xml:space="preserve">Met<\/t>/);
    expect(c.get("N2")).toMatch(/><v>1<\/v><\/c>$/);
    expect(c.has("M2")).toBe(false);
    expect(xml).toContain(
      '<tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId2"/></tableParts>'
    );
    // The whole Status column below the header, so rows appended later are coloured too.
    expect(xml).toContain('<conditionalFormatting sqref="R2:R1048576">');
    expect(xml).toContain('<dimension ref="A1:X3"/>');
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
    expect(c.get("W3")).toMatch(/><v>43861<\/v><\/c>$/);
    expect(c.get("V3")).toMatch(/><v>5000<\/v><\/c>$/);
  });
});

describe("the KPI History sheet in segments", () => {
  const targets = (count: number) =>
    Array.from({ length: count }, (_, t) => ({ ...target, project: `Project ${t + 1}` }));
  const grown = (runs: number, count: number) => ({
    runs: Array.from({ length: runs }, (_, i) =>
      runRecord(
        i + 1,
        day("2024-02-01") + i,
        day("2024-02-01") + i,
        "ab".repeat(16),
        targets(count)
      )
    ),
    results: Array.from({ length: runs }, (_, i) => runTargetRecords(i + 1, targets(count))).flat(),
  });
  const whole = (history: ReturnType<typeof grown>, styles = new Styles(undefined)) =>
    historySheetXml(historySheet(history), styles, ["KpiRuns", "KpiRunResults"], ["rId1", "rId2"]);

  test("the first segment holds the head and rows up to KpiRuns' last row plus room for 48 runs; each run's later results rows are a segment; the tail last", () => {
    // 2 runs × 60 targets: KpiRuns rows 2–3, so the first segment ends at row 1 + 2 + 48 = 51;
    // run 1's results are rows 2–61 (52–61 in R1), run 2's rows 62–121.
    const { xml } = whole(grown(2, 60));
    expect(xml.segments.map((s) => s.tag)).toEqual(["H51", "R1", "R2", "T"]);
    const [first, r1, r2, tail] = xml.segments.map((s) => inflateSegment(s).toString("utf8"));
    expect(first).toMatch(/^<\?xml[^]*<sheetData><row r="1">[^]*<row r="51">[^]*<\/row>$/);
    expect(first).not.toContain('<row r="52"');
    expect(r1.startsWith('<row r="52"><c r="N52" s="')).toBe(true);
    expect(r1.endsWith("</row>")).toBe(true);
    expect(r1.match(/<row /g)).toHaveLength(10);
    expect(r2.match(/<row /g)).toHaveLength(60);
    expect(r2).toContain('<row r="121">');
    expect(tail.startsWith("</sheetData>")).toBe(true);
    expect(tail.endsWith("</worksheet>")).toBe(true);
  });

  test("appending run 3 keeps runs 1 and 2 byte for byte: their segments' compressed bytes, and every cell of the first segment at its address", () => {
    const styles = new Styles(undefined);
    const before = whole(grown(2, 60), styles).xml;
    const stored = { segments: before.segments, runs: 2, results: 120 };
    expect(canAppend(stored)).toBe(true);
    const run3 = runRecord(
      3,
      day("2024-03-01"),
      day("2024-03-01") + 0.5,
      "cd".repeat(16),
      targets(60)
    );
    const { xml, tables } = appendedHistoryXml(
      stored,
      run3,
      runTargetRecords(3, targets(60)),
      styles,
      false,
      ["KpiRuns", "KpiRunResults"],
      ["rId1", "rId2"]
    );
    expect(xml.segments.map((s) => s.tag)).toEqual(["H51", "R1", "R2", "R3", "T"]);
    // Runs 1 and 2 past the first segment: the very same compressed bytes.
    expect(xml.segments[1].compressed.equals(before.segments[1].compressed)).toBe(true);
    expect(xml.segments[2].compressed.equals(before.segments[2].compressed)).toBe(true);
    // The first segment: run 3's KpiRuns cells (A4:L4) inserted at the start of row 4, the dimension
    // grown to row 181; without them it is the old segment byte for byte.
    const old = inflateSegment(before.segments[0]).toString("utf8");
    const now = inflateSegment(xml.segments[0]).toString("utf8");
    expect(now).toContain('<row r="4"><c r="A4" s="');
    expect(now).toContain('<dimension ref="A1:X181"/>');
    const undone = now
      .replace(/<c r="[A-L]4"[^>]*?(?:\/>|>.*?<\/c>)/g, "")
      .replace('<dimension ref="A1:X181"/>', '<dimension ref="A1:X121"/>');
    expect(undone).toBe(old);
    // Run 3's results: rows 122–181, all in its own segment.
    const r3 = inflateSegment(xml.segments[3]).toString("utf8");
    expect(r3.startsWith('<row r="122"><c r="N122" s="')).toBe(true);
    expect(r3.match(/<row /g)).toHaveLength(60);
    expect(tables.map((t) => t.ref)).toEqual(["A1:L4", "N1:X181"]);
    // The whole part, inflated as one stream, is the same as a whole write of the three runs.
    const all = Buffer.concat(xml.segments.map((s) => s.compressed));
    const again = whole(
      {
        runs: [...grown(2, 60).runs, run3],
        results: [...grown(2, 60).results, ...runTargetRecords(3, targets(60))],
      },
      styles
    ).xml;
    expect(inflateRawSync(all).toString("utf8")).toBe(text(again).replace("H52", "H51"));
  });

  test("a run is appended while its KpiRuns row falls in the first segment; past it the sheet is written whole again", () => {
    const segments = whole(grown(2, 60)).xml.segments;
    // The first segment ends at row 51: run 50 goes on row 51, run 51 would go on row 52.
    expect(canAppend({ segments, runs: 49, results: 120 })).toBe(true);
    expect(canAppend({ segments, runs: 50, results: 120 })).toBe(false);
  });
});
