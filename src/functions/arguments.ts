import {
  AGGREGATE_NAMES,
  parseAggregate,
  parseIsoDate,
  parsePercentText,
  parseSpan,
  parseTargetType,
  SeriesBuilder,
  todaySerial,
  type Aggregate,
  type CellValue,
  type Series,
  type Span,
  type TargetType,
} from "../engine";

/** An argument that cannot be used: becomes `#VALUE!` (or `#N/A`) at the edge, with this message. */
export class ArgumentProblem {
  constructor(
    readonly code: "#VALUE!" | "#N/A",
    readonly message: string
  ) {}
}

export function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** A date argument: a serial or ISO text; a time of day is dropped. */
export function dayArgument(value: unknown, name: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return Math.floor(value);
  if (typeof value === "string") {
    const serial = parseIsoDate(value);
    if (serial !== undefined) return serial;
  }
  throw new ArgumentProblem(
    "#VALUE!",
    `${name} must be a date (a date cell or the text YYYY-MM-DD), not ${shown(value)}`
  );
}

/** `asOf` omitted means the date at calculation. */
export function asOfArgument(value: unknown): number {
  return isBlank(value) ? todaySerial() : dayArgument(value, "asOf");
}

export function spanArgument(value: unknown, name: string): Span & { negative: boolean } {
  const span = parseSpan(
    typeof value === "string" || typeof value === "number" ? value : String(value)
  );
  if (!span.ok) throw new ArgumentProblem("#VALUE!", `${name}: ${span.message}`);
  return span.value;
}

export function aggregateArgument(value: unknown): Aggregate {
  if (isBlank(value)) return "average";
  const aggregate = typeof value === "string" ? parseAggregate(value) : undefined;
  if (!aggregate)
    throw new ArgumentProblem(
      "#VALUE!",
      `aggregate ${shown(value)} is not one of ${AGGREGATE_NAMES}`
    );
  return aggregate;
}

export function targetTypeArgument(value: unknown): TargetType {
  if (isBlank(value)) return "%";
  const type = typeof value === "string" ? parseTargetType(value) : undefined;
  if (!type)
    throw new ArgumentProblem(
      "#VALUE!",
      `targetType ${shown(value)} is not one of %, change or value`
    );
  return type;
}

export function targetArgument(value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const percent = typeof value === "string" ? parsePercentText(value) : undefined;
  if (percent === undefined)
    throw new ArgumentProblem(
      "#VALUE!",
      `target must be a number such as -0.2 or the text -20%, not ${shown(value)}`
    );
  return percent;
}

export function numberArgument(value: unknown, name: string, fallback?: number): number {
  if (isBlank(value) && fallback !== undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new ArgumentProblem("#VALUE!", `${name} must be a number, not ${shown(value)}`);
}

export function optionalFraction(value: unknown, name: string): number | undefined {
  if (isBlank(value)) return undefined;
  const percent = typeof value === "string" ? parsePercentText(value) : undefined;
  return percent ?? numberArgument(value, name);
}

function shown(value: unknown): string {
  if (isBlank(value)) return "a blank";
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** A one-column or one-row range as a flat list. */
function flatten(range: unknown, name: string): CellValue[] {
  if (!Array.isArray(range)) return [range as CellValue];
  const rows = range as unknown[][];
  if (rows.length === 1) return rows[0] as CellValue[];
  if (rows.every((row) => Array.isArray(row) && row.length === 1))
    return rows.map((row) => row[0] as CellValue);
  throw new ArgumentProblem(
    "#VALUE!",
    `${name} must be one column or one row, not ${rows.length} rows by ${rows[0]?.length ?? 0} columns`
  );
}

/** `dates` and `values` as a sorted series; pairs with a blank on either side are skipped. */
export function seriesArgument(datesRange: unknown, valuesRange: unknown): Series {
  const dates = flatten(datesRange, "dates");
  const values = flatten(valuesRange, "values");
  if (dates.length !== values.length) {
    throw new ArgumentProblem(
      "#VALUE!",
      `dates and values must be the same size; dates has ${dates.length} cells and values ${values.length}`
    );
  }
  const builder = new SeriesBuilder();
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i];
    const value = values[i];
    if (isBlank(date) || isBlank(value)) continue;
    let serial: number | undefined;
    if (typeof date === "number" && Number.isFinite(date)) serial = date;
    else if (typeof date === "string") serial = parseIsoDate(date);
    if (serial === undefined)
      throw new ArgumentProblem("#VALUE!", `dates: cell ${i + 1} holds ${shown(date)}, not a date`);
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new ArgumentProblem(
        "#VALUE!",
        `values: cell ${i + 1} holds ${shown(value)}, not a number`
      );
    }
    builder.add(serial, value, i);
  }
  return builder.build().series;
}
