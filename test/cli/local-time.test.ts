import { dateTimeSerial } from "../../src/cli/local-time";

describe("the local wall clock as a date-time serial, to the minute", () => {
  test("24 Nov 2026 09:30 is day 46350 and 570 of its 1,440 minutes; seconds are dropped", () => {
    expect(dateTimeSerial(new Date(2026, 10, 24, 9, 30, 45, 500))).toBe(46350 + 570 / 1440);
  });

  test("midnight is the whole day", () => {
    expect(dateTimeSerial(new Date(2024, 2, 1, 0, 0, 59))).toBe(45352);
  });
});
