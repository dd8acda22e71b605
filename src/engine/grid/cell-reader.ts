import { describeCell, type CellValue } from "./cell";
import { DATE_1904_OFFSET, parseIsoDate } from "./date";
import { notADate, notAFraction, notANumber } from "../messages";
import type { Parsed } from "./parsed";

/** What a message calls the cell; a function when building the name costs more than the read. */
export type Label = string | (() => string);

export const named = (label: Label): string => (typeof label === "string" ? label : label());

/** Reads typed values out of cells, with the message a user sees when the cell is wrong. */
export class CellReader {
  /** Days added to a date serial: 1462 for a 1904 workbook. */
  readonly dateOffset: number;

  constructor(date1904 = false) {
    this.dateOffset = date1904 ? DATE_1904_OFFSET : 0;
  }

  /** A date: a serial in the workbook's date system, or ISO text `YYYY-MM-DD`. */
  date(value: CellValue, label: Label): Parsed<number> {
    if (typeof value === "number" && Number.isFinite(value))
      return { ok: true, value: value + this.dateOffset };
    if (typeof value === "string") {
      const serial = parseIsoDate(value);
      if (serial !== undefined) return { ok: true, value: serial };
    }
    return { ok: false, message: notADate(named(label), describeCell(value)) };
  }

  number(value: CellValue, label: Label): Parsed<number> {
    if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value };
    return { ok: false, message: notANumber(named(label), describeCell(value)) };
  }

  /** A fraction, also written as text with a percent sign: `0.8` or `80%`. */
  fraction(value: CellValue, label: Label): Parsed<number> {
    if (typeof value === "string") {
      const percent = parsePercentText(value);
      if (percent !== undefined) return { ok: true, value: percent };
    }
    if (typeof value === "number" && Number.isFinite(value)) return { ok: true, value };
    return { ok: false, message: notAFraction(named(label), describeCell(value)) };
  }
}

/** `-20%`, `−20 %`, `+15%` → -0.2, -0.2, 0.15; undefined when the text is not a percentage. */
export function parsePercentText(text: string): number | undefined {
  const match = /^([+\-−]?)\s*(\d+(?:\.\d+)?|\.\d+)\s*%$/.exec(text.trim());
  if (!match) return undefined;
  const magnitude = Number(match[2]) / 100;
  return match[1] === "-" || match[1] === "−" ? -magnitude : magnitude;
}
