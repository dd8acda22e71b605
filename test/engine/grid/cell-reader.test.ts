import { CellReader, parsePercentText } from "../../../src/engine/grid/cell-reader";
import { day } from "../../support/workbooks";

describe("reading typed values out of cells", () => {
  test("a date is a serial (moved by 1,462 days from a 1904 workbook) or ISO text", () => {
    expect(new CellReader().date(45323, "Start")).toEqual({ ok: true, value: 45323 });
    expect(new CellReader(true).date(43861, "Start")).toEqual({ ok: true, value: 45323 });
    expect(new CellReader(true).date("2024-02-01", "Start")).toEqual({
      ok: true,
      value: day("2024-02-01"),
    });
    expect(new CellReader().date("03/04/2024", () => "Start (T!C2)")).toEqual({
      ok: false,
      message:
        'Start (T!C2) holds the text "03/04/2024", which is not a date; enter a date or the text YYYY-MM-DD (texts like 03/04/2024 are ambiguous and not guessed)',
    });
  });

  test("a number is a finite number and nothing else", () => {
    expect(new CellReader().number(2.5, "Reward")).toEqual({ ok: true, value: 2.5 });
    expect(new CellReader().number("2.5", "Reward")).toEqual({
      ok: false,
      message: 'Reward holds the text "2.5"; enter a number',
    });
  });

  test("a fraction is a number or percent text", () => {
    expect(new CellReader().fraction("80%", "Cap")).toEqual({ ok: true, value: 0.8 });
    expect(new CellReader().fraction(1.2, "Cap")).toEqual({ ok: true, value: 1.2 });
    expect(new CellReader().fraction("lots", "Cap")).toEqual({
      ok: false,
      message: 'Cap holds the text "lots"; enter a number such as 0.8 or 80%',
    });
  });

  test("percent text takes a sign (minus or −), spaces and decimals", () => {
    expect(["-20%", "−20 %", "+15%", ".5%", "20", "20%%"].map(parsePercentText)).toEqual([
      -0.2,
      -0.2,
      0.15,
      0.005,
      undefined,
      undefined,
    ]);
  });
});
