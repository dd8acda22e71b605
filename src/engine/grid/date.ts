/**
 * Dates are Excel serials in the 1900 system (day 1 = 1 January 1900), with the time of day as the
 * fraction. The engine converts 1904-system workbooks on the way in, so every rule below sees one system.
 */
const MS_PER_DAY = 86_400_000;
// Serial 0 of the 1900 system, as Excel counts from 1 March 1900 on (it keeps the fictitious 29 Feb 1900).
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Days between the 1904 and the 1900 date systems' day 0. */
export const DATE_1904_OFFSET = 1462;

export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Whole-day serial for a calendar date (serials from 1 March 1900 on, where both systems agree with Excel). */
export function serialFromCivil(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_1900) / MS_PER_DAY);
}

// Serial 0 (30 Dec 1899) is day -25569 counted from 1 Jan 1970.
const SERIAL_TO_UNIX_DAYS = -25569;

/** The calendar date of a serial, by integer arithmetic (Howard Hinnant's civil_from_days): no Date objects. */
export function civilFromSerial(serial: number): CivilDate {
  const z = Math.floor(serial) + SERIAL_TO_UNIX_DAYS + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Excel's EDATE: the same day `months` later, clamped to the end of a shorter month; time of day dropped. */
export function edate(serial: number, months: number): number {
  const { year, month, day } = civilFromSerial(serial);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return serialFromCivil(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2024-02-29` → serial; undefined for any other text or an impossible day. */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return serialFromCivil(year, month, day);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export function formatIsoDate(serial: number): string {
  const { year, month, day } = civilFromSerial(serial);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `1 Feb 2024` */
export function formatDay(serial: number): string {
  const { year, month, day } = civilFromSerial(serial);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** An inclusive span of days as people read it: `1 Feb–29 Feb 2024`, `15 Dec 2023–14 Jan 2024`. */
export function formatDaySpan(firstDay: number, lastDay: number): string {
  const a = civilFromSerial(firstDay);
  const b = civilFromSerial(lastDay);
  if (firstDay === lastDay) return formatDay(firstDay);
  const left = a.year === b.year ? `${a.day} ${MONTHS[a.month - 1]}` : formatDay(firstDay);
  return `${left}–${formatDay(lastDay)}`;
}

/** Today's date as a whole-day serial, in the local calendar of whoever runs the evaluation. */
export function todaySerial(now: Date = new Date()): number {
  return serialFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * A moment as a serial of the local wall clock to the minute, as the results' header line shows it
 * ("evaluated 2026-11-24 09:30"): `Evaluated at` and `Approved at` read as the time the user saw, and two
 * evaluations in the same minute record the same time. Seconds are dropped.
 */
export function localTimeSerial(now: Date): number {
  return todaySerial(now) + (now.getHours() * 60 + now.getMinutes()) / 1440;
}

/** A JavaScript Date's instant as a serial (UTC wall clock, as spreadsheet libraries store it). */
export function serialFromJsDate(date: Date): number {
  return (date.getTime() - EPOCH_1900) / MS_PER_DAY;
}

export function jsDateFromSerial(serial: number): Date {
  return new Date(EPOCH_1900 + Math.round(serial * MS_PER_DAY));
}

/** `2026-11-24 14:05`: when an evaluation ran, in the local time of whoever ran it. */
export function formatTimestamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
