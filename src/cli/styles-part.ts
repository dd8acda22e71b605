import { type ColumnFormat, type Look, NUMBER_FORMATS } from "../sheet";
import { MAIN } from "./results-sheet-xml";
import {
  attributeOf,
  childrenOf,
  elements,
  localName,
  parseXml,
  prefixOf,
  rootOf,
  serializeNode,
  serializeXml,
  setAttribute,
  tagOf,
  type XmlNode,
} from "./xml-tree";

const BUILT_IN_FORMATS: Record<string, number> = { "@": 49, "0": 1, "#,##0.00": 4 };

/** The children of `styleSheet` in the schema's order: a new list goes before the first that follows it. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

const EMPTY = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;

/** `font` as `x:font` when the part writes its elements with the prefix `x`, recursively. */
function withPrefix(node: XmlNode, prefix: string): XmlNode {
  const tag = tagOf(node);
  if (tag === undefined || !prefix) return node;
  const renamed: XmlNode = {
    [`${prefix}:${tag}`]: childrenOf(node).map((child) => withPrefix(child, prefix)),
  };
  if (node[":@"]) renamed[":@"] = node[":@"];
  return renamed;
}

/**
 * The styles the results sheet needs, added to the workbook's own styles part (reused when an
 * identical entry is there). Parsed, not pattern-matched, so any quoting or prefix reads right and
 * every index handed out points at the entry it means.
 */
export class Styles {
  private readonly document: XmlNode[];
  private readonly root: XmlNode;

  constructor(xml: string | undefined) {
    this.document = parseXml(xml ?? EMPTY);
    this.root = rootOf(this.document, "styleSheet");
  }

  get result(): string {
    return serializeXml(this.document);
  }

  /** The list element `name`, created in its schema position when the part has none. */
  private list(name: string): XmlNode {
    const children = childrenOf(this.root);
    const found = children.find((c) => localName(c) === name);
    if (found) return found;
    const prefix = prefixOf(this.root);
    const list: XmlNode = { [prefix ? `${prefix}:${name}` : name]: [], ":@": { count: "0" } };
    const later = ORDER.slice(ORDER.indexOf(name) + 1);
    const at = children.findIndex((c) => later.includes(localName(c) ?? ""));
    if (at < 0) children.push(list);
    else children.splice(at, 0, list);
    return list;
  }

  /** Appends `item` (SpreadsheetML text) to the list `name` unless an identical entry is there; its index. */
  entry(name: string, item: string): number {
    const list = this.list(name);
    const node = withPrefix(parseXml(item)[0], prefixOf(this.root));
    const wanted = serializeNode(node);
    const entries = childrenOf(list).filter((c) => tagOf(c) !== undefined);
    const existing = entries.findIndex((c) => serializeNode(c) === wanted);
    if (existing >= 0) return existing;
    childrenOf(list).push(node);
    setAttribute(list, "count", String(entries.length + 1));
    return entries.length;
  }

  numberFormat(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const formats = elements(this.list("numFmts"), "numFmt");
    const existing = formats.find((f) => attributeOf(f, "formatCode") === code);
    if (existing) return Number(attributeOf(existing, "numFmtId"));
    const ids = formats.map((f) => Number(attributeOf(f, "numFmtId")) || 0);
    const id = Math.max(163, ...ids) + 1;
    const item: XmlNode = { numFmt: [], ":@": { numFmtId: String(id), formatCode: code } };
    this.entry("numFmts", serializeNode(item));
    return id;
  }

  /** A cell format: the column's number format, the text's look, wrapped text aligned to the top. */
  cellFormat(format: ColumnFormat, look: Look & { wrap?: boolean } = {}): number {
    const font =
      look.bold || look.italic || look.size
        ? `<font>${look.bold ? "<b/>" : ""}${look.italic ? "<i/>" : ""}<sz val="${look.size ?? 11}"/><name val="Calibri"/></font>`
        : undefined;
    const fontId = font ? this.entry("fonts", font) : 0;
    const numFmtId = this.numberFormat(NUMBER_FORMATS[format]);
    const apply =
      (font ? ' applyFont="1"' : "") +
      ' applyNumberFormat="1"' +
      (look.wrap ? ' applyAlignment="1"' : "");
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${apply}`;
    return this.entry(
      "cellXfs",
      look.wrap ? `${xf}><alignment vertical="top" wrapText="1"/></xf>` : `${xf}/>`
    );
  }

  highlight(fill: string, font: string): number {
    const rgb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
    return this.entry(
      "dxfs",
      `<dxf><font><color rgb="${rgb(font)}"/></font><fill><patternFill><bgColor rgb="${rgb(fill)}"/></patternFill></fill></dxf>`
    );
  }
}
