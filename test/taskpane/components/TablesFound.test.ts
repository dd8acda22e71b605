import { createElement } from "react";
import type { TableSummary } from "../../../src/engine";
import { TablesFound } from "../../../src/taskpane/components/TablesFound";
import { markup, textOf } from "../../support/markup";

const noop = () => undefined;
const shown = (tables: TableSummary[] | undefined, picked = false) =>
  textOf(
    markup(
      createElement(TablesFound, {
        tables,
        picked,
        onPickTargets: noop,
        onPickObservations: noop,
        onReset: noop,
      })
    )
  );

describe("the tables found, and the way to pick them from the selection", () => {
  test("each table: its kind, where it is, its name when it has one, its rows", () => {
    expect(
      shown([
        { kind: "targets", sheet: "Targets", name: "KpiTargets", address: "A1:O9", rows: 8 },
        { kind: "wide observations", sheet: "Helpdesk Revamp", address: "A1:C275", rows: 274 },
      ])
    ).toBe(
      "Tables found Targets: Targets!A1:O9 (KpiTargets) · 8 rows " +
        "Observations (wide): Helpdesk Revamp!A1:C275 · 274 rows " +
        "Use selection as Targets Add selection as observations"
    );
  });

  test("while looking, and when nothing is found, it says so and what a table needs", () => {
    expect(shown(undefined)).toBe(
      "Tables found Looking for tables… Use selection as Targets Add selection as observations"
    );
    expect(shown([])).toBe(
      "Tables found No Targets or observation tables in this workbook yet. " +
        "A Targets table needs a header row with Project, KPI, Start, Window (or End) and Target. " +
        "Observations need Project, KPI, Date and Value, or a Date column and one column per KPI. " +
        "Use selection as Targets Add selection as observations"
    );
  });

  test("tables picked from the selection are said so, with the way back to finding them", () => {
    expect(shown([{ kind: "targets", sheet: "Sheet1", address: "B2:F4", rows: 2 }], true)).toBe(
      "Tables picked from the selection Targets: Sheet1!B2:F4 · 2 rows " +
        "Use selection as Targets Add selection as observations Find tables automatically"
    );
  });
});
