import {
  formatAmount,
  formatMoney,
  formatWholePercent,
} from "../../../src/engine/rules/explanation";
import { formatSignedPercent } from "../../../src/engine/rules/target";

describe("numbers in explanations", () => {
  test.each([
    [0, "0.0"],
    [-0.04, "0.0"],
    [412, "412.0"],
    [319.7, "319.7"],
    [999.95, "1,000.0"],
    [1234.56, "1,234.6"],
    [1234567, "1,234,567.0"],
    [-22, "−22.0"],
    [-658133.6, "−658,133.6"],
  ])("amount %p reads %p", (value, text) => {
    expect(formatAmount(value)).toBe(text);
  });

  test("money has two decimals, grouped", () => {
    expect(formatMoney(6893.679829655456)).toBe("6,893.68");
    expect(formatMoney(0)).toBe("0.00");
  });

  test("changes have one decimal and a sign, attainment a whole percent", () => {
    expect(formatSignedPercent((319.7 - 412) / 412)).toBe("−22.4%");
    expect(formatSignedPercent(-0.2)).toBe("−20%");
    expect(formatSignedPercent(0.3)).toBe("+30%");
    expect(formatSignedPercent(0.8, false)).toBe("80%");
    expect(formatWholePercent(1.1201)).toBe("112%");
    expect(formatWholePercent(-0.4)).toBe("−40%");
  });
});
