import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { evaluateWorkbook, type Evaluation } from "../../src/engine";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../src/sheet/sample";

/**
 * A pane component rendered to HTML in Node (Fluent UI v9 renders on the server): what it shows and
 * the attributes assistive technology reads, checked without a browser. The browser tests drive the
 * whole pane; these pin each component's own rules.
 */
export function markup(element: ReactElement): string {
  return renderToStaticMarkup(element);
}

/** The text a reader sees: tags dropped, entities decoded, runs of space as one. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The value of `attribute` on the first element that has it. */
export function attributeOf(html: string, attribute: string): string | undefined {
  return new RegExp(`\\s${attribute}="([^"]*)"`).exec(html)?.[1];
}

/** The demo workbook evaluated on its as-of date, 30 Sep 2024 (pinned in test/fixtures/layout-pin.json). */
export function sampleEvaluation(): Evaluation {
  return evaluateWorkbook(
    { sheets: sampleWorkbook().map((s) => ({ name: s.name, values: s.values })) },
    { asOf: SAMPLE_AS_OF }
  );
}
