import { PackageError } from "../../../src/cli/ooxml/package-error";
import { XmlScanner, type XmlTokenHandler } from "../../../src/cli/ooxml/xml-scanner";

/** Every event as a line: `<name a=1 b=2>`, `</name>`, `"text"`. */
function recorder(): { events: string[]; handler: XmlTokenHandler } {
  const events: string[] = [];
  return {
    events,
    handler: {
      open(name, tag, selfClosing) {
        const attributes = Object.entries(tag.attributes()).map(([k, v]) => ` ${k}=${v}`);
        events.push(`<${name}${attributes.join("")}${selfClosing ? "/" : ""}>`);
      },
      close: (name) => events.push(`</${name}>`),
      text: (bytes, start, end, decoded) =>
        events.push(JSON.stringify(decoded ?? bytes.toString("utf8", start, end))),
    },
  };
}

/** The events of a part fed in the given pieces; consecutive texts joined, as a reader sees them. */
function scan(pieces: readonly Buffer[]): string[] {
  const { events, handler } = recorder();
  const scanner = new XmlScanner("xl/part.xml", handler);
  for (const piece of pieces) scanner.write(piece);
  scanner.end();
  const joined: string[] = [];
  for (const event of events) {
    const last = joined[joined.length - 1];
    if (event.startsWith('"') && last?.startsWith('"'))
      joined[joined.length - 1] = JSON.stringify(JSON.parse(last) + JSON.parse(event));
    else joined.push(event);
  }
  return joined;
}

function failure(xml: string): string {
  try {
    scan([Buffer.from(xml)]);
  } catch (error) {
    expect(error).toBeInstanceOf(PackageError);
    return (error as Error).message;
  }
  throw new Error("the part was read");
}

const DOCUMENT = Buffer.from(
  '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<x:root xmlns:x="urn:x" xmlns="urn:y" x:a='1' b = "2&amp;3">` +
    `<!-- a comment with <tags> -->` +
    `<x:item r:id="rId1" t="Ω&#x3A9;&lt;"/>` +
    `<t>Pro&amp;ject é 日本 &#8364;</t>` +
    `<t><![CDATA[<kept> & raw]]></t>` +
    `<x:v>12.5</x:v  >` +
    `</x:root>\n`
);

const EXPECTED = [
  "<root a=1 b=2&3>",
  "<item id=rId1 t=ΩΩ</>",
  "</item>",
  "<t>",
  '"Pro&ject é 日本 €"',
  "</t>",
  "<t>",
  '"<kept> & raw"',
  "</t>",
  "<v>",
  '"12.5"',
  "</v>",
  "</root>",
];

describe("the XML scanner reads bytes in chunks of any size", () => {
  test("names by local name, attributes, entities, CDATA, comments, a byte order mark", () => {
    expect(scan([DOCUMENT])).toEqual(EXPECTED);
  });

  test("a chunk boundary at every byte (inside names, attributes, entities, CDATA, multibyte characters) changes nothing", () => {
    for (let at = 1; at < DOCUMENT.length; at++)
      expect(scan([DOCUMENT.subarray(0, at), DOCUMENT.subarray(at)])).toEqual(EXPECTED);
  });

  test("one byte per chunk changes nothing", () => {
    const pieces = Array.from(DOCUMENT, (byte) => Buffer.from([byte]));
    expect(scan(pieces)).toEqual(EXPECTED);
  });

  test("a token cut by a chunk boundary is finished from the next chunk however long either is", () => {
    // Large chunks take the bridge (the next chunk's first 4 KB); a token longer than the bridge is
    // finished by joining the chunks whole.
    const long = "x".repeat(10_000);
    const filler = `<pad>${"y".repeat(6_000)}</pad>`;
    const xml = Buffer.from(
      `<root>${filler}<t a="${long}">${long}é</t>${filler}<t>end</t>${filler}</root>`
    );
    const expected = scan([xml]);
    expect(expected).toContain(`"${long}é"`);
    const boundaries = [6_010, 6_020, 11_000, 16_030, 16_040, 26_050, 26_051, 32_070];
    for (const at of boundaries) {
      expect(scan([xml.subarray(0, at), xml.subarray(at)])).toEqual(expected);
      // A middle chunk smaller than the bridge, so the token spans three chunks.
      expect(
        scan([xml.subarray(0, at), xml.subarray(at, at + 100), xml.subarray(at + 100)])
      ).toEqual(expected);
    }
  });
});

describe("a damaged part is reported, never half read", () => {
  test.each([
    [
      '<!DOCTYPE r [<!ENTITY e "x">]><r/>',
      "it declares a DOCTYPE, which workbooks never do (entities are refused)",
    ],
    ["<r><a></b></r>", "</b> closes <a>"],
    ["<r>a & b</r>", 'it holds a bare "&" (&)'],
    ["<r>&nbsp;</r>", "it refers to the undeclared entity &nbsp; (entities are refused)"],
    ["<r a=1/>", "the attribute a in <r> is not quoted"],
    ["<r a/>", "the attribute in <r> has no value"],
    ['<r a="x<y"/>', "the attribute a in <r> is not closed"],
    ["x<r/>", "it holds text outside its root element"],
    ["<r/><s/>", "it holds more than one root element"],
    ["<r><a", "it ends in the middle of a tag"],
    ["<r><a>", "it ends before </a>"],
    ["", "it holds no XML"],
    ["<r></r x>", "the end tag </r> holds more than a name"],
  ])("%p: %s", (xml, why) => {
    expect(failure(xml)).toBe(`the part xl/part.xml is not well-formed XML: ${why}`);
  });
});
