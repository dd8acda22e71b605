/**
 * The user guide (docs/guide.md) as the add-in's help page (dist/help.html), and the link rules the docs
 * test checks. Headings get the ids GitHub gives them, so `help.html#kpichange` and
 * `docs/guide.md#kpichange` name the same section; the functions' help links and the manifest use them.
 */
const fs = require("fs");
const path = require("path");
const { Marked } = require("marked");

const GUIDE = "docs/guide.md";

/** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens. */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Numbers repeated slugs as GitHub does: `faq`, `faq-1`, `faq-2`. */
function slugger() {
  const occurrences = new Map();
  return (text) => {
    const base = slug(text);
    let id = base;
    while (occurrences.has(id)) {
      occurrences.set(base, occurrences.get(base) + 1);
      id = `${base}-${occurrences.get(base)}`;
    }
    occurrences.set(id, 0);
    return id;
  };
}

const entities = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** The visible text of rendered inline HTML (what GitHub slugs). */
function textOf(html) {
  return html.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (_, e) => entities[e]);
}

/** Every link, image and anchor of a Markdown text, with the anchors its headings get. */
function linksAndAnchors(markdown) {
  const marked = new Marked();
  const links = [];
  const anchors = new Set();
  const next = slugger();
  const html = (text) => {
    for (const m of text.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/g))
      links.push({ kind: "html", href: m[1] });
    for (const m of text.matchAll(/\s(?:id|name)\s*=\s*"([^"]*)"/g)) anchors.add(m[1]);
  };
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === "heading") anchors.add(next(textOf(marked.parseInline(token.text))));
    else if (token.type === "link") links.push({ kind: "link", href: token.href });
    else if (token.type === "image") links.push({ kind: "image", href: token.href });
    else if (token.type === "html") html(token.text);
  });
  return { links, anchors };
}

/**
 * The guide rendered as one HTML page. Links to the guide's own sections become in-page anchors;
 * images and other files under docs/ are served from `docs/` beside help.html.
 * @param {string} root the repository
 */
function renderHelpPage(root) {
  const markdown = fs.readFileSync(path.join(root, GUIDE), "utf8");
  const next = slugger();
  const local = (href) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("#");
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }) {
        const body = this.parser.parseInline(tokens);
        return `<h${depth} id="${next(textOf(body))}">${body}</h${depth}>\n`;
      },
    },
    walkTokens(token) {
      if ((token.type === "link" || token.type === "image") && local(token.href)) {
        const [file, hash] = token.href.split("#");
        if (file === "" || file === "guide.md") token.href = `#${hash ?? ""}`;
        else token.href = `docs/${file}${hash === undefined ? "" : `#${hash}`}`;
      }
    },
  });
  const body = marked.parse(markdown);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'; img-src 'self'">
<title>KPI Rewards help</title>
<link rel="stylesheet" href="help.css">
</head>
<body>
<main>
${body}</main>
</body>
</html>
`;
}

module.exports = { GUIDE, slug, slugger, linksAndAnchors, renderHelpPage };
