// `node bench/read-with.js <reader> <file.xlsx> [--grid]`: reads one workbook with one library into
// the engine's grid shape and prints {ms, cells, grid?} as JSON. Plain JavaScript over the built CLI
// (npm run build:cli), so each reader's process holds only what that reader needs. Used by
// bench/readers.ts, which measures each run in its own process.
const { readFileSync } = require("fs");

const [reader, file, flag] = process.argv.slice(2);

/** Excel's error codes as SheetJS stores them (BIFF numbers). */
const SHEETJS_ERRORS = {
  0: "#NULL!",
  7: "#DIV/0!",
  15: "#VALUE!",
  23: "#REF!",
  29: "#NAME?",
  36: "#NUM!",
  42: "#N/A",
  43: "#GETTING_DATA",
};

/** A JavaScript Date as a serial in the workbook's date system (libraries turn date cells into Dates). */
function serial(date, date1904) {
  return date.getTime() / 86400000 + (date1904 ? 24107 : 25569);
}

function put(values, r, c, value) {
  if (value === null || value === undefined || value === "") return;
  while (values.length <= r) values.push([]);
  values[r][c] = value;
}

// Each library is loaded before the clock starts: the figure is reading, not loading code.
const library = {
  ours: () => require("../build/cli/ooxml/workbook-package.js"),
  sheetjs: () => require("@e965/xlsx"),
  exceljs: () => require("exceljs"),
  "exceljs-stream": () => require("exceljs"),
}[reader];
if (!library)
  throw new Error(`unknown reader ${reader}; use ours, sheetjs, exceljs or exceljs-stream`);
const loaded = library();

async function ours(bytes) {
  const { readWorkbookPackage } = loaded;
  const grid = await readWorkbookPackage(bytes);
  return {
    date1904: grid.date1904,
    sheets: grid.sheets.map((sheet) => {
      const values = [];
      sheet.values.forEach((row, i) => row.forEach((v, c) => put(values, sheet.top + i, c, v)));
      return { name: sheet.name, values };
    }),
  };
}

function sheetjs(bytes) {
  const XLSX = loaded;
  const workbook = XLSX.read(bytes, { type: "buffer", dense: true, cellDates: false });
  const date1904 = Boolean(
    workbook.Workbook && workbook.Workbook.WBProps && workbook.Workbook.WBProps.date1904
  );
  return {
    date1904,
    sheets: workbook.SheetNames.map((name) => {
      const values = [];
      (workbook.Sheets[name]["!data"] || []).forEach((row, r) =>
        (row || []).forEach((cell, c) => {
          if (!cell) return;
          if (cell.t === "e")
            put(values, r, c, { error: SHEETJS_ERRORS[cell.v] || String(cell.w) });
          else if (cell.v instanceof Date) put(values, r, c, serial(cell.v, date1904));
          else if (cell.t !== "z") put(values, r, c, cell.v);
        })
      );
      return { name, values };
    }),
  };
}

function exceljsValue(value, date1904) {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return serial(value, date1904);
  if (typeof value !== "object") return value;
  if (Array.isArray(value.richText)) return value.richText.map((run) => run.text).join("");
  if ("result" in value || "formula" in value || "sharedFormula" in value)
    return exceljsValue(value.result, date1904);
  if ("error" in value) return { error: value.error };
  if ("text" in value) return exceljsValue(value.text, date1904);
  return null;
}

async function exceljs(bytes) {
  const ExcelJS = loaded;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const date1904 = Boolean(workbook.properties && workbook.properties.date1904);
  return {
    date1904,
    sheets: workbook.worksheets.map((sheet) => {
      const values = [];
      sheet.eachRow((row, r) =>
        row.eachCell((cell, c) => put(values, r - 1, c - 1, exceljsValue(cell.value, date1904)))
      );
      return { name: sheet.name, values };
    }),
  };
}

/** exceljs's streaming reader, the one the CLI used before its own (issue 9: temp files, a race). */
async function exceljsStream(path) {
  const ExcelJS = loaded;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
  });
  const sheets = [];
  for await (const sheet of reader) {
    const values = [];
    for await (const row of sheet)
      row.eachCell((cell, c) =>
        put(values, row.number - 1, c - 1, exceljsValue(cell.value, false))
      );
    sheets.push({ name: sheet.name, values });
  }
  return { date1904: false, sheets };
}

async function main() {
  const bytes = readFileSync(file);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const grid =
    reader === "ours"
      ? await ours(bytes)
      : reader === "sheetjs"
        ? sheetjs(bytes)
        : reader === "exceljs"
          ? await exceljs(bytes)
          : await exceljsStream(file);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // All threads' CPU (zlib's pool and the collector's helpers included): on a busy machine the wall
  // time is shared with others' work, this is not.
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  let cells = 0;
  for (const sheet of grid.sheets)
    for (const row of sheet.values) for (const v of row) if (v !== undefined) cells++;
  process.stdout.write(
    JSON.stringify({ ms, cpuMs, cells, ...(flag === "--grid" ? { grid } : {}) })
  );
}

main().catch((error) => {
  process.stderr.write(`${reader}: ${String((error && error.message) || error).split("\n")[0]}\n`);
  process.exitCode = 1;
});
