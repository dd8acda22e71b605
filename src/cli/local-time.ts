import { serialFromCivil } from "../engine";

/**
 * A moment as a date-time serial of the 1900 system, on the local wall clock to the second: what
 * Excel's NOW() stores, so `Evaluated at` and `Approved at` read as the time the user saw.
 */
export function dateTimeSerial(now: Date): number {
  const seconds = now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds();
  return serialFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate()) + seconds / 86400;
}
