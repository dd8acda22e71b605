import type { Issue } from "../../../src/engine";
import { readWorksheetPart } from "../../../src/cli/ooxml/worksheet-part";
import type { ZipArchive } from "../../../src/cli/ooxml/zip-archive";
import { MAIN_NS } from "../../support/ooxml-package";
import { day } from "../../support/workbooks";

/** An archive whose one part arrives in exactly these inflated chunks. */
function archiveOf(pieces: readonly Buffer[]): ZipArchive {
  return {
    async *chunks() {
      yield* pieces;
    },
  } as unknown as ZipArchive;
}

const SHARED = ["Project", "KPI"];

async function read(pieces: readonly Buffer[], date1904 = false) {
  const issues: Issue[] = [];
  const cells = await readWorksheetPart(
    archiveOf(pieces),
    "xl/worksheets/sheet1.xml",
    "S",
    SHARED,
    date1904,
    issues,
    { used: 0, limit: 1_000_000 }
  );
  return { values: cells.values.map((row) => Array.from(row)), top: cells.top, issues };
}

/** Rows that matter, between fillers longer than a chunk bridge (4 KB) on both sides. */
const FILLER_ROWS = 100;
const filler = (from: number) =>
  Array.from(
    { length: FILLER_ROWS },
    (_, i) => `<x:row r="${from + i}"><x:c r="A${from + i}"><x:v>${from + i}</x:v></x:c></x:row>`
  ).join("");
const CELLS =
  `<x:row r="400" spans="1:9">` +
  `<x:c r="A400" t="s" s="1"><x:v>0</x:v></x:c>` +
  `<x:c t="s"><x:v>1</x:v></x:c>` +
  `<x:c r="C400" t="inlineStr"><x:is><x:r><x:t>Pro</x:t></x:r><x:r><x:t xml:space="preserve">ject é</x:t></x:r><x:rPh><x:t>プ</x:t></x:rPh></x:is></x:c>` +
  `<x:c r="D400" t="str"><x:f>A1&amp;"!"</x:f><x:v>Calls &amp; more_x000D_</x:v></x:c>` +
  `<x:c r="E400"><x:v>-1234.5625</x:v></x:c>` +
  `<x:c r="F400" t="b"><x:f>1=1</x:f><x:v>1</x:v></x:c>` +
  `<x:c r="G400" t="e"><x:v>#N/A</x:v></x:c>` +
  `<x:c r="H400" t="d"><x:v>2024-03-01T12:00:00</x:v></x:c>` +
  `<x:c r="I400" t="inlineStr"><x:is><x:t><![CDATA[a<b> & c]]></x:t></x:is></x:c>` +
  `<x:c r="J400"><x:v><![CDATA[7]]></x:v></x:c>` +
  `<x:c r="K400"><x:v>0.1</x:v><!-- two runs --><x:v></x:v></x:c>` +
  `</x:row>` +
  `<x:row><x:c r="B401"><x:v>1.0E+2</x:v></x:c><x:c><x:v>3</x:v></x:c><x:c r="E401"><x:f>500*2</x:f></x:c></x:row>`;
const PART = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>` +
    filler(1) +
    CELLS +
    filler(402) +
    `</x:sheetData></x:worksheet>`
);

const ROW_400 = [
  "Project",
  "KPI",
  "Project é",
  "Calls & more\r",
  -1234.5625,
  true,
  { error: "#N/A" },
  day("2024-03-01") + 0.5,
  "a<b> & c",
  7,
  0.1,
];

describe("a worksheet's cells read from the part's bytes", () => {
  test("every cell type, with prefixes, cells without r, rich and CDATA text, as hand-written", async () => {
    const { values, top, issues } = await read([PART]);
    expect(top).toBe(0);
    expect(values).toHaveLength(501);
    expect(values[0]).toEqual([1]);
    expect(values[99]).toEqual([100]);
    expect(values[100]).toEqual([]);
    expect(values[399]).toEqual(ROW_400);
    expect(values[400]).toEqual([undefined, 100, 3]);
    expect(values[401]).toEqual([402]);
    expect(values[500]).toEqual([501]);
    expect(issues.map((i) => i.cell)).toEqual(["E401"]);
  });

  test("a chunk boundary anywhere in the cells (inside a tag, a name, an attribute, a value, an entity, a CDATA section or a character) reads the same", async () => {
    const whole = JSON.stringify(await read([PART]));
    const from = PART.indexOf('<x:row r="400"');
    const to = PART.indexOf('<x:row r="402"');
    const differing: number[] = [];
    for (let at = from; at <= to; at++) {
      const split = await read([PART.subarray(0, at), PART.subarray(at)]);
      if (JSON.stringify(split) !== whole) differing.push(at);
    }
    expect(differing).toEqual([]);
  });

  test("a value cut across three chunks reads the same", async () => {
    const whole = await read([PART]);
    const at = PART.indexOf("-1234.5625");
    for (const cut of [1, 3, 5, 8]) {
      const pieces = [
        PART.subarray(0, at + 1),
        PART.subarray(at + 1, at + cut),
        PART.subarray(at + cut),
      ];
      expect(await read(pieces)).toEqual(whole);
    }
  });

  test("a cell with a type but no value is blank, not shared string 0 or FALSE", async () => {
    const xml = `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="s"/><c r="B1" t="b"/><c r="C1" t="e"/><c r="D1" s="3"/><c r="E1"><v>5</v></c></row></sheetData></worksheet>`;
    const { values } = await read([Buffer.from(xml)]);
    expect(values).toEqual([[undefined, undefined, undefined, undefined, 5]]);
  });

  test("a row met twice keeps the cells of both; rows out of order move `top` up", async () => {
    const xml = `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="5"><c r="A5"><v>1</v></c></row><row r="3"><c r="B3"><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c></row></sheetData></worksheet>`;
    const { values, top } = await read([Buffer.from(xml)]);
    expect(top).toBe(2);
    expect(values).toEqual([[undefined, 2], [], [1, undefined, 3]]);
  });

  test("numbers the fast path does not take are read as Number() reads their text", async () => {
    const xml = `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1"><v> 12 </v></c><c r="B1"><v>0.1000000000000000055511151231257827</v></c><c r="C1"><v>1e23</v></c><c r="D1"><v>n/a</v></c><c r="E1" t="s"><v>1.0</v></c></row></sheetData></worksheet>`;
    const { values } = await read([Buffer.from(xml)]);
    expect(values).toEqual([[12, 0.1, 1e23, "n/a", "KPI"]]);
  });
});
