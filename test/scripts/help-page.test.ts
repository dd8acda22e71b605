import { mkdirSync, writeFileSync } from "fs";
import path from "path";
import { linksAndAnchors, renderHelpPage, slug, slugger } from "../../scripts/help-page";
import { temporaryFolder } from "../support/xlsx";

describe("slug: heading ids as GitHub makes them", () => {
  test("lower case, punctuation dropped, spaces to hyphens", () => {
    expect(slug("KPI.WINDOWEND")).toBe("kpiwindowend");
    expect(slug("Why does a team show Eligible: No next to a reward?")).toBe(
      "why-does-a-team-show-eligible-no-next-to-a-reward"
    );
    expect(slug("The workbook: Targets and observations")).toBe(
      "the-workbook-targets-and-observations"
    );
    expect(slug("Min points & 1904 dates")).toBe("min-points--1904-dates");
    expect(slug("Über-Ziele_2024")).toBe("über-ziele_2024");
  });

  test("a repeated heading gets -1, -2 as on GitHub", () => {
    const next = slugger();
    expect(["FAQ", "FAQ", "FAQ", "FAQ-1"].map(next)).toEqual(["faq", "faq-1", "faq-2", "faq-1-1"]);
  });
});

describe("linksAndAnchors", () => {
  test("finds links, images and raw HTML links, and the anchors of headings and ids", () => {
    const { links, anchors } = linksAndAnchors(
      [
        "# The `KPI Rewards` sheet",
        "",
        '<a id="formulas"></a>',
        "",
        "See [windows](guide.md#windows) and ![pane](pane.png).",
        "",
        "| a | b |",
        "| --- | --- |",
        '| [cell link](#x) | <img src="chart.svg"> |',
      ].join("\n")
    );
    expect(links).toEqual([
      { kind: "link", href: "guide.md#windows" },
      { kind: "image", href: "pane.png" },
      { kind: "link", href: "#x" },
      { kind: "html", href: "chart.svg" },
    ]);
    expect([...anchors]).toEqual(["the-kpi-rewards-sheet", "formulas"]);
  });
});

describe("renderHelpPage: docs/guide.md as help.html", () => {
  const page = () => {
    const root = temporaryFolder();
    mkdirSync(path.join(root, "docs"));
    writeFileSync(
      path.join(root, "docs", "guide.md"),
      [
        "# Guide",
        "## Status",
        "Read [the payout](#payout) or [the same](guide.md#payout); ![The pane](pane.png).",
        "## Payout",
        "`KPI.PAYOUT(0.9, 1000, 0.8, 1.2)` → 900",
        "## Status",
      ].join("\n\n")
    );
    return renderHelpPage(root);
  };

  test("headings carry GitHub's ids, so help.html#x and docs/guide.md#x are the same section", () => {
    const html = page();
    expect(html).toContain('<h1 id="guide">Guide</h1>');
    expect(html).toContain('<h2 id="status">Status</h2>');
    expect(html).toContain('<h2 id="payout">Payout</h2>');
    expect(html).toContain('<h2 id="status-1">Status</h2>');
  });

  test("links to the guide's own sections stay in the page; images are served from docs/", () => {
    const html = page();
    expect(html).toContain('<a href="#payout">the payout</a> or <a href="#payout">the same</a>');
    expect(html).toContain('<img src="docs/pane.png" alt="The pane">');
  });

  test("the page loads only its own stylesheet and images (CSP)", () => {
    const html = page();
    expect(html).toContain('<link rel="stylesheet" href="help.css">');
    expect(html).toContain("content=\"default-src 'self'; style-src 'self'; img-src 'self'\"");
    expect(html).toContain("<title>KPI Rewards help</title>");
  });
});
