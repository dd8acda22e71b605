import fc from "fast-check";
import { numberFromBytes } from "../../../src/cli/ooxml/number-bytes";

const read = (text: string) => {
  // Padding around the text: the function must read only its range.
  const bytes = Buffer.from(`<v>${text}</v>`, "latin1");
  return numberFromBytes(bytes, 3, 3 + text.length);
};

describe("a cell's number read from its bytes", () => {
  test.each([
    ["45123", 45123],
    ["12.5", 12.5],
    ["-0.1", -0.1],
    ["0.30000000000000", 0.3],
    ["1.5E-3", 0.0015],
    ["2e+3", 2000],
    ["007", 7],
    [".5", 0.5],
    ["5.", 5],
    ["123456789012345", 123456789012345],
    ["9007199254740991", 9007199254740991],
    ["1000000000000000", 1e15],
    ["0.000000000000000000001", 1e-21],
  ])("%s is %p, as Number() reads it", (text, value) => {
    expect(read(text)).toBe(value);
  });

  test("-0 stays negative zero, as Number() reads it", () => {
    expect(Object.is(read("-0"), -0)).toBe(true);
    expect(Object.is(read("-0.000"), -0)).toBe(true);
  });

  test.each([
    ["", "nothing"],
    ["-", "a sign alone"],
    [" 12", "a space"],
    ["+12", "a plus sign"],
    ["1e", "an exponent without digits"],
    ["12a", "a trailing letter"],
    ["0x1A", "hexadecimal"],
    ["9007199254740993", "digits beyond 2^53 (beyond what the fast path is sure of)"],
    ["1e23", "a power of ten a double does not hold exactly"],
    ["1e00001", "a five-digit exponent"],
  ])("%p (%s) is NaN: the caller reads the text instead", (text) => {
    expect(read(text)).toBeNaN();
  });

  test("whenever it answers, it answers exactly what Number() answers", () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{0,18}$/),
        fc.option(fc.stringMatching(/^[0-9]{0,18}$/)),
        fc.option(
          fc.tuple(
            fc.constantFrom("e", "E"),
            fc.constantFrom("", "+", "-"),
            fc.integer({ min: 0, max: 40 })
          )
        )
      )
      .map(
        ([negative, whole, fraction, exponent]) =>
          `${negative ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}${exponent === null ? "" : `${exponent[0]}${exponent[1]}${exponent[2]}`}`
      );
    fc.assert(
      fc.property(decimal, (text) => {
        const fast = read(text);
        if (!Number.isNaN(fast)) expect(Object.is(fast, Number(text))).toBe(true);
      }),
      { numRuns: 20_000 }
    );
  });

  test("numbers Excel writes (up to 15 significant digits) all take the fast path", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (value) => {
        const text = String(Number(value.toPrecision(15)));
        if (/e/.test(text)) return;
        expect(Object.is(read(text), Number(text))).toBe(true);
      }),
      { numRuns: 20_000 }
    );
  });
});
