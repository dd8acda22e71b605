import { readdirSync, statSync } from "fs";
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
});
