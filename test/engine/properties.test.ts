import fc from "fast-check";
import { type CellValue, evaluateWorkbook, type WorkbookGrid } from "../../src/engine";
import { day, sheet } from "../support/workbooks";

const HEADER = [
  "Project",
  "KPI",
  "Start",
  "Window",
  "Target",
  "Target type",
  "Aggregate",
  "Min points",
];

const junkCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.double(),
  fc.integer({ min: 40000, max: 47000 }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    "1 month",
    "90d",
    "-20%",
    "prior year",
    "value",
    "change",
    "sum",
    "median",
    "#N/A",
    "2024-02-30",
    "2024-01-15"
  ),
  fc.boolean(),
  fc.constant({ error: "#REF!" })
);

const projects = ["A", "B"];
const kpis = ["Calls", "Cost"];

const observation = fc.tuple(
  fc.constantFrom(...projects),
  fc.constantFrom(...kpis),
  fc.integer({ min: day("2023-06-01"), max: day("2024-12-31") }),
  fc.integer({ min: 1, max: 1000 })
);
const target = fc.tuple(
  fc.constantFrom(...projects),
  fc.constantFrom(...kpis),
  fc.integer({ min: day("2023-09-01"), max: day("2024-09-01") }),
  fc.constantFrom("30 days", "1 month", "2 weeks", "1 quarter"),
  fc.constantFrom(-0.3, -0.1, 0.1, 0.25),
  fc.constantFrom("%", "change", "value"),
  fc.constantFrom("average", "sum", "min", "max", "median", "first", "last", "count"),
  fc.integer({ min: 1, max: 3 })
);

function book(targets: CellValue[][], observations: CellValue[][]): WorkbookGrid {
  return {
    sheets: [
      sheet("Targets", HEADER, targets),
      sheet("Obs", ["Project", "KPI", "Date", "Value"], observations),
    ],
  };
}

const asOf = day("2024-10-01");
const summary = (wb: WorkbookGrid) =>
  evaluateWorkbook(wb, { asOf }).results.map((r) => [r.status, r.change, r.attainment, r.payout]);

describe("properties", () => {
  test("junk grids never throw and yield exactly one result per non-blank target row", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(junkCell, { minLength: 8, maxLength: 8 }), { maxLength: 12 }),
        fc.array(fc.array(junkCell, { minLength: 4, maxLength: 4 }), { maxLength: 30 }),
        (rows, obs) => {
          const evaluation = evaluateWorkbook(book(rows, obs), { asOf });
          const nonBlank = rows.filter((r) =>
            r.some((c) => c !== null && !(typeof c === "string" && c.trim() === ""))
          ).length;
          expect(evaluation.results).toHaveLength(nonBlank);
        }
      ),
      { numRuns: 300 }
    );
  });

  test("shuffling observation rows changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(target, { minLength: 1, maxLength: 5 }),
        fc.array(observation, { minLength: 1, maxLength: 80 }),
        fc.integer(),
        (targets, obs, seed) => {
          const shuffled = fc.sample(
            fc.shuffledSubarray(obs, { minLength: obs.length, maxLength: obs.length }),
            { numRuns: 1, seed }
          )[0];
          expect(summary(book(targets, shuffled))).toEqual(summary(book(targets, obs)));
        }
      ),
      { numRuns: 200 }
    );
  });

  test("multiplying every value by a positive constant leaves changes and statuses as they were", () => {
    fc.assert(
      fc.property(
        fc.array(target, { minLength: 1, maxLength: 5 }),
        fc.array(observation, { minLength: 1, maxLength: 80 }),
        fc.constantFrom(2, 10, 0.5, 1000),
        (targets, obs, k) => {
          // `change` and `value` targets are amounts and levels: scale them with the data.
          const scaledTargets = targets.map((t) =>
            t[5] === "%" ? t : [...t.slice(0, 4), t[4] * 100 * k, ...t.slice(5)]
          );
          const original = targets.map((t) =>
            t[5] === "%" ? t : [...t.slice(0, 4), t[4] * 100, ...t.slice(5)]
          );
          const before = evaluateWorkbook(book(original, obs), { asOf }).results;
          const after = evaluateWorkbook(
            book(
              scaledTargets,
              obs.map(([p, q, d, v]) => [p, q, d, v * k])
            ),
            { asOf }
          ).results;
          after.forEach((r, i) => {
            expect(r.status).toBe(before[i].status);
            if (before[i].change === null) expect(r.change).toBeNull();
            else expect(r.change).toBeCloseTo(before[i].change!, 9);
          });
        }
      ),
      { numRuns: 200 }
    );
  });

  test("observations outside every window change nothing", () => {
    fc.assert(
      fc.property(
        fc.array(target, { minLength: 1, maxLength: 5 }),
        fc.array(observation, { minLength: 1, maxLength: 60 }),
        fc.array(observation, { maxLength: 20 }),
        (targets, obs, extra) => {
          // Targets start no earlier than Sep 2023 with windows of at most a quarter: before Jan 2023 and after 2025 is outside all.
          // Only series that exist already: a first observation would turn "no observations" into another status.
          const known = new Set(obs.map(([p, q]) => `${p}/${q}`));
          const outside = extra
            .filter(([p, q]) => known.has(`${p}/${q}`))
            .map(([p, q, d, v], i) => [p, q, i % 2 === 0 ? d - 1000 : d + 1000, v]);
          expect(summary(book(targets, [...obs, ...outside]))).toEqual(summary(book(targets, obs)));
        }
      ),
      { numRuns: 200 }
    );
  });
});
