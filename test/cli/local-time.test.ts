import { dateTimeSerial } from "../../src/cli/local-time";

describe("the local wall clock as a date-time serial", () => {
  test("24 Nov 2026 09:30:15 is day 46350 and 9 h 30 min 15 s of 24 h", () => {
    expect(dateTimeSerial(new Date(2026, 10, 24, 9, 30, 15))).toBe(
      46350 + (9 * 3600 + 30 * 60 + 15) / 86400
    );
  });

  test("midnight is the whole day; milliseconds are dropped", () => {
    expect(dateTimeSerial(new Date(2024, 2, 1, 0, 0, 0, 999))).toBe(45352);
  });
});
