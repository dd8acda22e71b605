import { serialFromCivil } from "../engine";

/**
 * A moment as a date-time serial of the 1900 system, on the local wall clock to the minute: what the
 * header line of KPI Rewards shows ("evaluated 2026-11-24 09:30"), so `Evaluated at` and `Approved at`
 * read as the time the user saw, and two evaluations in the same minute record the same time.
 */
export function dateTimeSerial(now: Date): number {
  const minutes = now.getHours() * 60 + now.getMinutes();
  return serialFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate()) + minutes / 1440;
}
