/**
 * OOXML writes characters XML cannot hold as `_xHHHH_` (a carriage return is `_x000D_`); a literal
 * `_x` is itself escaped as `_x005F_x`. Decoded here the way Excel shows them.
 */
export function decodeOoxmlText(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}
