import {
  checkTarget,
  formatSignedPercent,
  parseDirection,
  parseTargetCell,
  parseTargetType,
} from "../../../src/engine/rules/target";

const label = (column: string) => `${column === "target" ? "Target" : "Direction"} (T!E2)`;

describe("a target's own cells (SPEC §2–§3)", () => {
  test("target types and directions by any of their names, spaces and case aside", () => {
    expect(
      ["%", "Percent", "relative", "Absolute change", "LEVEL", "ratio"].map(parseTargetType)
    ).toEqual(["%", "%", "%", "change", "value", undefined]);
    expect(["up", "At least", "lower", "At Most", "sideways"].map(parseDirection)).toEqual([
      "increase",
      "increase",
      "decrease",
      "decrease",
      undefined,
    ]);
  });

  test("a Target cell: a number, or percent text for a % target only", () => {
    expect(parseTargetCell(-0.2, "%", "Target (T!E2)")).toEqual({ ok: true, value: -0.2 });
    expect(parseTargetCell("-20%", "%", "Target (T!E2)")).toEqual({ ok: true, value: -0.2 });
    expect(parseTargetCell("-20%", "change", "Target (T!E2)")).toEqual({
      ok: false,
      message: 'Target (T!E2) holds the text "-20%"; enter a number',
    });
    expect(parseTargetCell(null, "%", "Target (T!E2)")).toEqual({
      ok: false,
      message: "Target (T!E2) is blank; enter the promised movement, e.g. -20% or 0.15",
    });
  });

  test("no movement and a fall of 100% or more are errors; -20 gets the -20% hint", () => {
    expect(checkTarget(0, "%", undefined, label)[0].message).toBe(
      "Target (T!E2) is 0, which promises no movement at all; enter the change you expect, or use Target type value for a level to hold"
    );
    expect(checkTarget(-20, "%", undefined, label)).toEqual([
      {
        column: "target",
        severity: "error",
        message:
          "Target (T!E2) -20 (−2000%) asks for a fall of 100% or more, which cannot be measured as a percent; for -20% write -0.2 or -20%",
      },
    ]);
  });

  test("more than doubling is a warning; a Direction against the sign is an error; value targets have neither", () => {
    expect(checkTarget(1.5, "%", "decrease", label)).toEqual([
      {
        column: "target",
        severity: "warning",
        message:
          "Target (T!E2) 1.5 (+150%) promises more than doubling; if you meant 1.5%, write 0.015 or 1.5%",
      },
      {
        column: "direction",
        severity: "error",
        message:
          "Direction (T!E2) says decrease but Target +150% is an increase; change one of them",
      },
    ]);
    expect(checkTarget(0, "value", "decrease", label)).toEqual([]);
  });

  test("percents are shown to one decimal with a real minus sign", () => {
    expect([-0.2, -0.22402, 0.15, 0].map((f) => formatSignedPercent(f))).toEqual([
      "−20%",
      "−22.4%",
      "+15%",
      "0%",
    ]);
    expect(formatSignedPercent(0.8, false)).toBe("80%");
  });
});
