import { installFakeOffice, WorkbookState, type Value } from "../../tools/fake-excel";

/** The in-memory Excel fails where Excel on the web fails, so the add-in's tests fail there too. */

function fakeExcel(): WorkbookState {
  const state = new WorkbookState();
  installFakeOffice(state);
  return state;
}

function column(rows: number, value: (row: number) => Value): Value[][] {
  return Array.from({ length: rows }, (_, r) => [value(r)]);
}

describe("the platform's limits", () => {
  test("a response over 5 MB fails the sync with ResponsePayloadSizeLimitExceeded and delivers nothing", async () => {
    const state = fakeExcel();
    // Each row is `["xxxxxxxxxx…"],`: 1,000 + 5 bytes; 5,300 rows pass 5 MiB (5,242,880 bytes).
    state.addSheet(
      "Notes",
      column(5_300, () => "x".repeat(1_000))
    );
    let range: Excel.Range | undefined;
    await expect(
      Excel.run(async (context) => {
        range = context.workbook.worksheets.getItem("Notes").getRange("A1:A5300");
        range.load("values");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    // `{"values":[` … `]}` around 5,300 elements of 1,004 bytes and 5,299 commas.
    expect(state.responses).toEqual([5_300 * 1_004 + 5_299 + '{"values":[]}'.length]);
    expect(() => range!.values).toThrow("The property 'values' is not available");
  });

  test("the response is the UTF-8 JSON of the values: 5,000 rows of 1,000 'é' pass 5 MB, 1,000 'e' do not", async () => {
    const state = fakeExcel();
    state.addSheet(
      "Accents",
      column(5_000, () => "é".repeat(1_000))
    );
    state.addSheet(
      "Plain",
      column(5_000, () => "e".repeat(1_000))
    );
    const read = (sheet: string) =>
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem(sheet).getRange("A1:A5000");
        range.load("values");
        await context.sync();
        return range.values;
      });
    await expect(read("Accents")).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
    await expect(read("Plain")).resolves.toHaveLength(5_000);
  });

  test("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and writes nothing", async () => {
    const state = fakeExcel();
    state.addSheet("Sheet1");
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A6000").values = column(
          6_000,
          () => "y".repeat(1_000)
        );
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(state.sheet("Sheet1")!.usedBox()).toBeUndefined();
  });

  test("reading more than 5 million cells at once fails", async () => {
    const state = fakeExcel();
    state.addSheet("Sheet1", [[1]]);
    await expect(
      Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001");
        range.load("values");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    // Geometry alone is no read of cells.
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001");
      range.load("rowCount");
      await context.sync();
      expect(range.rowCount).toBe(1_000_001);
    });
  });

  test("every object path and action costs request bytes: 1,000 range loads are about 285 KB", async () => {
    const state = fakeExcel();
    state.addSheet("Sheet1", [[1]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (let i = 0; i < 1_000; i++) sheet.getRange(`A${i + 1}`).load("values");
      await context.sync();
    });
    // getItem path (170 + 7 + 10); per range a getRange path (170 + 8 + 6–9) and a load (90 + 10).
    expect(state.requests[0]).toBeGreaterThan(1_000 * (170 + 8 + 6 + 90 + 10));
    expect(state.requests[0]).toBeLessThan(1_000 * (170 + 8 + 9 + 90 + 10) + 200);
  });
});

describe("proxies live as long as their Excel.run", () => {
  test("syncing a proxy after its Excel.run has ended fails with InvalidObjectPath", async () => {
    const state = fakeExcel();
    state.addSheet("Sheet1", [[1]]);
    let kept: { context: Excel.RequestContext; range: Excel.Range } | undefined;
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.load("values");
      await context.sync();
      kept = { context, range };
    });
    // Values loaded inside the batch stay readable, as in Office.js.
    expect(kept!.range.values).toEqual([[1]]);
    kept!.range.values = [[2]];
    await expect(kept!.context.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    expect(state.sheet("Sheet1")!.get(0, 0)).toBe(1);
  });

  test("a proxy of one Excel.run passed to another fails with InvalidRequestContext", async () => {
    const state = fakeExcel();
    state.addSheet("Sheet1", [[1]]);
    const old = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      await context.sync();
      return range;
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets
          .getItem("Sheet1")
          .getRange("A1")
          .getIntersectionOrNullObject(old);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidRequestContext" });
  });
});

describe("tables", () => {
  test("a table reports whether it shows headers and a totals row; its range holds both", async () => {
    const state = fakeExcel();
    const sheet = state.addSheet("Sheet1", [
      ["a", 1],
      ["b", 2],
      ["Total", 3],
    ]);
    state.addTable(sheet, { top: 0, left: 0, rows: 3, columns: 2 }, "NoHeaders", {
      showHeaders: false,
      showTotals: true,
    });
    const loaded = await Excel.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name,items/showHeaders,items/showTotals");
      await context.sync();
      const range = tables.items[0].getRange();
      range.load("rowCount");
      await context.sync();
      const t = tables.items[0];
      return [t.name, t.showHeaders, t.showTotals, range.rowCount];
    });
    expect(loaded).toEqual(["NoHeaders", false, true, 3]);
  });
});
