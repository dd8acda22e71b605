import { readFileSync } from "fs";
import path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";

/**
 * Checks a written workbook for what makes Excel "repair" a file (and drop what it cannot repair):
 * duplicate sheet names (Excel compares them without case), duplicate table or defined names,
 * relationships to missing parts, parts without a content type or a workbook type that does not
 * match the file's extension, cell text over 32,767 characters, style indices out of range.
 * Independent of the writer on purpose: it parses every part itself.
 */

type Element = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

const WORKBOOK_TYPES: Record<string, string> = {
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  ".xltx": "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  ".xltm": "application/vnd.ms-excel.template.macroEnabled.main+xml",
};
const CELL_LIMIT = 32767;
const OFFICE_DOCUMENT =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

function children(element: Element | undefined, name: string): Element[] {
  return (element?.[name] as Element[] | undefined) ?? [];
}

function child(element: Element | undefined, name: string): Element | undefined {
  return children(element, name)[0];
}

function attr(element: Element | undefined, name: string): string | undefined {
  const value = element?.[`@${name}`];
  return value === undefined ? undefined : String(value);
}

/** An attribute whatever its prefix (`r:id`, or `id` once the parser has dropped the prefix). */
function prefixedAttr(element: Element, name: string): string | undefined {
  const key = Object.keys(element).find(
    (k) => k.startsWith("@") && k.slice(1).split(":").pop() === name
  );
  return key === undefined ? undefined : String(element[key]);
}

/** The text of an element, its runs joined (`<is><r><t>a</t></r><r><t>b</t></r></is>`). */
function textOf(element: Element | string | undefined): string {
  if (element === undefined) return "";
  if (typeof element === "string") return element;
  let text = typeof element["#text"] === "string" ? (element["#text"] as string) : "";
  for (const t of children(element, "t")) text += textOf(t as Element | string);
  for (const r of children(element, "r")) text += textOf(r);
  return text;
}

function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = path.posix
    .dirname(from)
    .split("/")
    .filter((p) => p && p !== ".");
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

function relsOf(part: string): string {
  return `${path.posix.dirname(part) === "." ? "" : `${path.posix.dirname(part)}/`}_rels/${path.posix.basename(part)}.rels`;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    const key = value.toUpperCase();
    if (seen.has(key)) repeated.add(value);
    seen.add(key);
  }
  return [...repeated];
}

/** Every problem found in the package, one readable line each; empty when the workbook is sound. */
export async function soundnessProblems(bytes: Buffer, fileName: string): Promise<string[]> {
  const problems: string[] = [];
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
  const xml = new Map<string, Element>();
  for (const part of parts.filter((p) => /\.(xml|rels)$/i.test(p))) {
    const text = await zip.file(part)!.async("string");
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      problems.push(`${part}: not well-formed XML (${valid.err.msg})`);
      continue;
    }
    xml.set(part, parser.parse(text) as Element);
  }
  const root = (part: string, name: string) => child(xml.get(part), name);

  // Content types: every part has one, every override names a part, the workbook's fits the extension.
  const types = root("[Content_Types].xml", "Types");
  if (!types) return [...problems, "[Content_Types].xml missing"];
  const overrides = new Map(
    children(types, "Override").map((o) => [
      (attr(o, "PartName") ?? "").slice(1).toLowerCase(),
      attr(o, "ContentType") ?? "",
    ])
  );
  const defaults = new Map(
    children(types, "Default").map((d) => [
      (attr(d, "Extension") ?? "").toLowerCase(),
      attr(d, "ContentType") ?? "",
    ])
  );
  const typeOf = (part: string) =>
    overrides.get(part.toLowerCase()) ??
    defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
  for (const part of parts)
    if (part !== "[Content_Types].xml" && !typeOf(part)) problems.push(`${part}: no content type`);
  const lowerParts = new Set(parts.map((p) => p.toLowerCase()));
  for (const part of overrides.keys())
    if (!lowerParts.has(part)) problems.push(`content type override for missing part /${part}`);

  // Relationships: every internal target is a part of the package.
  for (const part of parts.filter((p) => p.endsWith(".rels"))) {
    const source = part.replace(/_rels\/([^/]*)\.rels$/, "$1");
    for (const rel of children(root(part, "Relationships"), "Relationship")) {
      if (attr(rel, "TargetMode") === "External") continue;
      const target = resolve(source, attr(rel, "Target") ?? "");
      if (!lowerParts.has(target.toLowerCase()))
        problems.push(`${part}: relationship ${attr(rel, "Id")} points at missing ${target}`);
    }
  }

  const main = children(root("_rels/.rels", "Relationships"), "Relationship").find(
    (r) => attr(r, "Type") === OFFICE_DOCUMENT
  );
  const workbookPath = resolve("", attr(main, "Target") ?? "xl/workbook.xml");
  const expected = WORKBOOK_TYPES[path.extname(fileName).toLowerCase()];
  if (typeOf(workbookPath) !== expected)
    problems.push(
      `${workbookPath}: content type ${typeOf(workbookPath)} does not match the extension of ${path.basename(fileName)}`
    );
  const workbook = root(workbookPath, "workbook");
  if (!workbook) return [...problems, `${workbookPath} missing`];

  // Sheets: names unique without regard to case, and names Excel accepts.
  const sheets = children(child(workbook, "sheets"), "sheet");
  const sheetNames = sheets.map((s) => attr(s, "name") ?? "");
  for (const name of duplicates(sheetNames))
    problems.push(`sheet name "${name}" used twice (case ignored)`);
  for (const name of sheetNames)
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name))
      problems.push(`sheet name "${name}" is not one Excel accepts`);
  for (const id of duplicates(sheets.map((s) => attr(s, "sheetId") ?? "")))
    problems.push(`sheetId ${id} used twice`);

  // Defined names: unique per scope, scopes that exist.
  const names = children(child(workbook, "definedNames"), "definedName");
  const byScope = new Map<string, string[]>();
  for (const name of names) {
    const scope = attr(name, "localSheetId") ?? "workbook";
    if (scope !== "workbook" && !(Number(scope) >= 0 && Number(scope) < sheets.length))
      problems.push(
        `defined name ${attr(name, "name")} scoped to sheet ${scope}, which does not exist`
      );
    byScope.set(scope, [...(byScope.get(scope) ?? []), attr(name, "name") ?? ""]);
  }
  for (const [scope, list] of byScope)
    for (const name of duplicates(list))
      problems.push(`defined name ${name} used twice in scope ${scope}`);

  // Tables: names unique in the workbook and unlike any defined name; ids unique.
  const tables = parts.filter((p) => typeOf(p)?.endsWith("spreadsheetml.table+xml"));
  const tableNames: string[] = [];
  const tableIds: string[] = [];
  for (const part of tables) {
    const table = root(part, "table");
    tableNames.push(attr(table, "displayName") ?? attr(table, "name") ?? "");
    tableIds.push(attr(table, "id") ?? "");
    const columns = children(child(table, "tableColumns"), "tableColumn").map(
      (c) => attr(c, "name") ?? ""
    );
    for (const name of duplicates(columns)) problems.push(`${part}: column "${name}" used twice`);
  }
  for (const name of duplicates(tableNames)) problems.push(`table name ${name} used twice`);
  for (const id of duplicates(tableIds)) problems.push(`table id ${id} used twice`);
  const definedNames = new Set(names.map((n) => (attr(n, "name") ?? "").toUpperCase()));
  for (const name of tableNames)
    if (definedNames.has(name.toUpperCase()))
      problems.push(`table name ${name} is also a defined name`);

  // Styles: how many cell formats and differential formats there are.
  const workbookRels = children(root(relsOf(workbookPath), "Relationships"), "Relationship");
  const stylesRel = workbookRels.find((r) => (attr(r, "Type") ?? "").endsWith("/styles"));
  const styleSheet = stylesRel
    ? root(resolve(workbookPath, attr(stylesRel, "Target") ?? ""), "styleSheet")
    : undefined;
  const xfCount = children(child(styleSheet, "cellXfs"), "xf").length;
  const dxfCount = children(child(styleSheet, "dxfs"), "dxf").length;
  const fontCount = children(child(styleSheet, "fonts"), "font").length;
  const fillCount = children(child(styleSheet, "fills"), "fill").length;
  const borderCount = children(child(styleSheet, "borders"), "border").length;
  const numFmts = new Set(
    children(child(styleSheet, "numFmts"), "numFmt").map((n) => attr(n, "numFmtId"))
  );
  for (const id of duplicates(
    children(child(styleSheet, "numFmts"), "numFmt").map((n) => attr(n, "numFmtId") ?? "")
  ))
    problems.push(`styles: number format id ${id} defined twice`);
  for (const [i, xf] of children(child(styleSheet, "cellXfs"), "xf").entries()) {
    const check = (key: string, count: number) => {
      if (Number(attr(xf, key) ?? 0) >= count)
        problems.push(`styles: cellXfs[${i}] ${key} out of range`);
    };
    check("fontId", fontCount);
    check("fillId", fillCount);
    check("borderId", borderCount);
    const numFmt = attr(xf, "numFmtId") ?? "0";
    if (Number(numFmt) >= 164 && !numFmts.has(numFmt))
      problems.push(`styles: cellXfs[${i}] numFmtId ${numFmt} undefined`);
  }

  // Cells: text within Excel's limit, style and shared-string indices in range.
  const sharedRel = workbookRels.find((r) => (attr(r, "Type") ?? "").endsWith("/sharedStrings"));
  const shared = sharedRel
    ? children(root(resolve(workbookPath, attr(sharedRel, "Target") ?? ""), "sst"), "si")
    : [];
  shared.forEach((si, i) => {
    if (textOf(si).length > CELL_LIMIT)
      problems.push(`shared string ${i} longer than ${CELL_LIMIT}`);
  });
  for (const sheet of sheets) {
    const rel = workbookRels.find((r) => attr(r, "Id") === prefixedAttr(sheet, "id"));
    if (!rel) {
      problems.push(`sheet "${attr(sheet, "name")}" has no relationship`);
      continue;
    }
    const part = resolve(workbookPath, attr(rel, "Target") ?? "");
    const worksheet = root(part, "worksheet");
    for (const row of children(child(worksheet, "sheetData"), "row")) {
      for (const cell of children(row, "c")) {
        const where = `${attr(sheet, "name")}!${attr(cell, "r")}`;
        const style = attr(cell, "s");
        if (style !== undefined && Number(style) >= Math.max(xfCount, 1))
          problems.push(`${where}: style ${style} out of range (${xfCount} cell formats)`);
        const type = attr(cell, "t");
        if (type === "inlineStr" && textOf(child(cell, "is")).length > CELL_LIMIT)
          problems.push(`${where}: text longer than ${CELL_LIMIT} characters`);
        if (type === "s" && Number(textOf(child(cell, "v"))) >= shared.length)
          problems.push(`${where}: shared string index out of range`);
        if (type === "str" && textOf(child(cell, "v")).length > CELL_LIMIT)
          problems.push(`${where}: text longer than ${CELL_LIMIT} characters`);
      }
    }
    for (const format of children(worksheet, "conditionalFormatting"))
      for (const rule of children(format, "cfRule")) {
        const dxf = attr(rule, "dxfId");
        if (dxf !== undefined && Number(dxf) >= dxfCount)
          problems.push(`${attr(sheet, "name")}: conditional format dxfId ${dxf} out of range`);
      }
  }
  return problems;
}

/** Fails the test with every problem when the workbook at `file` is not sound. */
export async function expectSoundWorkbook(file: string): Promise<void> {
  const problems = await soundnessProblems(readFileSync(file), file);
  if (problems.length) throw new Error(`${file} is not a sound workbook:\n${problems.join("\n")}`);
}
