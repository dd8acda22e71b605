import { payout, proportionalPay } from "../../../src/engine/rules/payout";

describe("payout", () => {
  test("without Threshold or Cap: the Reward when Met, else nothing", () => {
    expect(payout("Met", 1.4, { reward: 500 })).toBe(500);
    expect(payout("Missed", 0.99, { reward: 500 })).toBe(0);
  });

  test("Pending, Insufficient data and Invalid rows pay nothing, whatever their attainment", () => {
    for (const status of ["Pending", "Insufficient data", "Invalid"] as const) {
      expect(payout(status, 2, { reward: 500, threshold: 0.5 })).toBe(0);
    }
  });

  test("with a Threshold only, the Cap is 1", () => {
    expect(payout("Missed", 0.8, { reward: 1000, threshold: 0.75 })).toBeCloseTo(800, 10);
    expect(payout("Met", 1.3, { reward: 1000, threshold: 0.75 })).toBe(1000);
    expect(payout("Missed", 0.7, { reward: 1000, threshold: 0.75 })).toBe(0);
  });

  test("with a Cap only, the Threshold is 1", () => {
    expect(payout("Met", 1.3, { reward: 1000, cap: 1.2 })).toBeCloseTo(1200, 10);
    expect(payout("Missed", 0.9, { reward: 1000, cap: 1.2 })).toBe(0);
  });

  test("an undefined attainment pays nothing", () => {
    expect(proportionalPay(null, { reward: 1000, threshold: 0 })).toBe(0);
  });
});
