/**
 * A faithful in-memory Excel for the Office.js layer: `Excel.run`, `RequestContext.sync`, proxy objects
 * whose properties throw when read before `load` + `sync`, queued writes applied at `sync`, null
 * objects, worksheets, ranges by address, used ranges, values, number formats, tables, conditional
 * formats, names, document settings and the selection. Runs in Node (Jest) and in the browser (the pane's
 * tests).
 *
 * It enforces the platform's limits as Excel on the web does ("Resource limits and performance optimization
 * for Office Add-ins"): a request or a response over 5 MB fails the whole sync with
 * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, and no value of that sync reaches
 * the proxies; a range read of more than 5 million cells fails. Sizes are the UTF-8 bytes of the JSON
 * Office.js exchanges: each object path and action costs what its JSON costs, a response is the JSON of
 * the loaded values. When `Excel.run` ends, its proxies are dead: syncing their context fails with
 * InvalidObjectPath, and passing one to another context fails with InvalidRequestContext.
 *
 * The write side models what a safe write depends on: sheet ids, sheet names unique without regard to
 * case (and Excel's 31-character, no `[]:*?/\` rule), workbook- and sheet-scoped defined names whose
 * formulas follow a renamed sheet and turn `#REF!` when it is deleted, table names unique in the
 * workbook and distinct from defined names, the 1900/1904 date system, and a failure injected at any
 * queued operation (`failAt`). The API version is the host's (`excelApi`): Table.resize needs 1.13
 * and keeps the header row where it is, page layout and the worksheets' onChanged event 1.9.
 */

export type Value = string | number | boolean;

export interface TableState {
  name: string;
  sheet: SheetState;
  top: number;
  left: number;
  rowCount: number;
  columnCount: number;
  style: string;
  /** A table without a header row (Table.showHeaders false) starts with data. */
  showHeaders: boolean;
  /** A shown totals row is the table's last row (Table.showTotals). */
  showTotals: boolean;
}

export interface ConditionalFormatState {
  address: string;
  type: string;
  rule?: { formula1: string; operator: string };
  fill?: string;
  font?: string;
  barColor?: string;
}

/**
 * A defined name: the cell box it refers to on `sheet` (which may since have been deleted), or a
 * constant formula such as `="text"`.
 */
export interface NameState {
  name: string;
  sheet?: SheetState;
  box?: Box;
  constant?: string;
  comment: string;
}

let sheetIds = 0;

export class SheetState {
  /** Names scoped to this sheet (Office.js `worksheet.names`); they go when the sheet is deleted. */
  readonly names = new Map<string, NameState>();
  /** Row → its values by column; blank cells are holes. Arrays keep a million-row sheet light. */
  readonly cells = new Map<number, Value[]>();
  readonly formats = new Map<number, Map<number, string>>();
  readonly conditionalFormats: ConditionalFormatState[] = [];
  /** Cell looks set through range.format, in order: which range, which property, which value. */
  readonly looks: { address: string; what: string; value: unknown }[] = [];
  frozenRows = 0;
  /** What worksheet.pageLayout was given (ExcelApi 1.9). */
  readonly pageLayout: Record<string, unknown> = {};
  /** Cells whose text Excel took as a formula: text starting with "=" written into a cell not formatted "@". */
  readonly formulas = new Map<string, string>();
  visible = true;
  /** Worksheet ids are stable across renames, as in Excel. */
  readonly id = `{sheet-${++sheetIds}}`;
  constructor(public name: string) {}

  get(row: number, column: number): Value {
    return this.cells.get(row)?.[column] ?? "";
  }

  set(row: number, column: number, value: Value): void {
    if (this.formulas.size > 0) this.formulas.delete(`${row},${column}`);
    if (typeof value === "string" && value.startsWith("=") && this.format(row, column) !== "@") {
      this.formulas.set(`${row},${column}`, value);
      value = "#FORMULA!";
    }
    let cells = this.cells.get(row);
    if (!cells) this.cells.set(row, (cells = []));
    if (value === "" || value === null || value === undefined) delete cells[column];
    else cells[column] = value;
  }

  format(row: number, column: number): string {
    return this.formats.get(row)?.get(column) ?? "General";
  }

  setFormat(row: number, column: number, format: string): void {
    let formats = this.formats.get(row);
    if (!formats) this.formats.set(row, (formats = new Map()));
    formats.set(column, format);
  }

  /** The bounding box of the cells holding values, or undefined when the sheet is empty. */
  usedBox(): Box | undefined {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const [row, cells] of this.cells) {
      let last = cells.length - 1;
      while (last >= 0 && cells[last] === undefined) last--;
      if (last < 0) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      right = Math.max(right, last);
      left = Math.min(
        left,
        cells.findIndex((value) => value !== undefined)
      );
    }
    return bottom < 0
      ? undefined
      : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }
}

export interface Box {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export class WorkbookState {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  /** Workbook-scoped names (Office.js `workbook.names`). */
  names = new Map<string, NameState>();
  settings = new Map<string, unknown>();
  savedSettings = new Map<string, unknown>();
  selection: { sheet: SheetState; box: Box } | undefined;
  active: SheetState | undefined;
  date1904 = false;
  /** Every sync's request size in bytes. */
  readonly requests: number[] = [];
  /** Every sync's response size in bytes (the JSON of the values it loaded). */
  readonly responses: number[] = [];
  /** The most cells any one range load returned. */
  largestRead = 0;
  /** Called before each queued operation runs, with its name and its index among every operation run. */
  beforeOperation: (name: string, index: number) => void = () => undefined;
  /** How many queued operations have run (or been attempted) so far. */
  operations = 0;
  /** Awaited before each sync is sent: a test can hold Excel "busy" while it acts on the pane. */
  beforeSync: () => Promise<void> | void = () => undefined;
  maxRequestBytes = 5 * 1024 * 1024;
  maxResponseBytes = 5 * 1024 * 1024;
  maxReadCells = 5_000_000;
  /** While the user is editing a cell: settles when they leave it (see `editCell`). */
  cellEdit: Promise<void> | undefined;
  /**
   * The ExcelApi version the host supports (events on the worksheet collection need 1.9, Table.resize
   * 1.13). Compared by minor number (1.13 is later than 1.9); write 1.10 as the string "1.10".
   */
  excelApi: number | string = 1.13;

  /** Whether the host supports ExcelApi `version` ("1.13"), as `isSetSupported` answers. */
  supports(version: number | string): boolean {
    const minor = (v: number | string) => Number(String(v).split(".")[1] ?? "0");
    return minor(version) <= minor(this.excelApi);
  }
  /** Registered worksheet-collection event handlers, by event ("onChanged", "onAdded", "onDeleted"). */
  readonly handlers = new Map<string, ((args: Record<string, unknown>) => unknown)[]>();

  /** Raises a worksheet-collection event after the current request, as Excel does. */
  raise(event: "onChanged" | "onAdded" | "onDeleted", sheet: SheetState, address = ""): void {
    const args: Record<string, unknown> = {
      worksheetId: sheet.id,
      source: "Local",
      type: {
        onChanged: "WorksheetChanged",
        onAdded: "WorksheetAdded",
        onDeleted: "WorksheetDeleted",
      }[event],
    };
    if (event === "onChanged") Object.assign(args, { address, changeType: "RangeEdited" });
    for (const handler of this.handlers.get(event) ?? []) setTimeout(() => handler(args), 0);
  }

  /** The user types a value into a cell: the cell changes and onChanged fires. */
  typeInto(sheetName: string, row: number, column: number, value: Value): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    sheet.set(row, column, value);
    this.raise("onChanged", sheet, `${columnLetters(column)}${row + 1}`);
  }

  get syncs(): number {
    return this.requests.length;
  }

  /** The user starts typing in a cell; call the returned function when they press Enter. */
  editCell(): () => void {
    let leave!: () => void;
    this.cellEdit = new Promise((resolve) => (leave = resolve));
    return () => {
      this.cellEdit = undefined;
      leave();
    };
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Fails the operation with this index (counted from the next one run: `failAt(0)`), and only it. */
  failAt(index: number, message = "Excel could not complete the operation"): void {
    const target = this.operations + index;
    this.beforeOperation = (name, at) => {
      if (at === target) throw new FakeExcelError("GeneralException", `${message} (${name})`);
    };
  }

  /** Fails every operation from this index on: Excel stopped answering. */
  failFrom(index: number, message = "Excel stopped responding"): void {
    const target = this.operations + index;
    this.beforeOperation = (name, at) => {
      if (at >= target) throw new FakeExcelError("GeneralException", `${message} (${name})`);
    };
  }

  /** A workbook-scoped name, found without regard to case as Excel finds names. */
  name(name: string): NameState | undefined {
    return findName(this.names, name);
  }

  /**
   * Excel's table AutoExpand, which range writes through the API trigger too: values written on the
   * row right under a table (without a totals row), within its columns, make the table grow over the
   * written rows.
   */
  autoExpand(sheet: SheetState, box: Box): void {
    for (const t of this.tables)
      if (
        t.sheet === sheet &&
        !t.showTotals &&
        box.top === t.top + t.rowCount &&
        box.left < t.left + t.columnCount &&
        box.left + box.columns > t.left
      )
        t.rowCount += box.rows;
  }

  /** Whether a table or a workbook-scoped name already uses `name`: they share one namespace. */
  nameInUse(name: string, except?: TableState): boolean {
    const key = name.toLowerCase();
    return (
      this.tables.some((t) => t !== except && t.name.toLowerCase() === key) ||
      this.name(name) !== undefined
    );
  }

  /** The serial of a date in this workbook's date system (1904 workbooks count from 1 Jan 1904). */
  serialOf(iso: string): number {
    const [y, m, d] = iso.split("-").map(Number);
    const serial = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
    return this.date1904 ? serial - 1462 : serial;
  }

  /** The date a serial shows in this workbook, as Excel displays a `yyyy-mm-dd` cell. */
  dateOf(serial: number): string {
    const days = serial + (this.date1904 ? 1462 : 0);
    return new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10);
  }

  addSheet(name: string, rows: Value[][] = [], top = 0, left = 0): SheetState {
    if (this.sheet(name))
      throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    checkSheetName(name);
    const sheet = new SheetState(name);
    // Cells given here are what the user typed as text (a leading "=" included).
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (typeof value === "string" && value.startsWith("="))
          sheet.setFormat(top + r, left + c, "@");
        sheet.set(top + r, left + c, value);
      })
    );
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  addTable(
    sheet: SheetState,
    box: Box,
    name: string,
    shape: { showHeaders?: boolean; showTotals?: boolean } = {}
  ): TableState {
    if (this.nameInUse(name)) {
      throw new FakeExcelError("InvalidArgument", `A table named ${name} already exists.`);
    }
    const table: TableState = {
      name,
      sheet,
      top: box.top,
      left: box.left,
      rowCount: box.rows,
      columnCount: box.columns,
      style: "TableStyleMedium2",
      showHeaders: shape.showHeaders ?? true,
      showTotals: shape.showTotals ?? false,
    };
    this.tables.push(table);
    return table;
  }

  /** The values of a box, as Range.values returns them. */
  values(sheet: SheetState, box: Box): Value[][] {
    const rows: Value[][] = new Array(box.rows);
    for (let r = 0; r < box.rows; r++) {
      const cells = sheet.cells.get(box.top + r);
      const row: Value[] = new Array(box.columns);
      for (let c = 0; c < box.columns; c++) row[c] = cells?.[box.left + c] ?? "";
      rows[r] = row;
    }
    return rows;
  }
}

function findName(names: Map<string, NameState>, name: string): NameState | undefined {
  for (const [key, item] of names) if (key.toLowerCase() === name.toLowerCase()) return item;
  return undefined;
}

/** Excel's rule for sheet names: 1–31 characters, none of `[]:*?/\`, not starting or ending with `'`. */
function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
    throw new FakeExcelError("InvalidArgument", `The sheet name ${name} is not valid.`);
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

// ---- addresses -------------------------------------------------------------------------------------

const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function columnLetters(column: number): string {
  let name = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `A1`, `A1:D20`, `A:L` (whole columns), `1:50000` (whole rows). */
export function parseBox(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = local.replace(/\$/g, "").split(":");
  const part = (text: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(text);
    if (!m || (m[1] === "" && m[2] === ""))
      throw new FakeExcelError("InvalidArgument", `Bad address ${address}`);
    return {
      column: m[1] ? columnIndex(m[1]) : undefined,
      row: m[2] ? Number(m[2]) - 1 : undefined,
    };
  };
  const p = part(a);
  const q = part(b);
  const top = p.row ?? 0;
  const bottom = q.row ?? EXCEL_ROWS - 1;
  const left = p.column ?? 0;
  const right = q.column ?? EXCEL_COLUMNS - 1;
  return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}

export function boxAddress(box: Box): string {
  const first = `${columnLetters(box.left)}${box.top + 1}`;
  if (box.rows === 1 && box.columns === 1) return first;
  return `${first}:${columnLetters(box.left + box.columns - 1)}${box.top + box.rows}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function intersect(a: Box, b: Box): Box | undefined {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.top + a.rows, b.top + b.rows);
  const right = Math.min(a.left + a.columns, b.left + b.columns);
  return bottom > top && right > left
    ? { top, left, rows: bottom - top, columns: right - left }
    : undefined;
}

// ---- the request context -------------------------------------------------------------------------

interface Operation {
  name: string;
  run: () => void;
}

/** A proxy's target, found when the batch runs (like Office.js object paths). */
type Resolver<T> = () => T | undefined;

/** UTF-8 bytes of a string, as it travels between the add-in and Excel. */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/**
 * What Office.js sends per object path (e.g. `{"Id":6,"ObjectPathType":3,"Name":"getRangeByIndexes",
 * "ParentObjectPathId":5,"ArgumentInfo":{"Arguments":[…]}}` plus its instantiate action) and per action
 * (`{"Id":7,"ActionType":2,"Name":"","ObjectPathId":6,"QueryInfo":{"Select":[…]}}`), before arguments.
 */
const OBJECT_PATH_BYTES = 170;
const ACTION_BYTES = 90;

class Context {
  private queue: Operation[] = [];
  private bytes = 0;
  /** Set when the `Excel.run` that made this context has ended: its proxies are dead. */
  ended = false;
  /** Bytes of values this sync returns; loads add to it as the batch runs. */
  response = 0;
  readonly workbook: FakeWorkbook;

  constructor(readonly state: WorkbookState) {
    this.workbook = new FakeWorkbook(this);
  }

  /** A new object path (a proxy made by a method), which the next request carries. */
  path(name: string, args: unknown = null): void {
    this.bytes +=
      OBJECT_PATH_BYTES + name.length + (args === null ? 0 : utf8Bytes(JSON.stringify(args)));
  }

  enqueue(name: string, run: () => void, payload: unknown = null): void {
    this.queue.push({ name, run });
    this.bytes += ACTION_BYTES + (payload === null ? 0 : utf8Bytes(JSON.stringify(payload)));
  }

  /** Office.js refuses a proxy of another context as an argument. */
  check(other: Loadable): void {
    if ((other as unknown as { context: Context }).context !== this)
      throw new FakeExcelError(
        "InvalidRequestContext",
        "Cannot use the object across different request contexts."
      );
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    const bytes = this.bytes;
    this.queue = [];
    this.bytes = 0;
    if (this.ended && batch.length > 0) {
      throw new FakeExcelError(
        "InvalidObjectPath",
        `The object path isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`
      );
    }
    await this.state.beforeSync();
    this.state.requests.push(bytes);
    if (bytes > this.state.maxRequestBytes) {
      this.state.responses.push(0);
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${bytes} bytes) has exceeded the limit.`
      );
    }
    this.response = 0;
    const delivered: (() => void)[] = [];
    this.deliver = (commit) => delivered.push(commit);
    try {
      for (const op of batch) {
        this.state.beforeOperation(op.name, this.state.operations++);
        op.run();
      }
    } finally {
      this.state.responses.push(this.response);
    }
    if (this.response > this.state.maxResponseBytes) {
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${this.response} bytes) has exceeded the limit.`
      );
    }
    // Loaded values reach the proxies only with a response that arrived.
    for (const commit of delivered) commit();
  }

  /** Set by `sync`: loads hand their values over only once the whole response is known to fit. */
  deliver: (commit: () => void) => void = (commit) => commit();
}

/** Loaded properties of a proxy: reading one that was not loaded and synced throws, as in Office.js. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  protected nullObject: boolean | undefined;

  constructor(protected readonly context: Context) {}

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this.loaded.get(property) as T;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined)
      throw new FakeExcelError(
        "PropertyNotLoaded",
        "isNullObject is known only after context.sync()."
      );
    return this.nullObject;
  }

  /** `snapshot` gives the requested properties' values, or undefined when the object does not exist. */
  protected loadFrom(
    properties: string | string[] | undefined,
    snapshot: (names: string[]) => Record<string, unknown> | undefined,
    orNull: boolean
  ): this {
    const names = (Array.isArray(properties) ? properties : (properties ?? "").split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    this.context.enqueue(
      `load ${names.join(",")}`,
      () => {
        const values = snapshot(names);
        if (!values) {
          if (!orNull)
            throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist.");
          this.context.response += 16;
          this.context.deliver(() => (this.nullObject = true));
          return;
        }
        for (const name of names)
          if (!(name in values))
            throw new FakeExcelError("PropertyNotFound", `Unknown property ${name}`);
        const picked = names.map((name) => [name, values[name]] as [string, unknown]);
        this.context.response += utf8Bytes(JSON.stringify(Object.fromEntries(picked)));
        this.context.deliver(() => {
          this.nullObject = false;
          for (const [name, value] of picked) this.loaded.set(name, value);
        });
      },
      names
    );
    return this;
  }
}

class FakeRange extends Loadable {
  constructor(
    context: Context,
    private readonly locate: Resolver<{ sheet: SheetState; box: Box }>,
    private readonly orNull = false
  ) {
    super(context);
  }

  private target(): { sheet: SheetState; box: Box } {
    const found = this.locate();
    if (!found) throw new FakeExcelError("ItemNotFound", "The range does not exist.");
    return found;
  }

  load(properties?: string | string[]): this {
    return this.loadFrom(
      properties,
      (names) => {
        const found = this.locate();
        if (!found) return undefined;
        const { sheet, box } = found;
        const state = this.context.state;
        const cells = box.rows * box.columns;
        const properties: Record<string, () => unknown> = {
          values: () => state.values(sheet, box),
          numberFormat: () =>
            Array.from({ length: box.rows }, (_, r) =>
              Array.from({ length: box.columns }, (_, c) => sheet.format(box.top + r, box.left + c))
            ),
          address: () => `${quoteSheet(sheet.name)}!${boxAddress(box)}`,
          rowIndex: () => box.top,
          columnIndex: () => box.left,
          rowCount: () => box.rows,
          columnCount: () => box.columns,
        };
        if (names.includes("values") || names.includes("numberFormat")) {
          if (cells > state.maxReadCells)
            throw new FakeExcelError(
              "ResponsePayloadSizeLimitExceeded",
              `Excel on the web reads at most ${state.maxReadCells} cells at once; ${boxAddress(box)} has ${cells}.`
            );
          state.largestRead = Math.max(state.largestRead, cells);
        }
        return Object.fromEntries(
          names.filter((n) => n in properties).map((n) => [n, properties[n]()])
        );
      },
      this.orNull
    );
  }

  /** The part of this range that holds values, or a null object when it holds none. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(
      this.context,
      () => {
        const found = this.locate();
        const used = found && found.sheet.usedBox();
        const box = used && intersect(found.box, used);
        if (!found || !box) return undefined;
        // Shrink to the cells that hold values inside the range.
        let top = Infinity;
        let bottom = -1;
        let left = Infinity;
        let right = -1;
        for (let r = box.top; r < box.top + box.rows; r++)
          for (let c = box.left; c < box.left + box.columns; c++)
            if (found.sheet.get(r, c) !== "") {
              top = Math.min(top, r);
              bottom = Math.max(bottom, r);
              left = Math.min(left, c);
              right = Math.max(right, c);
            }
        return bottom < 0
          ? undefined
          : {
              sheet: found.sheet,
              box: { top, left, rows: bottom - top + 1, columns: right - left + 1 },
            };
      },
      true
    );
  }

  get values(): Value[][] {
    return this.read("values");
  }
  set values(values: Value[][]) {
    this.write("values", values, (sheet, row, column, value) =>
      sheet.set(row, column, value as Value)
    );
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: string[][]) {
    this.write("numberFormat", formats, (sheet, row, column, value) =>
      sheet.setFormat(row, column, String(value))
    );
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }

  /** A single value applies to every cell; a 2D array must match the range, as in Office.js. */
  private write(
    name: string,
    input: unknown,
    apply: (sheet: SheetState, row: number, column: number, value: unknown) => void
  ): void {
    this.context.enqueue(
      `range.${name}`,
      () => {
        const { sheet, box } = this.target();
        if (name === "values") this.context.state.raise("onChanged", sheet, boxAddress(box));
        if (!Array.isArray(input)) {
          for (let r = 0; r < box.rows; r++)
            for (let c = 0; c < box.columns; c++) apply(sheet, box.top + r, box.left + c, input);
          return;
        }
        const rows = input as unknown[][];
        if (rows.length !== box.rows || rows.some((row) => row.length !== box.columns)) {
          throw new FakeExcelError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`
          );
        }
        rows.forEach((row, r) =>
          row.forEach((value, c) => apply(sheet, box.top + r, box.left + c, value))
        );
        if (name === "values" && rows[0].some((v) => v !== "" && v !== null))
          this.context.state.autoExpand(sheet, box);
      },
      input
    );
  }

  /** Range.clear (ExcelApi 1.1): values and number formats go ("All", the default) or one of them. */
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.context.enqueue(
      "range.clear",
      () => {
        const { sheet, box } = this.target();
        for (let r = box.top; r < box.top + box.rows; r++)
          for (let c = box.left; c < box.left + box.columns; c++) {
            if (applyTo !== "Formats") sheet.set(r, c, "");
            if (applyTo !== "Contents") sheet.formats.get(r)?.delete(c);
          }
      },
      applyTo
    );
  }

  getCell(row: number, column: number): FakeRange {
    this.context.path("getCell", [row, column]);
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.target();
      return { sheet, box: { top: box.top + row, left: box.left + column, rows: 1, columns: 1 } };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    this.context.path("getResizedRange", [deltaRows, deltaColumns]);
    return new FakeRange(this.context, () => {
      const { sheet, box } = this.target();
      return {
        sheet,
        box: { ...box, rows: box.rows + deltaRows, columns: box.columns + deltaColumns },
      };
    });
  }

  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    this.context.check(other);
    this.context.path("getIntersectionOrNullObject");
    return new FakeRange(
      this.context,
      () => {
        const a = this.locate();
        const b = other.locate();
        if (!a || !b || a.sheet !== b.sheet) return undefined;
        const box = intersect(a.box, b.box);
        return box ? { sheet: a.sheet, box } : undefined;
      },
      true
    );
  }

  select(): void {
    this.context.enqueue("range.select", () => {
      const { sheet, box } = this.target();
      this.context.state.selection = { sheet, box };
      this.context.state.active = sheet;
    });
  }

  get format() {
    const context = this.context;
    const name =
      (what: string) =>
      (value: unknown = true): void =>
        context.enqueue(`range.format.${what}`, () => {
          const { sheet, box } = this.target();
          sheet.looks.push({ address: boxAddress(box), what, value });
        });
    return {
      font: {
        set bold(value: boolean) {
          name("font.bold")(value);
        },
        set italic(value: boolean) {
          name("font.italic")(value);
        },
        set size(value: number) {
          name("font.size")(value);
        },
      },
      set columnWidth(value: number) {
        name("columnWidth")(value);
      },
      set wrapText(value: boolean) {
        name("wrapText")(value);
      },
      set verticalAlignment(value: string) {
        name("verticalAlignment")(value);
      },
      autofitColumns: () => name("autofitColumns")(),
      autofitRows: () => name("autofitRows")(),
    };
  }

  get conditionalFormats() {
    return {
      /**
       * ConditionalFormatCollection.clearAll (ExcelApi 1.6): the rules on this range go. Excel trims a
       * rule that reaches outside the range; the fake removes rules that lie inside it and refuses the
       * others rather than guess their trimmed shape.
       */
      clearAll: () =>
        this.context.enqueue("conditionalFormats.clearAll", () => {
          const { sheet, box } = this.target();
          const doomed = sheet.conditionalFormats.filter((f) => {
            const rule = parseBox(f.address);
            const common = intersect(rule, box);
            if (common && (common.rows !== rule.rows || common.columns !== rule.columns))
              throw new FakeExcelError(
                "InvalidArgument",
                `The fake clears only whole rules: ${f.address} reaches outside ${boxAddress(box)}.`
              );
            return common !== undefined;
          });
          for (const f of doomed)
            sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(f), 1);
        }),
      add: (type: string) => {
        const state: ConditionalFormatState = { address: "", type };
        this.context.enqueue("conditionalFormats.add", () => {
          const { sheet, box } = this.target();
          state.address = boxAddress(box);
          sheet.conditionalFormats.push(state);
        });
        return {
          dataBar: {
            positiveFormat: {
              set fillColor(color: string) {
                state.barColor = color;
              },
            },
            lowerBoundRule: {},
            upperBoundRule: {},
          },
          cellValue: {
            format: {
              fill: {
                set color(color: string) {
                  state.fill = color;
                },
              },
              font: {
                set color(color: string) {
                  state.font = color;
                },
              },
            },
            set rule(rule: { formula1: string; operator: string }) {
              state.rule = rule;
            },
          },
        };
      },
    };
  }
}

class FakeTable extends Loadable {
  constructor(
    context: Context,
    private readonly locate: Resolver<TableState>
  ) {
    super(context);
  }

  private target(): TableState {
    const found = this.locate();
    if (!found) throw new FakeExcelError("ItemNotFound", "The table does not exist.");
    return found;
  }

  load(properties?: string | string[]): this {
    return this.loadFrom(
      properties,
      () => {
        const t = this.locate();
        return t && tableProperties(t);
      },
      false
    );
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.context.enqueue(
      "table.name",
      () => {
        const table = this.target();
        if (this.context.state.nameInUse(name, table)) {
          throw new FakeExcelError("InvalidArgument", `A table named ${name} already exists.`);
        }
        table.name = name;
      },
      name
    );
  }
  set style(style: string) {
    this.context.enqueue("table.style", () => (this.target().style = style), style);
  }

  get showHeaders(): boolean {
    return this.read("showHeaders");
  }

  /**
   * Table.resize (ExcelApi 1.13): the table covers `address` from now on, no cell moves. As in Excel,
   * the header stays on its row, the new range overlaps the old one, and it may not reach into another
   * table.
   */
  resize(address: string): void {
    const state = this.context.state;
    if (!state.supports("1.13"))
      throw new FakeExcelError("ApiNotFound", "Table.resize needs ExcelApi 1.13.");
    this.context.enqueue(
      "table.resize",
      () => {
        const table = this.target();
        const box = parseBox(address);
        const old = {
          top: table.top,
          left: table.left,
          rows: table.rowCount,
          columns: table.columnCount,
        };
        if (box.top !== table.top || !intersect(box, old))
          throw new FakeExcelError(
            "InvalidArgument",
            `${address} must overlap ${table.name} and keep its header on row ${table.top + 1}.`
          );
        const other = state.tables.find(
          (t) =>
            t !== table &&
            t.sheet === table.sheet &&
            intersect(box, { top: t.top, left: t.left, rows: t.rowCount, columns: t.columnCount })
        );
        if (other)
          throw new FakeExcelError(
            "InvalidArgument",
            `${address} overlaps the table ${other.name}.`
          );
        table.left = box.left;
        table.rowCount = box.rows;
        table.columnCount = box.columns;
      },
      address
    );
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }

  getRange(): FakeRange {
    this.context.path("getRange");
    return new FakeRange(this.context, () => {
      const t = this.locate();
      return (
        t && {
          sheet: t.sheet,
          box: { top: t.top, left: t.left, rows: t.rowCount, columns: t.columnCount },
        }
      );
    });
  }

  get worksheet(): FakeWorksheet {
    this.context.path("worksheet");
    return new FakeWorksheet(this.context, () => this.locate()?.sheet);
  }
}

function tableProperties(t: TableState): Record<string, unknown> {
  return { name: t.name, style: t.style, showHeaders: t.showHeaders, showTotals: t.showTotals };
}

/** What `collection.load("items/a,items/b")` hands each item: the named properties that exist. */
function itemProperties(
  context: Context,
  properties: string | undefined,
  all: Record<string, unknown>
): Map<string, unknown> {
  const names = (properties ?? "").split(",").map((p) => p.trim().replace(/^items\//, ""));
  const picked = names.filter((n) => n in all).map((n) => [n, all[n]] as [string, unknown]);
  context.response += utf8Bytes(JSON.stringify(Object.fromEntries(picked)));
  return new Map(picked);
}

class FakeTableCollection extends Loadable {
  private snapshot: FakeTable[] | undefined;

  constructor(
    context: Context,
    private readonly scope: Resolver<SheetState | "workbook">
  ) {
    super(context);
  }

  private list(): TableState[] {
    const scope = this.scope();
    if (!scope) throw new FakeExcelError("ItemNotFound", "The worksheet does not exist.");
    return this.context.state.tables.filter((t) => scope === "workbook" || t.sheet === scope);
  }

  load(properties?: string): this {
    this.context.enqueue(
      "tables.load",
      () => {
        const items = this.list().map((t) => {
          const proxy = new FakeTable(this.context, () =>
            this.context.state.tables.includes(t) ? t : undefined
          );
          (proxy as unknown as { loaded: Map<string, unknown> }).loaded = itemProperties(
            this.context,
            properties,
            tableProperties(t)
          );
          return proxy;
        });
        this.context.deliver(() => (this.snapshot = items));
      },
      properties ?? null
    );
    return this;
  }

  get items(): FakeTable[] {
    if (!this.snapshot)
      throw new FakeExcelError(
        "PropertyNotLoaded",
        "The property 'items' is not available. Call load and context.sync() first."
      );
    return this.snapshot;
  }

  getItem(name: string): FakeTable {
    this.context.path("getItem", [name]);
    return new FakeTable(this.context, () =>
      this.list().find((t) => t.name.toLowerCase() === name.toLowerCase())
    );
  }

  add(address: string, hasHeaders: boolean): FakeTable {
    let created: TableState | undefined;
    this.context.enqueue(
      "tables.add",
      () => {
        const scope = this.scope();
        const parsed = address.includes("!")
          ? this.context.state.sheet(
              address.slice(0, address.lastIndexOf("!")).replace(/^'(.*)'$/, "$1")
            )
          : scope;
        if (!parsed || parsed === "workbook")
          throw new FakeExcelError("InvalidArgument", `No sheet for ${address}`);
        if (!hasHeaders)
          throw new FakeExcelError("InvalidArgument", "The fake only makes tables with headers");
        const state = this.context.state;
        let n = state.tables.length + 1;
        while (state.nameInUse(`Table${n}`)) n++;
        created = state.addTable(parsed, parseBox(address), `Table${n}`);
      },
      address
    );
    return new FakeTable(this.context, () => created);
  }
}

class FakeWorksheet extends Loadable {
  constructor(
    context: Context,
    private readonly locate: Resolver<SheetState>,
    private readonly orNull = false
  ) {
    super(context);
  }

  private target(): SheetState {
    const found = this.locate();
    if (!found) throw new FakeExcelError("ItemNotFound", "The worksheet does not exist.");
    return found;
  }

  load(properties?: string | string[]): this {
    return this.loadFrom(
      properties,
      () => {
        const s = this.locate();
        return s && { name: s.name, id: s.id, visibility: s.visible ? "Visible" : "Hidden" };
      },
      this.orNull
    );
  }

  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.context.enqueue(
      "worksheet.name",
      () => {
        const sheet = this.target();
        const other = this.context.state.sheet(name);
        if (other && other !== sheet)
          throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
        checkSheetName(name);
        sheet.name = name;
      },
      name
    );
  }

  getRange(address: string): FakeRange {
    this.context.path("getRange", [address]);
    return new FakeRange(this.context, () => {
      const sheet = this.locate();
      return sheet && { sheet, box: parseBox(address) };
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): FakeRange {
    this.context.path("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount]);
    return new FakeRange(this.context, () => {
      const sheet = this.locate();
      if (!sheet) return undefined;
      if (
        startRow < 0 ||
        startColumn < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        startRow + rowCount > EXCEL_ROWS ||
        startColumn + columnCount > EXCEL_COLUMNS
      )
        throw new FakeExcelError("InvalidArgument", "The argument is invalid or missing.");
      return {
        sheet,
        box: { top: startRow, left: startColumn, rows: rowCount, columns: columnCount },
      };
    });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    this.context.path("getUsedRange", [valuesOnly ?? false]);
    return new FakeRange(this.context, () => {
      const sheet = this.locate();
      return sheet && { sheet, box: sheet.usedBox() ?? { top: 0, left: 0, rows: 1, columns: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    this.context.path("getUsedRangeOrNullObject", [valuesOnly ?? false]);
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.locate();
        const box = sheet?.usedBox();
        return sheet && box && { sheet, box };
      },
      true
    );
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, () => this.locate());
  }

  /** The names scoped to this sheet (ExcelApi 1.4). */
  get names(): FakeNamedItemCollection {
    return new FakeNamedItemCollection(this.context, () => this.locate()?.names);
  }

  get freezePanes() {
    return {
      freezeRows: (count: number) =>
        this.context.enqueue("freezePanes.freezeRows", () => (this.target().frozenRows = count)),
    };
  }

  /** Page layout needs ExcelApi 1.9; every setting is recorded on the sheet. */
  get pageLayout() {
    const state = this.context.state;
    if (!state.supports("1.9"))
      throw new FakeExcelError("ApiNotFound", "worksheet.pageLayout needs ExcelApi 1.9.");
    const set = (key: string, value: unknown) =>
      this.context.enqueue(`pageLayout.${key}`, () => (this.target().pageLayout[key] = value));
    return {
      set orientation(value: string) {
        set("orientation", value);
      },
      set zoom(value: unknown) {
        set("zoom", value);
      },
      setPrintTitleRows: (address: string) => set("printTitleRows", address),
      headersFooters: {
        defaultForAllPages: {
          set centerHeader(value: string) {
            set("centerHeader", value);
          },
          set centerFooter(value: string) {
            set("centerFooter", value);
          },
        },
      },
    };
  }

  delete(): void {
    this.context.enqueue("worksheet.delete", () => {
      const sheet = this.target();
      const state = this.context.state;
      if (state.sheets.length === 1)
        throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one sheet.");
      state.sheets = state.sheets.filter((s) => s !== sheet);
      state.tables = state.tables.filter((t) => t.sheet !== sheet);
      state.raise("onDeleted", sheet);
      if (state.active === sheet) state.active = state.sheets[0];
    });
  }

  activate(): void {
    this.context.enqueue("worksheet.activate", () => (this.context.state.active = this.target()));
  }
}

class FakeWorksheetCollection extends Loadable {
  private snapshot: FakeWorksheet[] | undefined;

  load(properties?: string): this {
    this.context.enqueue(
      "worksheets.load",
      () => {
        const items = this.context.state.sheets.map((s) => {
          const proxy = new FakeWorksheet(this.context, () =>
            this.context.state.sheets.includes(s) ? s : undefined
          );
          (proxy as unknown as { loaded: Map<string, unknown> }).loaded = itemProperties(
            this.context,
            properties,
            { name: s.name, id: s.id, visibility: s.visible ? "Visible" : "Hidden" }
          );
          return proxy;
        });
        this.context.deliver(() => (this.snapshot = items));
      },
      properties ?? null
    );
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.snapshot)
      throw new FakeExcelError(
        "PropertyNotLoaded",
        "The property 'items' is not available. Call load and context.sync() first."
      );
    return this.snapshot;
  }

  /** By name or by id, as Office.js allows. */
  private find(key: string): SheetState | undefined {
    const state = this.context.state;
    return state.sheet(key) ?? state.sheets.find((s) => s.id === key);
  }

  getItem(key: string): FakeWorksheet {
    this.context.path("getItem", [key]);
    return new FakeWorksheet(this.context, () => this.find(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.context.path("getItemOrNullObject", [key]);
    return new FakeWorksheet(this.context, () => this.find(key), true);
  }

  get onChanged() {
    return this.event("onChanged", 1.9);
  }
  get onAdded() {
    return this.event("onAdded", 1.7);
  }
  get onDeleted() {
    return this.event("onDeleted", 1.7);
  }

  /** Registering a handler is a queued request; an event the host's API version lacks throws. */
  private event(name: string, since: number) {
    const state = this.context.state;
    if (!state.supports(since))
      throw new FakeExcelError("ApiNotFound", `worksheets.${name} needs ExcelApi ${since}.`);
    return {
      add: (handler: (args: Record<string, unknown>) => unknown) => {
        this.context.enqueue(`worksheets.${name}.add`, () =>
          state.handlers.set(name, [...(state.handlers.get(name) ?? []), handler])
        );
        return {};
      },
    };
  }

  add(name: string): FakeWorksheet {
    let created: SheetState | undefined;
    this.context.enqueue(
      "worksheets.add",
      () => {
        created = this.context.state.addSheet(name);
        this.context.state.raise("onAdded", created);
      },
      name
    );
    return new FakeWorksheet(this.context, () => created);
  }
}

/** A name's formula as Excel shows it: `='KPI Rewards'!$A$1`, or `=#REF!` once its sheet is gone. */
function nameFormula(state: WorkbookState, item: NameState): string {
  if (item.constant !== undefined) return item.constant;
  if (!item.sheet || !item.box || !state.sheets.includes(item.sheet)) return "=#REF!";
  const absolute = boxAddress(item.box).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `=${quoteSheet(item.sheet.name)}!${absolute}`;
}

class FakeNamedItem extends Loadable {
  constructor(
    context: Context,
    private readonly locate: Resolver<{ names: Map<string, NameState>; item: NameState }>,
    private readonly orNull: boolean
  ) {
    super(context);
  }

  load(properties?: string | string[]): this {
    return this.loadFrom(
      properties,
      () => {
        const found = this.locate();
        return (
          found && {
            name: found.item.name,
            formula: nameFormula(this.context.state, found.item),
            comment: found.item.comment,
          }
        );
      },
      this.orNull
    );
  }

  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }

  delete(): void {
    this.context.enqueue("names.delete", () => {
      const found = this.locate();
      if (!found) throw new FakeExcelError("ItemNotFound", "The name does not exist.");
      for (const [key, item] of found.names) if (item === found.item) found.names.delete(key);
    });
  }
}

/** `workbook.names` (workbook scope) or `worksheet.names` (that sheet's scope). */
class FakeNamedItemCollection extends Loadable {
  private snapshot: FakeNamedItem[] | undefined;

  constructor(
    context: Context,
    private readonly scope: Resolver<Map<string, NameState>>
  ) {
    super(context);
  }

  private names(): Map<string, NameState> {
    const names = this.scope();
    if (!names) throw new FakeExcelError("ItemNotFound", "The worksheet does not exist.");
    return names;
  }

  private proxy(find: (names: Map<string, NameState>) => NameState | undefined, orNull: boolean) {
    return new FakeNamedItem(
      this.context,
      () => {
        const names = this.names();
        const item = find(names);
        return item && { names, item };
      },
      orNull
    );
  }

  load(properties?: string): this {
    const wanted = (properties ?? "").split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.context.enqueue("names.load", () => {
      this.snapshot = [...this.names().values()].map((item) => {
        const proxy = this.proxy((names) => [...names.values()].find((n) => n === item), false);
        const values: Record<string, unknown> = {
          name: item.name,
          formula: nameFormula(this.context.state, item),
        };
        (proxy as unknown as { loaded: Map<string, unknown> }).loaded = new Map(
          wanted.filter((n) => n in values).map((n) => [n, values[n]])
        );
        return proxy;
      });
    });
    return this;
  }

  get items(): FakeNamedItem[] {
    if (!this.snapshot)
      throw new FakeExcelError(
        "PropertyNotLoaded",
        "The property 'items' is not available. Call load and context.sync() first."
      );
    return this.snapshot;
  }

  getItem(name: string): FakeNamedItem {
    return this.proxy((names) => findName(names, name), false);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return this.proxy((names) => findName(names, name), true);
  }

  /** `reference` is a range, or a formula such as `="text"` (a constant name). */
  add(name: string, reference: FakeRange | string, comment: string): FakeNamedItem {
    let created: NameState | undefined;
    this.context.enqueue(
      "names.add",
      () => {
        const names = this.names();
        const state = this.context.state;
        // A sheet-scoped name may repeat a name of another scope; a table name may not be reused.
        if (
          findName(names, name) ||
          state.tables.some((t) => t.name.toLowerCase() === name.toLowerCase())
        )
          throw new FakeExcelError("InvalidArgument", `The name ${name} already exists.`);
        if (typeof reference === "string") {
          if (!reference.startsWith("="))
            throw new FakeExcelError("InvalidArgument", `Bad formula for ${name}`);
          created = { name, constant: reference, comment };
        } else {
          const target = (
            reference as unknown as { target: () => { sheet: SheetState; box: Box } }
          ).target();
          created = { name, sheet: target.sheet, box: target.box, comment };
        }
        names.set(name, created);
      },
      name
    );
    return this.proxy((names) => [...names.values()].find((n) => n === created), false);
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;

  constructor(private readonly context: Context) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, () => "workbook");
  }

  get names(): FakeNamedItemCollection {
    return new FakeNamedItemCollection(this.context, () => this.context.state.names);
  }

  get application() {
    return {
      suspendApiCalculationUntilNextSync: () =>
        this.context.enqueue("suspendApiCalculationUntilNextSync", () => undefined),
    };
  }

  get functions() {
    const context = this.context;
    return {
      date: (year: number, month: number, day: number) => {
        const result = new (class extends Loadable {
          load(properties: string) {
            return this.loadFrom(
              properties,
              () => {
                const serial =
                  (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
                return { value: context.state.date1904 ? serial - 1462 : serial };
              },
              false
            );
          }
          get value(): number {
            return this.read("value");
          }
        })(context);
        return result;
      },
    };
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => this.context.state.selection);
  }
}

/** Installs `Excel` and `Office` globals that drive this state, as office.js would. */
export function installFakeOffice(
  state: WorkbookState,
  scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>
): void {
  const Excel = {
    run: async <T>(
      ...args:
        [(context: Context) => Promise<T>] | [Excel.RunOptions, (context: Context) => Promise<T>]
    ): Promise<T> => {
      const [options, batch] = args.length === 2 ? args : [{}, args[0]];
      const context = new Context(state);
      // As in Excel: a sync during cell edit fails, unless the run asked to wait for the edit to end.
      const sync = context.sync.bind(context);
      context.sync = async () => {
        if (state.cellEdit && !options.delayForCellEdit)
          throw new FakeExcelError(
            "InvalidOperationInCellEditMode",
            "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again."
          );
        while (state.cellEdit) await state.cellEdit;
        return sync();
      };
      try {
        return await batch(context);
      } finally {
        // Office.js releases the batch's objects when it ends: they cannot be synced again.
        context.ended = true;
      }
    },
    ConditionalFormatType: { dataBar: "DataBar", cellValue: "CellValue" },
    ConditionalFormatRuleType: { number: "Number" },
    ConditionalCellValueOperator: { equalTo: "EqualTo" },
    PageOrientation: { landscape: "Landscape", portrait: "Portrait" },
  };
  const Office = {
    onReady: (callback?: () => void) => {
      callback?.();
      return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: {},
    HostType: { Excel: "Excel" },
    actions: { associate: () => undefined },
    context: {
      officeTheme: { bodyBackgroundColor: "#ffffff" },
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          // Other sets (DialogApi…) are all there; ExcelApi up to the version the test chose.
          name !== "ExcelApi" || state.supports(version ?? "1.1"),
      },
      ui: {
        displayDialogAsync: (_url: string, _options: unknown, callback: () => void) => callback(),
      },
      document: {
        settings: {
          get: (key: string) => structuredClone(state.settings.get(key) ?? null),
          set: (key: string, value: unknown) => state.settings.set(key, structuredClone(value)),
          saveAsync: (callback: (result: { status: string }) => void) => {
            state.savedSettings = new Map(state.settings);
            callback({ status: "succeeded" });
          },
        },
      },
    },
  };
  scope.Excel = Excel;
  scope.Office = Office;
}

/** A sheet's values as a plain grid, for assertions. */
export function sheetValues(state: WorkbookState, name: string): Value[][] {
  const sheet = state.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const box = sheet.usedBox();
  return box
    ? state.values(sheet, {
        top: 0,
        left: 0,
        rows: box.top + box.rows,
        columns: box.left + box.columns,
      })
    : [];
}
