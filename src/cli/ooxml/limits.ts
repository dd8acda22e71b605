/**
 * How much of a package the reader will unpack before refusing it. A zip bomb (a few KB that inflate to
 * gigabytes) stops at these limits with a one-line message instead of filling memory. A worksheet at
 * Excel's row limit with a few columns is about 150 MB of XML, well inside them.
 */
export interface Limits {
  readonly packageBytes: number;
  readonly sharedStringsBytes: number;
  readonly cells: number;
  readonly tokenChars: number;
}

export const LIMITS: Limits = {
  /** Uncompressed bytes read from the whole package (all XML parts together). */
  packageBytes: 1024 * 1024 * 1024,
  /** Uncompressed bytes of the shared strings part, whose strings all stay in memory. */
  sharedStringsBytes: 256 * 1024 * 1024,
  /** Cells with a value across all sheets (Excel's grid holds 17 billion; real KPI books far fewer). */
  cells: 20_000_000,
  /** Characters of one run of text or one tag: no real cell holds more than 32,767 characters. */
  tokenChars: 16 * 1024 * 1024,
};

export function formatBytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
