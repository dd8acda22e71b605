import {
  attributeOf,
  element,
  elements,
  localName,
  newElement,
  parseXml,
  prefixedAttribute,
  rootOf,
  serializeXml,
  setAttribute,
  textOf,
  XmlError,
} from "../../src/cli/xml-tree";

describe("parsing a part", () => {
  test("attributes quoted with ' or \" read alike, entities decoded", () => {
    const document = parseXml(
      `<workbook><sheets><sheet name='A &amp; B' sheetId='1'/><sheet name="it&apos;s &lt;x&gt;" sheetId="2"/></sheets></workbook>`
    );
    const sheets = elements(element(rootOf(document, "workbook"), "sheets")!, "sheet");
    expect(sheets.map((s) => attributeOf(s, "name"))).toEqual(["A & B", "it's <x>"]);
  });

  test("namespace prefixes on elements and attributes are looked through", () => {
    const document = parseXml(
      `<x:workbook xmlns:x="main" xmlns:rel="r"><x:sheets><x:sheet name="S" rel:id="rId3"/></x:sheets></x:workbook>`
    );
    const sheet = elements(element(rootOf(document, "workbook"), "sheets")!, "sheet")[0];
    expect(localName(sheet)).toBe("sheet");
    expect(prefixedAttribute(sheet, "id")).toBe("rId3");
  });

  test("malformed XML and any DOCTYPE are refused", () => {
    expect(() => parseXml("<workbook><sheets></workbook>")).toThrow(XmlError);
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook>&a;</workbook>')).toThrow(
      "holds a DOCTYPE, which a workbook part never has"
    );
  });

  test("a defined name's formula keeps its quotes and spaces", () => {
    const document = parseXml(
      `<definedNames><definedName name="n"> 'KPI Rewards'!$A$1 </definedName></definedNames>`
    );
    expect(textOf(element(rootOf(document, "definedNames"), "definedName")!)).toBe(
      " 'KPI Rewards'!$A$1 "
    );
  });
});

describe("writing a part back", () => {
  test("round trip keeps elements, order, comments and text; attributes come out double-quoted", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:workbook xmlns:x="m" mc:Ignorable="x15"><!-- kept --><x:sheets><x:sheet name='A "q" &amp; B' sheetId='1'/></x:sheets><x:calcPr calcId="1"/></x:workbook>`;
    expect(serializeXml(parseXml(xml))).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:workbook xmlns:x="m" mc:Ignorable="x15"><!-- kept --><x:sheets><x:sheet name="A &quot;q&quot; &amp; B" sheetId="1"/></x:sheets><x:calcPr calcId="1"/></x:workbook>`
    );
  });

  test("line breaks and tabs in attributes survive as character references", () => {
    const document = parseXml(`<a v="x&#10;y&#9;z"/>`);
    expect(attributeOf(rootOf(document, "a"), "v")).toBe("x\ny\tz");
    expect(serializeXml(document)).toBe(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a v="x&#10;y&#9;z"/>`
    );
  });

  test("new elements take their sibling's prefix; attributes can be set", () => {
    const document = parseXml(`<x:sheets xmlns:x="m"><x:sheet name="A"/></x:sheets>`);
    const root = rootOf(document, "sheets");
    const added = newElement(elements(root, "sheet")[0], "sheet", { name: "B & C" });
    setAttribute(added, "sheetId", "2");
    (root["x:sheets"] as unknown[]).push(added);
    expect(serializeXml(document)).toContain(`<x:sheet name="B &amp; C" sheetId="2"/></x:sheets>`);
  });
});
