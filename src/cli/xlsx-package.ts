import JSZip from "jszip";
import {
  type DefinedName,
  isLegacyOwnerName,
  isOwnedSheet,
  OWNER_NAME,
  ownerReference,
  quotedSheetName,
  referencedSheet,
  RESULTS_SHEET,
  type ResultsSheet,
  sameSheetName,
} from "../sheet";
import { putPart } from "./deflated-part";
import { unselectSheet } from "./sheet-selection";
import {
  isSegmentedPart,
  putSegmentedPart,
  type SegmentedPart,
  storedSegments,
} from "./segmented-part";
import * as M from "./messages";
import { REL, sheetXml, tableXml, type TablePart } from "./results-sheet-xml";
import { Styles } from "./styles-part";
import {
  attributeOf,
  childrenOf,
  element,
  elements,
  localName,
  newElement,
  parseXml,
  prefixedAttribute,
  rootOf,
  serializeXml,
  setAttribute,
  textNode,
  textOf,
  XmlError,
  type XmlNode,
} from "./xml-tree";

/**
 * Adds (or replaces) the `KPI Rewards` sheet inside an existing workbook package. Every other part —
 * the user's sheets, charts, pivot tables, macros — is copied byte for byte; only the workbook's sheet
 * list and defined names, its relationships, the content types and the styles get entries added,
 * edited through a real XML parser. A large workbook costs little more than its zip.
 */

/** A sheet called `KPI Rewards` (in any case) that KPI Rewards did not write: nothing is written. */
export class ForeignSheetError extends Error {}

/** A package that cannot be a sound workbook: missing or unreadable parts, or a wrong file type. */
export class PackageError extends Error {}

const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_DOCUMENT = `${REL}/officeDocument`;
const WORKSHEET_TYPE = `${REL}/worksheet`;
const TABLE_TYPE = `${REL}/table`;
const STYLES_TYPE = `${REL}/styles`;
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TABLE_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const STYLES_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** The workbook part's content type for each file extension Excel opens as a package. */
export const WORKBOOK_CONTENT: Record<string, string> = {
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  ".xltx": "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  ".xltm": "application/vnd.ms-excel.template.macroEnabled.main+xml",
};

interface Sheet {
  readonly node: XmlNode;
  readonly name: string;
  readonly relId: string;
}

/** An opened workbook package: the parts the writer edits, parsed; everything else untouched. */
export interface WorkbookPackage {
  readonly zip: JSZip;
  readonly workbookPath: string;
  readonly workbook: XmlNode[];
  readonly relationships: XmlNode[];
  readonly contentTypes: XmlNode[];
  /** Whether the workbook part is macro-enabled (an .xlsm or .xltm). */
  readonly macroEnabled: boolean;
}

async function partText(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  try {
    return await file.async("string");
  } catch (error) {
    throw new PackageError(M.partUnreadable(path, firstLine(error)));
  }
}

function firstLine(error: unknown): string {
  return (error as Error).message.split("\n")[0];
}

async function requiredPart(zip: JSZip, path: string, root: string): Promise<XmlNode[]> {
  const text = await partText(zip, path);
  if (text === undefined) throw new PackageError(M.missingPart(path));
  try {
    const document = parseXml(text);
    rootOf(document, root);
    return document;
  } catch (error) {
    if (error instanceof XmlError) throw new PackageError(M.unsoundPart(path, error.message));
    throw error;
  }
}

/** `xl/worksheets/sheet1.xml` from a relationship target seen from the folder `base`. */
export function partPath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").filter(Boolean);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

function folderOf(part: string): string {
  return part.slice(0, Math.max(0, part.lastIndexOf("/")));
}

/** The relationships part of `part`: `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function relationshipsOf(document: XmlNode[]): XmlNode[] {
  return elements(rootOf(document, "Relationships"), "Relationship");
}

function sheetsOf(workbook: XmlNode[]): Sheet[] {
  const list = element(rootOf(workbook, "workbook"), "sheets");
  return (list ? elements(list, "sheet") : []).map((node) => ({
    node,
    name: attributeOf(node, "name") ?? "",
    relId: prefixedAttribute(node, "id") ?? "",
  }));
}

/** The content type a part has: its Override, else the Default for its extension. */
export function contentTypeOf(contentTypes: XmlNode[], part: string): string | undefined {
  const types = rootOf(contentTypes, "Types");
  const override = elements(types, "Override").find(
    (o) => (attributeOf(o, "PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase()
  );
  if (override) return attributeOf(override, "ContentType");
  const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  const byDefault = elements(types, "Default").find(
    (d) => (attributeOf(d, "Extension") ?? "").toLowerCase() === extension
  );
  return byDefault ? attributeOf(byDefault, "ContentType") : undefined;
}

/**
 * Opens a workbook package and checks the parts a sound workbook cannot do without: the content
 * types, the workbook part with its relationships, and a part behind every sheet. A zip without its
 * central directory, a missing part or one that does not inflate is a PackageError, whatever the
 * caller goes on to do — so `--json` and the written workbook agree on which files are workbooks.
 */
export async function openPackage(bytes: Buffer): Promise<WorkbookPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new PackageError(M.unreadableWorkbook(firstLine(error), false));
  }
  const contentTypes = await requiredPart(zip, "[Content_Types].xml", "Types");
  const packageRels = await partText(zip, "_rels/.rels");
  let workbookPath = "xl/workbook.xml";
  if (packageRels !== undefined) {
    const main = (() => {
      try {
        return relationshipsOf(parseXml(packageRels)).find(
          (r) => attributeOf(r, "Type") === OFFICE_DOCUMENT
        );
      } catch {
        throw new PackageError(M.unsoundPart("_rels/.rels"));
      }
    })();
    if (main) workbookPath = partPath("", attributeOf(main, "Target") ?? "");
  }
  const workbook = await requiredPart(zip, workbookPath, "workbook");
  const relationships = await requiredPart(zip, relsPath(workbookPath), "Relationships");
  const byId = new Map(relationshipsOf(relationships).map((r) => [attributeOf(r, "Id"), r]));
  for (const sheet of sheetsOf(workbook)) {
    const relation = byId.get(sheet.relId);
    if (!relation) throw new PackageError(M.sheetWithoutPart(sheet.name, sheet.relId));
    const path = partPath(folderOf(workbookPath), attributeOf(relation, "Target") ?? "");
    const file = zip.file(path);
    if (!file) throw new PackageError(M.missingSheetPart(path, sheet.name));
  }
  const type = contentTypeOf(contentTypes, workbookPath) ?? "";
  return {
    zip,
    workbookPath,
    workbook,
    relationships,
    contentTypes,
    macroEnabled: /macroEnabled/i.test(type),
  };
}

/**
 * What the workbook's other tables and its defined names already take: table and defined names share
 * one namespace per workbook (upper-cased: Excel ignores case), and table ids are unique too.
 */
async function takenNames(
  pkg: WorkbookPackage,
  skip: ReadonlySet<string>
): Promise<{ names: Set<string>; highestTableId: number }> {
  const names = new Set<string>();
  let highestTableId = 0;
  const definedNames = element(rootOf(pkg.workbook, "workbook"), "definedNames");
  for (const name of definedNames ? elements(definedNames, "definedName") : [])
    names.add((attributeOf(name, "name") ?? "").toUpperCase());
  for (const override of elements(rootOf(pkg.contentTypes, "Types"), "Override")) {
    if (attributeOf(override, "ContentType") !== TABLE_CONTENT) continue;
    const part = (attributeOf(override, "PartName") ?? "").replace(/^\//, "");
    if (skip.has(part)) continue;
    const text = await partText(pkg.zip, part);
    if (text === undefined) continue;
    let root: XmlNode;
    try {
      root = rootOf(parseXml(text), "table");
    } catch (error) {
      throw new PackageError(M.unsoundTablePart(part, firstLine(error)));
    }
    for (const attribute of ["name", "displayName"]) {
      const value = attributeOf(root, attribute);
      if (value) names.add(value.toUpperCase());
    }
    highestTableId = Math.max(highestTableId, Number(attributeOf(root, "id")) || 0);
  }
  return { names, highestTableId };
}

/** `KpiResults`, or `KpiResults2`, `KpiResults3`… when the workbook already holds the name. */
export function uniqueName(wanted: string, used: Set<string>): string {
  let name = wanted;
  for (let n = 2; used.has(name.toUpperCase()); n++) name = `${wanted}${n}`;
  used.add(name.toUpperCase());
  return name;
}

function definedNamesOf(workbook: XmlNode[], sheets: readonly Sheet[]) {
  const list = element(rootOf(workbook, "workbook"), "definedNames");
  return (list ? elements(list, "definedName") : []).map((node) => {
    const local = attributeOf(node, "localSheetId");
    const name: DefinedName = {
      name: attributeOf(node, "name") ?? "",
      formula: textOf(node),
      sheet: local === undefined ? undefined : (sheets[Number(local)]?.name ?? `#${local}`),
    };
    return { node, name, localSheetId: local === undefined ? undefined : Number(local) };
  });
}

/** Inserts `child` into `parent` before the first of `before` present, else at the end (schema order). */
function insertChild(parent: XmlNode, child: XmlNode, before: readonly string[]): void {
  const children = childrenOf(parent);
  const at = children.findIndex((c) => before.includes(localName(c) ?? ""));
  if (at < 0) children.push(child);
  else children.splice(at, 0, child);
}

function removeChild(parent: XmlNode, child: XmlNode): void {
  const children = childrenOf(parent);
  const at = children.indexOf(child);
  if (at >= 0) children.splice(at, 1);
}

/** Workbook children that follow `definedNames` in the schema's order. */
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

const PRINT_TITLES = "_xlnm.Print_Titles";

/**
 * The workbook opens on the results sheet: it becomes the active tab, and the other sheets lose their
 * "selected" mark (one attribute of their sheet view), else Excel would open them grouped with it.
 */
async function openOn(
  pkg: WorkbookPackage,
  sheetIndex: number,
  written: ReadonlySet<number>
): Promise<void> {
  const workbookRoot = rootOf(pkg.workbook, "workbook");
  let views = element(workbookRoot, "bookViews");
  if (!views) {
    views = newElement(workbookRoot, "bookViews", {});
    insertChild(workbookRoot, views, ["sheets"]);
  }
  let view = element(views, "workbookView");
  if (!view) {
    view = newElement(views, "workbookView", {});
    childrenOf(views).push(view);
  }
  setAttribute(view, "activeTab", String(sheetIndex));
  const firstSheet = Number(attributeOf(view, "firstSheet") ?? 0);
  if (firstSheet > sheetIndex) setAttribute(view, "firstSheet", String(sheetIndex));
  const base = folderOf(pkg.workbookPath);
  const relations = relationshipsOf(pkg.relationships);
  for (const [index, other] of sheetsOf(pkg.workbook).entries()) {
    // Our other sheets were just written unselected.
    if (index === sheetIndex || written.has(index)) continue;
    const relation = relations.find((r) => attributeOf(r, "Id") === other.relId);
    const part = relation && partPath(base, attributeOf(relation, "Target") ?? "");
    // A part we stored in segments (KPI History, 140 MB after two years) was written unselected.
    if (part && storedSegments(pkg.zip, part)) continue;
    if (part) await unselectSheet(pkg.zip, part, () => partText(pkg.zip, part));
  }
}

export interface WriteOptions {
  /** The output file's extension (`.xlsx`, `.xlsm`…): the workbook's content type must match it. */
  readonly extension: string;
}

/** A macro-enabled workbook cannot be saved as .xlsx: Excel refuses to open the result. */
export class MacroWorkbookError extends Error {}

/** A sheet KPI Rewards owns (`KPI Rewards`, `KPI History`), ready to be rendered into a package. */
export interface OwnedSheet {
  readonly name: string;
  /** The names its tables want; the workbook's other names may suffix them (`KpiResults2`). */
  readonly tableNames: readonly string[];
  /** The worksheet part and its table parts, with the table names and relationship ids given. */
  readonly render: (
    styles: Styles,
    date1904: boolean,
    tableNames: readonly string[],
    tableRelIds: readonly string[]
  ) => { xml: string | Buffer | SegmentedPart; tables: TablePart[] };
  /** 0-based first and last row printed on every page, when the sheet has print titles. */
  readonly printRows?: readonly [number, number];
  /** The workbook opens on this sheet. */
  readonly active?: boolean;
}

/** Who a sheet name belongs to in a package: nobody yet, KPI Rewards, or the user. */
export type SheetOwner =
  | { readonly kind: "absent" }
  | { readonly kind: "ours"; readonly name: string }
  | { readonly kind: "foreign"; readonly name: string };

/** Whether the package holds a sheet called `name` (in any case), and whether KPI Rewards wrote it. */
export function sheetOwner(pkg: WorkbookPackage, name: string): SheetOwner {
  const sheets = sheetsOf(pkg.workbook);
  const found = sheets.find((s) => sameSheetName(s.name, name));
  if (!found) return { kind: "absent" };
  const names = definedNamesOf(pkg.workbook, sheets).map((n) => n.name);
  return isOwnedSheet(found.name, names)
    ? { kind: "ours", name: found.name }
    : { kind: "foreign", name: found.name };
}

/** The package part of a sheet, found by its name (in any case). */
export function sheetPartOf(pkg: WorkbookPackage, name: string): string | undefined {
  const sheet = sheetsOf(pkg.workbook).find((s) => sameSheetName(s.name, name));
  if (!sheet) return undefined;
  const relation = relationshipsOf(pkg.relationships).find(
    (r) => attributeOf(r, "Id") === sheet.relId
  );
  return relation && partPath(folderOf(pkg.workbookPath), attributeOf(relation, "Target") ?? "");
}

/** Refused before anything is changed: a sheet under one of our names that KPI Rewards did not write. */
export function refuseForeignSheets(pkg: WorkbookPackage, names: readonly string[]): void {
  for (const name of names) {
    const owner = sheetOwner(pkg, name);
    if (owner.kind === "foreign") throw new ForeignSheetError(M.foreignSheet(owner.name));
  }
}

/** Where an owned sheet goes: its part, its position, and the table parts of the sheet it replaces. */
interface Placement {
  readonly sheetPath: string;
  readonly sheetIndex: number;
  readonly replacedTables: readonly string[];
}

/**
 * Puts the sheet `name` in the workbook's sheet list: our previous sheet of that name is replaced in
 * place (same position, sheetId and relationship, so no other sheet's index shifts and every
 * sheet-scoped name of the other sheets keeps its localSheetId); else a new sheet is appended.
 */
async function placeSheet(pkg: WorkbookPackage, name: string): Promise<Placement> {
  const { zip } = pkg;
  const workbookRoot = rootOf(pkg.workbook, "workbook");
  const relsRoot = rootOf(pkg.relationships, "Relationships");
  const base = folderOf(pkg.workbookPath);
  const sheets = sheetsOf(pkg.workbook);
  const relations = relationshipsOf(pkg.relationships);
  const existing = sheets.findIndex((s) => sameSheetName(s.name, name));
  if (existing >= 0) {
    const old = sheets[existing];
    setAttribute(old.node, "name", name);
    const relation = relations.find((r) => attributeOf(r, "Id") === old.relId)!;
    const sheetPath = partPath(base, attributeOf(relation, "Target") ?? "");
    const oldRels = await partText(zip, relsPath(sheetPath));
    const replacedTables = (oldRels ? relationshipsOf(parseXml(oldRels)) : [])
      .filter((rel) => attributeOf(rel, "Type") === TABLE_TYPE)
      .map((rel) => partPath(folderOf(sheetPath), attributeOf(rel, "Target") ?? ""));
    // Names scoped to our old sheet were ours (the owner mark, print titles); a legacy
    // workbook-scoped owner mark pointing at it gives way to the sheet-scoped one.
    const list = element(workbookRoot, "definedNames");
    for (const entry of definedNamesOf(pkg.workbook, sheets)) {
      const legacy =
        isLegacyOwnerName(entry.name) &&
        sameSheetName(referencedSheet(entry.name.formula) ?? "", old.name);
      if (list && (entry.localSheetId === existing || legacy)) removeChild(list, entry.node);
    }
    return { sheetPath, sheetIndex: existing, replacedTables };
  }
  let n = 1;
  while (zip.file(`${base}/worksheets/sheet${n}.xml`)) n++;
  const sheetPath = `${base}/worksheets/sheet${n}.xml`;
  // Claimed now, so a second new sheet in the same write takes the next number.
  zip.file(sheetPath, "");
  const ids = new Set(relations.map((r) => attributeOf(r, "Id")));
  let relNumber = relations.length + 1;
  while (ids.has(`rId${relNumber}`)) relNumber++;
  const sheetIds = sheets.map((s) => Number(attributeOf(s.node, "sheetId") ?? 0));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  let list = element(workbookRoot, "sheets");
  if (!list) {
    list = newElement(workbookRoot, "sheets", {});
    insertChild(workbookRoot, list, [
      "functionGroups",
      "externalReferences",
      "definedNames",
      ...AFTER_DEFINED_NAMES,
    ]);
  }
  // The r: prefix is declared on the root by every producer; declare it when it is not.
  const rPrefix =
    Object.entries((workbookRoot[":@"] as Record<string, string>) ?? {})
      .find(([k, v]) => k.startsWith("xmlns:") && v === REL)?.[0]
      .slice("xmlns:".length) ?? "r";
  if (rPrefix === "r" && attributeOf(workbookRoot, "xmlns:r") === undefined)
    setAttribute(workbookRoot, "xmlns:r", REL);
  childrenOf(list).push(
    newElement(list, "sheet", {
      name,
      sheetId: String(sheetId),
      [`${rPrefix}:id`]: `rId${relNumber}`,
    })
  );
  childrenOf(relsRoot).push(
    newElement(relations[0] ?? relsRoot, "Relationship", {
      Id: `rId${relNumber}`,
      Type: WORKSHEET_TYPE,
      Target: sheetPath.slice(base.length + 1),
    })
  );
  addOverride(rootOf(pkg.contentTypes, "Types"), sheetPath, WORKSHEET_CONTENT);
  return { sheetPath, sheetIndex: sheets.length, replacedTables: [] };
}

/** Returns the package's bytes with the results sheet added, or replacing our previous one. */
export async function addResultsSheet(
  pkg: WorkbookPackage,
  sheet: ResultsSheet,
  options: WriteOptions
): Promise<Buffer> {
  return addOwnedSheets(pkg, [resultsSheetPart(sheet)], options);
}

/** The `KPI Rewards` sheet as an owned sheet: the workbook opens on it, its header rows print on every page. */
export function resultsSheetPart(sheet: ResultsSheet): OwnedSheet {
  return {
    name: RESULTS_SHEET,
    tableNames: sheet.tables.map(({ table }) => table.name),
    render: (styles, date1904, tableNames, relIds) =>
      sheetXml(sheet, styles, date1904, tableNames, relIds),
    printRows: sheet.print.repeatRows,
    active: true,
  };
}

/**
 * Returns the package's bytes with each owned sheet added, or replacing our previous one of its name,
 * all in one package: either every sheet is written or, when anything fails, none (the caller writes
 * the bytes to a temporary file and renames it). A sheet of one of those names that KPI Rewards did not
 * write is refused before anything changes.
 */
export async function addOwnedSheets(
  pkg: WorkbookPackage,
  owned: readonly OwnedSheet[],
  options: WriteOptions
): Promise<Buffer> {
  const { zip, workbookPath } = pkg;
  const extension = options.extension.toLowerCase();
  const wantedType = WORKBOOK_CONTENT[extension];
  if (!wantedType) throw new PackageError(M.cannotWriteAs(extension));
  if (pkg.macroEnabled && !/macroEnabled/i.test(wantedType))
    throw new MacroWorkbookError(M.macrosNeedXlsm(extension));
  refuseForeignSheets(
    pkg,
    owned.map((sheet) => sheet.name)
  );

  const workbookRoot = rootOf(pkg.workbook, "workbook");
  const relsRoot = rootOf(pkg.relationships, "Relationships");
  const typesRoot = rootOf(pkg.contentTypes, "Types");
  const base = folderOf(workbookPath);
  const relations = relationshipsOf(pkg.relationships);
  const placements: Placement[] = [];
  for (const sheet of owned) placements.push(await placeSheet(pkg, sheet.name));

  // Our previous tables go; the new ones get names and ids unused anywhere else in the workbook.
  const replacedTables = new Set(placements.flatMap((p) => p.replacedTables));
  for (const table of replacedTables) {
    zip.remove(table);
    removeOverride(typesRoot, table);
  }
  const taken = await takenNames(pkg, replacedTables);
  taken.names.add(OWNER_NAME.toUpperCase());
  let nextTableId = taken.highestTableId + 1;
  let nextTableFile = 1;
  const originalStyles = await styleText(pkg, base);
  let styles: Styles;
  try {
    styles = new Styles(originalStyles?.text);
  } catch (error) {
    throw new PackageError(M.unsoundPart(String(originalStyles?.path), firstLine(error)));
  }
  const date1904 = isDate1904(pkg.workbook);
  let list = element(workbookRoot, "definedNames");
  if (!list) {
    list = newElement(workbookRoot, "definedNames", {});
    insertChild(workbookRoot, list, AFTER_DEFINED_NAMES);
  }
  for (const [i, sheet] of owned.entries()) {
    const { sheetPath, sheetIndex } = placements[i];
    const tableNames = sheet.tableNames.map((name) => uniqueName(name, taken.names));
    const relIds = tableNames.map((_, t) => `rId${t + 1}`);
    const { xml, tables } = sheet.render(styles, date1904, tableNames, relIds);
    const sheetRels: string[] = [];
    tables.forEach((table, t) => {
      while (zip.file(`${base}/tables/table${nextTableFile}.xml`)) nextTableFile++;
      const path = `${base}/tables/table${nextTableFile}.xml`;
      zip.file(path, tableXml(table, nextTableId++));
      addOverride(typesRoot, path, TABLE_CONTENT);
      sheetRels.push(
        `<Relationship Id="${relIds[t]}" Type="${TABLE_TYPE}" Target="${relativeTarget(folderOf(sheetPath), path)}"/>`
      );
    });
    if (isSegmentedPart(xml)) putSegmentedPart(zip, sheetPath, xml);
    else putPart(zip, sheetPath, xml);
    zip.file(
      relsPath(sheetPath),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL}">${sheetRels.join("")}</Relationships>`
    );
    // The ownership mark: scoped to the sheet, pointing at its first cell.
    childrenOf(list).push(
      newElement(list, "definedName", { name: OWNER_NAME, localSheetId: String(sheetIndex) }, [
        textNode(ownerReference(sheet.name)),
      ])
    );
    // Printed pages repeat the header rows (a name scoped to our sheet, replaced with it next time).
    if (sheet.printRows) {
      const [firstRow, lastRow] = sheet.printRows;
      childrenOf(list).push(
        newElement(list, "definedName", { name: PRINT_TITLES, localSheetId: String(sheetIndex) }, [
          textNode(`${quotedSheetName(sheet.name)}!$${firstRow + 1}:$${lastRow + 1}`),
        ])
      );
    }
  }
  const stylesPath = originalStyles?.path ?? `${base}/styles.xml`;
  zip.file(stylesPath, styles.result);
  if (!originalStyles) {
    const ids = new Set(relationshipsOf(pkg.relationships).map((r) => attributeOf(r, "Id")));
    let n = 1;
    while (ids.has(`rIdKpiStyles${n}`)) n++;
    childrenOf(relsRoot).push(
      newElement(relations[0] ?? relsRoot, "Relationship", {
        Id: `rIdKpiStyles${n}`,
        Type: STYLES_TYPE,
        Target: stylesPath.slice(base.length + 1),
      })
    );
    removeOverride(typesRoot, stylesPath);
    addOverride(typesRoot, stylesPath, STYLES_CONTENT);
  }
  const active = owned.findIndex((sheet) => sheet.active);
  if (active >= 0)
    await openOn(pkg, placements[active].sheetIndex, new Set(placements.map((p) => p.sheetIndex)));

  setWorkbookType(typesRoot, workbookPath, wantedType);
  zip.file(workbookPath, serializeXml(pkg.workbook));
  zip.file(relsPath(workbookPath), serializeXml(pkg.relationships));
  zip.file("[Content_Types].xml", serializeXml(pkg.contentTypes));
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

/** The target of a relationship from `folder` to `part`: `../tables/table1.xml`. */
function relativeTarget(folder: string, part: string): string {
  const from = folder.split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

async function styleText(
  pkg: WorkbookPackage,
  base: string
): Promise<{ path: string; text: string } | undefined> {
  const relation = relationshipsOf(pkg.relationships).find(
    (r) => attributeOf(r, "Type") === STYLES_TYPE
  );
  if (!relation) return undefined;
  const path = partPath(base, attributeOf(relation, "Target") ?? "");
  const text = await partText(pkg.zip, path);
  if (text === undefined) throw new PackageError(M.missingPart(path));
  return { path, text };
}

function addOverride(types: XmlNode, part: string, contentType: string): void {
  const sibling = elements(types, "Override")[0] ?? elements(types, "Default")[0] ?? types;
  insertChild(
    types,
    newElement(sibling, "Override", { PartName: `/${part}`, ContentType: contentType }),
    []
  );
}

function removeOverride(types: XmlNode, part: string): void {
  for (const override of elements(types, "Override"))
    if ((attributeOf(override, "PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase())
      removeChild(types, override);
}

/** The workbook part's content type follows the file's extension (.xlsx ↔ .xlsm). */
function setWorkbookType(types: XmlNode, workbookPath: string, contentType: string): void {
  const override = elements(types, "Override").find(
    (o) => (attributeOf(o, "PartName") ?? "").toLowerCase() === `/${workbookPath}`.toLowerCase()
  );
  if (override) setAttribute(override, "ContentType", contentType);
  else addOverride(types, workbookPath, contentType);
}

/** The workbook's date system: `workbookPr/@date1904` in any boolean spelling. */
export function isDate1904(workbook: XmlNode[]): boolean {
  const pr = element(rootOf(workbook, "workbook"), "workbookPr");
  const value = pr ? attributeOf(pr, "date1904") : undefined;
  return value === "1" || value === "true";
}
