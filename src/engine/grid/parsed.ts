/** A value read from input, or why it could not be read: errors are values, never thrown. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
