import { readdirSync, readFileSync, statSync } from "fs";
import path from "path";

/**
 * Tests mirror the sources file by file: `src/x/y.ts` is tested in `test/x/y.test.ts` (and
 * `tools/z.ts` in `test/tools/z.test.ts`). The exceptions are listed here with the reason each has no
 * file of its own; a new source file without a test fails this test until it gets one.
 */
const ROOT = path.join(__dirname, "..");

const UNTESTED_ON_THEIR_OWN: Record<string, string> = {
  "src/engine/index.ts": "the engine's face: names only, re-exported",
  "src/sheet/index.ts": "the sheet room's face: names only, re-exported",
  "src/engine/grid/parsed.ts": "one type, no code",
  "src/sheet/sheet-layout.ts": "types only, no code",
  "src/cli/ooxml/package-error.ts": "one error class without code of its own",
  "src/cli/portfolio-worker.ts":
    "a worker process's entry, forked and driven by test/cli/portfolio-pool.test.ts",
  "src/taskpane/index.tsx": "the pane's entry: mounts App, which the browser tests drive",
};

function files(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder)).flatMap((name) => {
    const relative = `${folder}/${name}`;
    return statSync(path.join(ROOT, relative)).isDirectory() ? files(relative) : [relative];
  });
}

const SOURCE = /\.(ts|tsx|js)$/;
const sources = [...files("src"), ...files("tools")].filter(
  (file) => SOURCE.test(file) && !file.endsWith(".d.ts")
);

/** `src/x/y.ts` → `test/x/y.test.ts`; `tools/z.ts` → `test/tools/z.test.ts`. */
function testOf(source: string): string {
  const stem = source.replace(SOURCE, "").replace(/^src\//, "");
  return `test/${stem}.test.ts`;
}

/**
 * Each adapter room words what it tells the user in one catalogue: a text raised where it happens is
 * stated a second time sooner or later. The patterns catch the usual ways a text is raised inline
 * (an error or problem built from a literal, a `message:` literal, printed output, JSX text and
 * labels); the catalogues and the files listed with a reason may hold them.
 */
const CATALOGUES = [
  "src/cli/messages.ts",
  "src/cli/help.ts",
  "src/commands/texts.ts",
  "src/excel/messages.ts",
  "src/functions/messages.ts",
  "src/taskpane/texts.ts",
];
const TEXTS_STILL_INLINE: Record<string, string> = {};
const ROOMS = /^src\/(cli|commands|excel|functions|taskpane)\//;
const INLINE_TEXT = [
  /new \w+(?:Error|Problem)\(\s*(?:(?:"#[^"]*"|(?!M\.)[\w.]+),\s*)?["'`][A-Za-z]/,
  /message:\s*["'`][A-Za-z]/,
  /\.(?:out|err)\(\s*["'`][A-Za-z]/,
  /\b(?:out|err):\s*["'`][A-Za-z]/,
  /\bfail\(\s*["'`][A-Za-z]/,
  /(?:textContent\s*=|\bstage:)\s*["'`][A-Za-z✓✕]/,
];
const INLINE_JSX = [
  /(?<!=)>\s*[A-Za-z][^<>{}]*</,
  /\s(?:label|aria-label|title|placeholder|validationMessage)="[A-Za-z]/,
];

/** A file's code without its comments, where examples of messages are welcome. */
function code(file: string): string {
  return readFileSync(path.join(ROOT, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
}

/** The files of the adapter rooms that raise a user-facing text inline. */
function inlineTexts(): string[] {
  return sources.filter((file) => {
    if (!ROOMS.test(file) || CATALOGUES.includes(file)) return false;
    const text = code(file);
    const patterns = file.endsWith(".tsx") ? [...INLINE_TEXT, ...INLINE_JSX] : INLINE_TEXT;
    return patterns.some((pattern) => pattern.test(text));
  });
}

describe("the code's layout", () => {
  test("every source file has its own test file at the mirrored path, or a stated reason not to", () => {
    const tests = new Set(files("test"));
    const missing = sources.filter(
      (file) => !tests.has(testOf(file)) && !(file in UNTESTED_ON_THEIR_OWN)
    );
    expect(missing).toEqual([]);
  });

  test("the exceptions are real files still without a test of their own", () => {
    const tests = new Set(files("test"));
    const stale = Object.keys(UNTESTED_ON_THEIR_OWN).filter(
      (file) => !sources.includes(file) || tests.has(testOf(file))
    );
    expect(stale).toEqual([]);
  });

  test("the mirrored path of a source file", () => {
    expect(testOf("src/engine/rules/target-row.ts")).toBe("test/engine/rules/target-row.test.ts");
    expect(testOf("src/taskpane/components/App.tsx")).toBe("test/taskpane/components/App.test.ts");
    expect(testOf("tools/fake-excel.ts")).toBe("test/tools/fake-excel.test.ts");
  });

  test("user-facing texts are written in their room's catalogue, or the file says why not yet", () => {
    expect(inlineTexts().filter((file) => !(file in TEXTS_STILL_INLINE))).toEqual([]);
  });

  test("the files still raising texts inline are real and still do", () => {
    expect(Object.keys(TEXTS_STILL_INLINE).filter((file) => !inlineTexts().includes(file))).toEqual(
      []
    );
  });

  test("the patterns catch a text raised inline and leave a catalogued one alone", () => {
    const caught = (line: string) => INLINE_TEXT.some((p) => p.test(line));
    expect(caught('throw new OutputError(output, "already exists; pass --force");')).toBe(true);
    expect(caught('throw new ArgumentProblem("#VALUE!", "team is blank");')).toBe(true);
    expect(caught("io.err(`kpi-rewards: ${file}: failed`);")).toBe(true);
    expect(caught('throw new UsageError(M.OUT_WITH_IN_PLACE, "evaluate");')).toBe(false);
    expect(caught('throw new ArgumentProblem("#VALUE!", M.BLANK_TEAM);')).toBe(false);
    const jsx = (line: string) => INLINE_JSX.some((p) => p.test(line));
    expect(jsx("<Button>Approve</Button>")).toBe(true);
    expect(jsx('<Field label="As of">')).toBe(true);
    expect(jsx("<Button>{T.APPROVE}</Button>")).toBe(false);
    expect(jsx("onApprove: (name: string) => Promise<void>;")).toBe(false);
  });
});
