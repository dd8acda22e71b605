import { execFileSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import path from "path";
import { linksAndAnchors } from "../../scripts/help-page";
import { temporaryFolder } from "../support/xlsx";

const root = path.join(__dirname, "..", "..");
const dist = path.join(root, "dist");

/** README.md and every Markdown file under docs/, relative to the repository. */
function documents(base: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(path.join(base, folder)).flatMap((name) => {
      const file = path.join(folder, name);
      if (statSync(path.join(base, file)).isDirectory()) return walk(file);
      return name.endsWith(".md") ? [file] : [];
    });
  return ["README.md", ...(existsSync(path.join(base, "docs")) ? walk("docs") : [])];
}

/** Files a fresh clone does not have (build output, the demo): a link to them is dead there. */
function ignoredByGit(base: string, file: string): boolean {
  try {
    execFileSync("git", ["check-ignore", "-q", file], { cwd: base, stdio: "ignore" });
    return true;
  } catch {
    return false; // not ignored, or not a git checkout: nothing more to say
  }
}

/**
 * Every link and image of a Markdown file that does not resolve inside the repository, as
 * "file: target — why". Anchors are checked against the headings GitHub (and the help page) slug.
 */
function deadLinks(base: string, file: string): string[] {
  const { links, anchors } = linksAndAnchors(readFileSync(path.join(base, file), "utf8"));
  const problems: string[] = [];
  for (const { href } of links) {
    const dead = (why: string) => problems.push(`${file}: ${href} — ${why}`);
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) {
      dead("points outside the repository; link a file in it instead");
      continue;
    }
    if (href.startsWith("/")) {
      dead("absolute path; use a path relative to this file");
      continue;
    }
    const [target, anchor] = decodeURI(href).split("#");
    const resolved = target ? path.normalize(path.join(path.dirname(file), target)) : file;
    if (resolved.startsWith("..") || path.isAbsolute(resolved)) {
      dead("points outside the repository; link a file in it instead");
      continue;
    }
    if (!existsSync(path.join(base, resolved))) {
      dead(`${resolved} does not exist`);
      continue;
    }
    if (ignoredByGit(base, resolved)) {
      dead(`${resolved} is ignored by git, so a fresh clone does not have it`);
      continue;
    }
    if (anchor === undefined || anchor === "") continue;
    const targetAnchors =
      resolved === file
        ? anchors
        : resolved.endsWith(".md")
          ? linksAndAnchors(readFileSync(path.join(base, resolved), "utf8")).anchors
          : undefined;
    if (!targetAnchors) dead(`#${anchor} points into ${resolved}, which has no headings`);
    else if (!targetAnchors.has(anchor)) dead(`${resolved} has no heading #${anchor}`);
  }
  return problems;
}

describe("links in README.md and docs/", () => {
  test("the documents checked include the README and the user guide", () => {
    expect(documents(root)).toEqual(expect.arrayContaining(["README.md", "docs/guide.md"]));
  });

  test.each(documents(root))(
    "every link and image in %s resolves inside the repository",
    (file) => {
      expect(deadLinks(root, file)).toEqual([]);
    }
  );

  test("the check reports a link out of the repository, a missing file, a wrong anchor and a web link", () => {
    const base = temporaryFolder();
    mkdirSync(path.join(base, "docs"));
    writeFileSync(path.join(base, "docs", "guide.md"), "# Guide\n\n## Why Pending?\n");
    writeFileSync(
      path.join(base, "README.md"),
      [
        "# Tool",
        "See [the contract](../elsewhere/CONTRACT.md), [the guide](docs/guide.md#why-pending),",
        "[a typo](docs/guide.md#why-pendng), [gone](docs/old.md), [here](#tool), [there](#nowhere),",
        "[the web](https://example.com/x) and ![a picture](docs/pane.png).",
        '<a href="/etc/passwd">raw</a>',
      ].join("\n")
    );
    expect(deadLinks(base, "README.md")).toEqual([
      "README.md: ../elsewhere/CONTRACT.md — points outside the repository; link a file in it instead",
      "README.md: docs/guide.md#why-pendng — docs/guide.md has no heading #why-pendng",
      `README.md: docs/old.md — ${path.normalize("docs/old.md")} does not exist`,
      "README.md: #nowhere — README.md has no heading #nowhere",
      "README.md: https://example.com/x — points outside the repository; link a file in it instead",
      `README.md: docs/pane.png — ${path.normalize("docs/pane.png")} does not exist`,
      "README.md: /etc/passwd — absolute path; use a path relative to this file",
    ]);
    expect(deadLinks(base, "docs/guide.md")).toEqual([]);
  });
});

describe("the built help page (dist/help.html)", () => {
  const page = () => {
    const file = path.join(dist, "help.html");
    if (!existsSync(file)) throw new Error("dist/help.html is missing: run `npm run build` first");
    return readFileSync(file, "utf8");
  };
  // The production build minifies the page, so attribute values may come without quotes.
  const attribute = (html: string, names: string) =>
    [...html.matchAll(new RegExp(`\\s(?:${names})=(?:"([^"]*)"|'([^']*)'|([^\\s>"']+))`, "g"))].map(
      (m) => m[1] ?? m[2] ?? m[3]
    );
  const ids = (html: string) => new Set(attribute(html, "id"));

  test("every in-page link lands on a section of the page", () => {
    const html = page();
    const present = ids(html);
    const anchors = attribute(html, "href")
      .filter((h) => h.startsWith("#"))
      .map((h) => h.slice(1));
    expect(anchors.length).toBeGreaterThan(20);
    expect(anchors.filter((a) => !present.has(a))).toEqual([]);
  });

  test("every image, stylesheet and file it links is in dist/, and nothing points elsewhere", () => {
    const html = page();
    const references = attribute(html, "href|src").filter((r) => !r.startsWith("#"));
    expect(references).toEqual(expect.arrayContaining(["help.css", "docs/pane-summary.png"]));
    const dead = references.filter(
      (r) => /^[a-z][a-z0-9+.-]*:/i.test(r) || r.startsWith("/") || !existsSync(path.join(dist, r))
    );
    expect(dead).toEqual([]);
  });

  test("each function's help link and the manifest's Learn more open an existing section", () => {
    const present = ids(page());
    const functions = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8"))
      .functions as { id: string; helpUrl: string }[];
    const manifest = readFileSync(path.join(dist, "manifest.xml"), "utf8");
    const urls = [
      ...functions.map((f) => f.helpUrl),
      ...[...manifest.matchAll(/"([^"]*help\.html[^"]*)"/g)].map((m) => m[1]),
    ];
    expect(functions).toHaveLength(11);
    const anchors = urls.map((u) => new URL(u).hash.slice(1)).filter((a) => a !== "");
    expect(anchors).toEqual(
      expect.arrayContaining(["kpiwindowend", "kpieligible", "your-first-evaluation"])
    );
    expect(anchors.filter((a) => !present.has(a))).toEqual([]);
  });
});
