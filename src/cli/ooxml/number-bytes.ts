/** Powers of ten a double holds exactly (10^22 is the last). */
const EXACT_POWERS = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * The decimal number written in `bytes[start, end)` (`-12.5`, `45123`, `1.5E-3`), exactly as `Number()`
 * reads its text, without making the text: a cell value parsed straight from the inflated part. NaN
 * when the bytes are anything else or too long to be sure of, and the caller reads the text instead.
 *
 * Exact because of the classic fast path (Clinger 1990): when the digits form an integer M below 2^53
 * and the power of ten is at most 10^22, both M and 10^k are exact doubles, so the one rounding of M ×
 * 10^k or M / 10^k is the correctly rounded value — the same double `Number()` returns.
 */
export function numberFromBytes(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  const negative = bytes[at] === 45;
  if (negative) at++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  for (; at < end; at++) {
    const d = bytes[at] - 48;
    if (d < 0 || d > 9) break;
    digits++;
    mantissa = mantissa * 10 + d;
  }
  if (at < end && bytes[at] === 46) {
    for (at++; at < end; at++) {
      const d = bytes[at] - 48;
      if (d < 0 || d > 9) break;
      digits++;
      scale++;
      mantissa = mantissa * 10 + d;
    }
  }
  // Digits grow the integer monotonically, so a final value within 2^53 was exact all along.
  if (digits === 0 || mantissa > Number.MAX_SAFE_INTEGER) return NaN;
  let exponent = 0;
  if (at < end && (bytes[at] === 101 || bytes[at] === 69)) {
    at++;
    const minus = bytes[at] === 45;
    if (minus || bytes[at] === 43) at++;
    const first = at;
    for (; at < end && at - first < 4; at++) {
      const d = bytes[at] - 48;
      if (d < 0 || d > 9) break;
      exponent = exponent * 10 + d;
    }
    if (at === first) return NaN;
    if (minus) exponent = -exponent;
  }
  if (at !== end) return NaN;
  const power = exponent - scale;
  let value: number;
  if (mantissa === 0) value = 0;
  else if (power >= 0 && power <= 22) value = mantissa * EXACT_POWERS[power];
  else if (power < 0 && power >= -22) value = mantissa / EXACT_POWERS[-power];
  else return NaN;
  return negative ? -value : value;
}
