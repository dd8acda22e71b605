import { RequestBudget, valueBlocks } from "../../src/excel/request-budget";

/** A request context that only counts its syncs. */
function context() {
  const counted = { syncs: 0 };
  const sync = async () => void counted.syncs++;
  return { counted, context: { sync } as unknown as Excel.RequestContext };
}

describe("the request budget: what is queued together stays under one request's limit", () => {
  test("writes that fit together share one request", async () => {
    const { counted, context: ctx } = context();
    const budget = new RequestBudget(ctx, 100);
    await budget.reserve(60);
    await budget.reserve(40);
    expect(counted.syncs).toBe(0);
  });

  test("a write that would pass the limit sends what is queued first", async () => {
    const { counted, context: ctx } = context();
    const budget = new RequestBudget(ctx, 100);
    await budget.reserve(60);
    await budget.reserve(41);
    expect(counted.syncs).toBe(1);
    // 41 queued now: 59 more fit, 60 do not.
    await budget.reserve(59);
    expect(counted.syncs).toBe(1);
    await budget.reserve(1);
    expect(counted.syncs).toBe(2);
  });

  test("nothing queued, nothing sent: an oversized first write goes alone without an empty sync", async () => {
    const { counted, context: ctx } = context();
    await new RequestBudget(ctx, 100).reserve(250);
    expect(counted.syncs).toBe(0);
  });
});

describe("value blocks: rows cut where their JSON passes the limit", () => {
  // [1,2] is 5 bytes as JSON, 6 with the comma between rows.
  const rows = [
    [1, 2],
    [3, 4],
    [5, 6],
    [7, 8],
    [9, 10],
  ];

  test("blocks hold whole rows, in order, each at most the limit", () => {
    expect(valueBlocks(rows, 12)).toEqual([
      { first: 0, rows: [rows[0], rows[1]], bytes: 12 },
      { first: 2, rows: [rows[2], rows[3]], bytes: 12 },
      { first: 4, rows: [rows[4]], bytes: 7 },
    ]);
  });

  test("everything under the limit is one block", () => {
    expect(valueBlocks(rows, 4_000_000)).toEqual([{ first: 0, rows, bytes: 31 }]);
  });

  test("a row larger than the limit is a block of its own", () => {
    const wide = [["x".repeat(20)], [1]];
    expect(valueBlocks(wide, 10).map((b) => [b.first, b.bytes])).toEqual([
      [0, 25],
      [1, 4],
    ]);
  });

  test("no rows, no blocks", () => {
    expect(valueBlocks([], 10)).toEqual([]);
  });
});
