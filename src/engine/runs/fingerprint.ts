import type { CellValue } from "../grid/cell";
import type { FoundTable } from "../grid/tables";

/**
 * The `Inputs` fingerprint of a run (SPEC §9): a 128-bit hash, as 32 hex characters, of every non-blank
 * cell the evaluation read, with where it stands. Values are taken in a canonical form, so the same
 * data gives the same fingerprint whichever program saved the workbook: numbers rounded to 15
 * significant digits (what every spreadsheet program keeps), text as read, blanks not at all. Pure
 * arithmetic (MurmurHash3's x86 128-bit mixing), so the engine needs no Node or browser crypto.
 */
export function fingerprintTables(tables: Iterable<FoundTable>): string {
  const hash = new InputsHash();
  for (const table of tables) {
    const { view } = table;
    hash.text(view.sheet);
    // The header's first cell places the table; its extent is not hashed, since programs disagree
    // about trailing empty rows.
    hash.text(view.address(view.headerRow, 0));
    for (let row = view.headerRow; row < view.endRow; row++) {
      const cells = view.row(row);
      if (!cells) continue;
      for (let column = 0; column < view.endColumn - view.firstColumn; column++) {
        const value = cells[view.gridColumn(column)];
        if (value === null || value === undefined || value === "") continue;
        hash.word(row - view.headerRow);
        hash.word(column);
        hash.value(value);
      }
    }
  }
  return hash.digest();
}

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

/** 10^-400 … 10^400, looked up: Math.pow dominated the cost of hashing a number. */
const POWERS_OF_TEN = Array.from({ length: 801 }, (_, i) => 10 ** (i - 400));

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);

/** A streaming MurmurHash3 x86_128 over 32-bit words. */
export class InputsHash {
  private h1 = 0x9368e53c;
  private h2 = 0x2f9e1e8b;
  private h3 = 0x6b3f2a0d;
  private h4 = 0x1d4c7e21;
  private readonly block = new Uint32Array(4);
  private filled = 0;
  private words = 0;

  word(k: number): void {
    this.block[this.filled++] = k >>> 0;
    this.words++;
    if (this.filled === 4) this.mixBlock();
  }

  text(text: string): void {
    this.word(0x54000000 | (text.length & 0xffffff));
    for (let i = 0; i < text.length; i += 2) {
      this.word(text.charCodeAt(i) | ((i + 1 < text.length ? text.charCodeAt(i + 1) : 0) << 16));
    }
  }

  number(value: number): void {
    this.word(0x4e000000);
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) {
      // Dates and counts: exact already.
      this.word(value);
      this.word(0);
      return;
    }
    // Other numbers keep the 15 significant digits every spreadsheet program keeps: a mantissa below
    // 10^15 and a decimal exponent (toPrecision would do the same at five times the cost).
    let exponent = Math.floor(Math.log10(Math.abs(value)));
    let mantissa = Math.round(
      value * (POWERS_OF_TEN[14 - exponent + 400] ?? 10 ** (14 - exponent))
    );
    if (Math.abs(mantissa) >= 1e15) {
      mantissa = Math.round(mantissa / 10);
      exponent++;
    }
    float[0] = Number.isFinite(mantissa) ? mantissa : value;
    this.word(floatWords[0] ^ exponent);
    this.word(floatWords[1]);
  }

  value(value: CellValue): void {
    if (typeof value === "number") this.number(value);
    else if (typeof value === "string") this.text(value);
    else if (typeof value === "boolean") this.word(value ? 0x42000001 : 0x42000000);
    else if (value && typeof value === "object") this.text(`#error ${value.error}`);
  }

  digest(): string {
    if (this.filled > 0) {
      this.block.fill(0, this.filled);
      this.mixBlock();
    }
    let { h1, h2, h3, h4 } = this;
    const length = this.words * 4;
    h1 ^= length;
    h2 ^= length;
    h3 ^= length;
    h4 ^= length;
    h1 = (h1 + h2 + h3 + h4) >>> 0;
    h2 = (h2 + h1) >>> 0;
    h3 = (h3 + h1) >>> 0;
    h4 = (h4 + h1) >>> 0;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h3 = fmix(h3);
    h4 = fmix(h4);
    h1 = (h1 + h2 + h3 + h4) >>> 0;
    h2 = (h2 + h1) >>> 0;
    h3 = (h3 + h1) >>> 0;
    h4 = (h4 + h1) >>> 0;
    return [h1, h2, h3, h4].map((h) => h.toString(16).padStart(8, "0")).join("");
  }

  private mixBlock(): void {
    let [k1, k2, k3, k4] = this.block;
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    this.h1 ^= k1;
    this.h1 = (Math.imul(rotl(this.h1, 19) + this.h2, 5) + 0x561ccd1b) >>> 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    this.h2 ^= k2;
    this.h2 = (Math.imul(rotl(this.h2, 17) + this.h3, 5) + 0x0bcaa747) >>> 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    this.h3 ^= k3;
    this.h3 = (Math.imul(rotl(this.h3, 15) + this.h4, 5) + 0x96cd1c35) >>> 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    this.h4 ^= k4;
    this.h4 = (Math.imul(rotl(this.h4, 13) + this.h1, 5) + 0x32ac3b17) >>> 0;
    this.filled = 0;
  }
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
