/**
 * Excel on the web refuses a request over 5 MB, and one sync sends everything queued since the last.
 * Keeping under it per write is not enough: two tables that each fit can still overflow one request
 * together. Writers reserve the bytes of every large value write here; when the queue would pass the
 * budget, what is queued is sent first. Small workbooks still write in one request.
 */
export const REQUEST_BUDGET_BYTES = 4_000_000;

export class RequestBudget {
  private queued = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    /** Under 5 MB by the room the writes not counted here take (formats, tables, names). */
    readonly limit = REQUEST_BUDGET_BYTES
  ) {}

  /** Makes room for `bytes` more in the request being queued, sending what is queued if they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.limit) {
      await this.context.sync();
      this.queued = 0;
    }
    this.queued += bytes;
  }
}

/**
 * `rows` cut into consecutive blocks of at most `limit` bytes as JSON (a single row over the limit is
 * a block of its own), with each block's size, so that every block can be its own request.
 */
export function valueBlocks<T>(
  rows: readonly T[],
  limit = REQUEST_BUDGET_BYTES
): { first: number; rows: T[]; bytes: number }[] {
  const blocks: { first: number; rows: T[]; bytes: number }[] = [];
  let first = 0;
  while (first < rows.length) {
    let end = first;
    let bytes = 0;
    while (end < rows.length) {
      // The row's JSON and the comma between rows, as the request carries them.
      const size = JSON.stringify(rows[end]).length + 1;
      if (end > first && bytes + size > limit) break;
      bytes += size;
      end++;
    }
    blocks.push({ first, rows: rows.slice(first, end), bytes });
    first = end;
  }
  return blocks;
}
