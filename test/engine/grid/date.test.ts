import {
  civilFromSerial,
  edate,
  formatDay,
  formatDaySpan,
  formatIsoDate,
  formatTimestamp,
  localTimeSerial,
  parseIsoDate,
  serialFromCivil,
  serialFromJsDate,
} from "../../../src/engine/grid/date";

describe("date serials", () => {
  test("serials count days the way Excel's 1900 system does", () => {
    expect(serialFromCivil(2024, 1, 1)).toBe(45292);
    expect(serialFromCivil(2024, 2, 29)).toBe(45351);
    expect(serialFromCivil(1900, 3, 1)).toBe(61);
    expect(civilFromSerial(45351)).toEqual({ year: 2024, month: 2, day: 29 });
  });

  test("a time of day is the fraction and does not change the calendar day", () => {
    expect(civilFromSerial(45351.75)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(serialFromJsDate(new Date(Date.UTC(2024, 1, 29, 18)))).toBe(45351.75);
  });

  test("ISO text dates are read, impossible ones are not", () => {
    expect(parseIsoDate("2024-02-29")).toBe(45351);
    expect(parseIsoDate(" 2024-03-01 ")).toBe(45352);
    expect(parseIsoDate("2023-02-29")).toBeUndefined();
    expect(parseIsoDate("03/04/2024")).toBeUndefined();
    expect(parseIsoDate("2024-2-1")).toBeUndefined();
    expect(formatIsoDate(45351)).toBe("2024-02-29");
  });
});

describe("EDATE month arithmetic", () => {
  test("31 January plus one month is the last day of February in a leap year", () => {
    expect(formatIsoDate(edate(serialFromCivil(2024, 1, 31), 1))).toBe("2024-02-29");
  });

  test("31 January plus one month is 28 February in a common year", () => {
    expect(formatIsoDate(edate(serialFromCivil(2023, 1, 31), 1))).toBe("2023-02-28");
  });

  test("31 March minus one month is 29 February 2024", () => {
    expect(formatIsoDate(edate(serialFromCivil(2024, 3, 31), -1))).toBe("2024-02-29");
  });

  test("months carry across years both ways and drop the time of day", () => {
    expect(formatIsoDate(edate(serialFromCivil(2023, 11, 30), 3))).toBe("2024-02-29");
    expect(formatIsoDate(edate(serialFromCivil(2024, 2, 29) + 0.5, -12))).toBe("2023-02-28");
  });
});

describe("dates shown to people", () => {
  test("a span in one year names the year once", () => {
    expect(formatDaySpan(serialFromCivil(2024, 2, 1), serialFromCivil(2024, 2, 29))).toBe(
      "1 Feb–29 Feb 2024"
    );
  });

  test("a span across years names both", () => {
    expect(formatDaySpan(serialFromCivil(2023, 12, 15), serialFromCivil(2024, 1, 14))).toBe(
      "15 Dec 2023–14 Jan 2024"
    );
    expect(formatDay(serialFromCivil(2024, 10, 5))).toBe("5 Oct 2024");
  });
});

describe("the time of evaluation", () => {
  test("is shown as local YYYY-MM-DD HH:MM", () => {
    expect(formatTimestamp(new Date(2026, 10, 4, 9, 5))).toBe("2026-11-04 09:05");
  });
});

describe("Evaluated at and Approved at: the local wall clock as a date-time serial, to the minute", () => {
  test("24 Nov 2026 09:30 is day 46350 and 570 of its 1,440 minutes; seconds are dropped", () => {
    expect(localTimeSerial(new Date(2026, 10, 24, 9, 30, 45, 500))).toBe(46350 + 570 / 1440);
  });

  test("midnight is the whole day", () => {
    expect(localTimeSerial(new Date(2024, 2, 1, 0, 0, 59))).toBe(45352);
  });

  test("1 Oct 2024 18:45:30 is 45566 + 1,125/1,440", () => {
    expect(localTimeSerial(new Date(2024, 9, 1, 18, 45, 30))).toBe(45566 + 1125 / 1440);
  });
});
