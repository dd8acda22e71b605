import { createElement } from "react";
import { Summary } from "../../../src/taskpane/components/Summary";
import { markup, sampleEvaluation, textOf } from "../../support/markup";

const noop = () => undefined;

describe("the summary: as-of date, teams by verdict, total reward, the way to the issues", () => {
  const evaluation = sampleEvaluation();

  test("the demo on 30 Sep 2024: 9 targets, 5 teams counted once each by verdict, 14,893.68", () => {
    // Service Desk and Finance Ops No, Digital Commerce and Mobile Review, BI Platform Pending.
    expect(textOf(markup(createElement(Summary, { evaluation, onShowIssues: noop })))).toBe(
      "Summary As of 30 Sep 2024 · 9 targets · 5 teams " +
        "0 Eligible 2 Not eligible 1 Pending 2 Review " +
        "Total reward 14,893.68 Issues 3 issues — show"
    );
  });

  test("the issues line is a link when there are issues and 'none' otherwise", () => {
    const html = markup(createElement(Summary, { evaluation, onShowIssues: noop }));
    expect(html).toMatch(/<button[^>]*data-testid="summary-issues"[^>]*>3 issues — show<\/button>/);
    const clean = { ...evaluation, issues: [] };
    const none = markup(createElement(Summary, { evaluation: clean, onShowIssues: noop }));
    expect(textOf(none)).toMatch(/Issues none$/);
    expect(none).not.toContain("<button");
  });
});
