import { NUMBER_FORMATS, type ColumnFormat } from "../engine";
import { escapeXml, MAIN } from "./results-sheet-xml";

const BUILT_IN_FORMATS: Record<string, number> = { "@": 49, "0": 1, "#,##0.00": 4 };

/** The styles the results sheet needs, added to the workbook's own styles.xml (reused when present). */
export class Styles {
  private xml: string;

  constructor(xml: string | undefined) {
    this.xml =
      xml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;
  }

  get result(): string {
    return this.xml;
  }

  /** Appends `item` to the list element `name` unless an identical one is there; returns its index. */
  private entry(name: string, child: string, item: string, insertBefore: string[]): number {
    const open = new RegExp(`<${name}(\\s[^>]*?)?(/>|>)`).exec(this.xml);
    if (!open) {
      const at = insertBefore.map((tag) => this.xml.indexOf(`<${tag}`)).filter((i) => i >= 0);
      const position = at.length ? Math.min(...at) : this.xml.lastIndexOf("</styleSheet>");
      this.xml = `${this.xml.slice(0, position)}<${name} count="1">${item}</${name}>${this.xml.slice(position)}`;
      return 0;
    }
    if (open[2] === "/>") {
      this.xml = `${this.xml.slice(0, open.index)}<${name} count="1">${item}</${name}>${this.xml.slice(open.index + open[0].length)}`;
      return 0;
    }
    const start = open.index + open[0].length;
    const end = this.xml.indexOf(`</${name}>`, start);
    const body = this.xml.slice(start, end);
    const children: string[] =
      body.match(new RegExp(`<${child}\\b[^>]*?/>|<${child}\\b[^>]*>[\\s\\S]*?</${child}>`, "g")) ??
      [];
    const existing = children.indexOf(item);
    if (existing >= 0) return existing;
    const opening = open[0].replace(/count="\d+"/, `count="${children.length + 1}"`);
    this.xml = `${this.xml.slice(0, open.index)}${opening.includes("count=") ? opening : opening.replace(`<${name}`, `<${name} count="${children.length + 1}"`)}${body}${item}${this.xml.slice(end)}`;
    return children.length;
  }

  numberFormat(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const existing = new RegExp(
      `<numFmt numFmtId="(\\d+)" formatCode="${escapeXml(code).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"/>`
    ).exec(this.xml);
    if (existing) return Number(existing[1]);
    const ids = [...this.xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    const id = Math.max(163, ...ids) + 1;
    this.entry("numFmts", "numFmt", `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`, [
      "fonts",
    ]);
    return id;
  }

  cellFormat(format: ColumnFormat | "title"): number {
    const fontId =
      format === "title"
        ? this.entry("fonts", "font", '<font><b/><sz val="14"/><name val="Calibri"/></font>', [
            "fills",
          ])
        : 0;
    const numFmtId = format === "title" ? 49 : this.numberFormat(NUMBER_FORMATS[format]);
    const apply =
      format === "title" ? ' applyFont="1" applyNumberFormat="1"' : ' applyNumberFormat="1"';
    return this.entry(
      "cellXfs",
      "xf",
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${apply}/>`,
      ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"]
    );
  }

  highlight(fill: string, font: string): number {
    const rgb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
    return this.entry(
      "dxfs",
      "dxf",
      `<dxf><font><color rgb="${rgb(font)}"/></font><fill><patternFill><bgColor rgb="${rgb(fill)}"/></patternFill></fill></dxf>`,
      ["tableStyles", "colors", "extLst"]
    );
  }
}
