import { Styles } from "../../src/cli/styles-part";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

describe("styles added to the workbook's own styles part", () => {
  test("new entries go after the workbook's own, and the indices handed out point at them", () => {
    const styles = new Styles(
      `<styleSheet xmlns='${MAIN}'><numFmts count='1'><numFmt numFmtId='164' formatCode='0.000'/></numFmts><fonts count='1'><font/></fonts><cellXfs count='3'><xf numFmtId='0'/><xf numFmtId='164'/><xf numFmtId='14'/></cellXfs><dxfs count='2'><dxf/><dxf/></dxfs></styleSheet>`
    );
    expect(styles.cellFormat("date")).toBe(3);
    expect(styles.cellFormat("text")).toBe(4);
    expect(styles.highlight("#C6EFCE", "#006100")).toBe(2);
    expect(styles.result).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.000"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font/></fonts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><dxfs count="3"><dxf/><dxf/><dxf><font><color rgb="FF006100"/></font><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf></dxfs></styleSheet>`
    );
  });

  test("a format asked twice is one entry; an existing number format is reused by its code", () => {
    const styles = new Styles(
      `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="170" formatCode="0.0%"/></numFmts><cellXfs count="1"><xf/></cellXfs></styleSheet>`
    );
    expect(styles.cellFormat("percent")).toBe(1);
    expect(styles.cellFormat("percent")).toBe(1);
    expect(styles.result).toContain(
      `<cellXfs count="2"><xf/><xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`
    );
  });

  test("a part written with a namespace prefix gets prefixed entries, lists in schema order", () => {
    const styles = new Styles(
      `<x:styleSheet xmlns:x="${MAIN}"><x:fonts count="1"><x:font/></x:fonts><x:cellXfs count="1"><x:xf/></x:cellXfs><x:extLst/></x:styleSheet>`
    );
    expect(styles.cellFormat("text", { bold: true, size: 14 })).toBe(1);
    expect(styles.highlight("#FFC7CE", "#9C0006")).toBe(0);
    expect(styles.result).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:styleSheet xmlns:x="${MAIN}"><x:fonts count="2"><x:font/><x:font><x:b/><x:sz val="14"/><x:name val="Calibri"/></x:font></x:fonts><x:cellXfs count="2"><x:xf/><x:xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></x:cellXfs><x:dxfs count="1"><x:dxf><x:font><x:color rgb="FF9C0006"/></x:font><x:fill><x:patternFill><x:bgColor rgb="FFFFC7CE"/></x:patternFill></x:fill></x:dxf></x:dxfs><x:extLst/></x:styleSheet>`
    );
  });

  test("a workbook without a styles part gets a minimal one holding ours", () => {
    const styles = new Styles(undefined);
    expect(styles.cellFormat("money")).toBe(1);
    expect(styles.result).toContain(
      `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`
    );
  });
});
