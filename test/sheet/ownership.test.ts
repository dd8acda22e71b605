import {
  isLegacyOwnerName,
  isOwnedSheet,
  ownerReference,
  referencedSheet,
} from "../../src/sheet/ownership";

describe("ownership", () => {
  test("the owner mark points at the sheet's first cell, quotes doubled", () => {
    expect(ownerReference("KPI Rewards")).toBe("'KPI Rewards'!$A$1");
    expect(ownerReference("Bob's results")).toBe("'Bob''s results'!$A$1");
  });

  test("a reference names its sheet, quoted or not; #REF! names none", () => {
    expect(referencedSheet("='KPI Rewards'!$A$1")).toBe("KPI Rewards");
    expect(referencedSheet("'Bob''s results'!$A$1")).toBe("Bob's results");
    expect(referencedSheet("Sheet1!A1")).toBe("Sheet1");
    expect(referencedSheet("=#REF!$A$1")).toBeUndefined();
    expect(referencedSheet("=42")).toBeUndefined();
  });

  test("a sheet-scoped mark pointing into the sheet makes it ours, in any case", () => {
    const names = [
      { name: "KpiRewards_Owner", formula: "='kpi rewards'!$A$1", sheet: "kpi rewards" },
    ];
    expect(isOwnedSheet("KPI Rewards", names)).toBe(true);
  });

  test("a mark scoped to another sheet does not make this one ours", () => {
    const names = [
      { name: "KpiRewards_Owner", formula: "='KPI Rewards'!$A$1", sheet: "Jan results" },
    ];
    expect(isOwnedSheet("KPI Rewards", names)).toBe(false);
  });

  test("a renamed results sheet keeps its mark; the user's new sheet of our name is not ours", () => {
    const names = [
      { name: "KpiRewards_Owner", formula: "='Jan results'!$A$1", sheet: "Jan results" },
    ];
    expect(isOwnedSheet("Jan results", names)).toBe(true);
    expect(isOwnedSheet("KPI Rewards", names)).toBe(false);
  });

  test("a legacy workbook-scoped mark counts only when it points exactly at the sheet", () => {
    const renamed = [{ name: "KpiRewards_Owner", formula: "='KPI Rewards Jan'!$A$1" }];
    expect(isOwnedSheet("KPI Rewards", renamed)).toBe(false);
    expect(isOwnedSheet("KPI Rewards Jan", renamed)).toBe(true);
    expect(isLegacyOwnerName(renamed[0])).toBe(true);
  });

  test("a mark left pointing at #REF! owns nothing", () => {
    expect(isOwnedSheet("KPI Rewards", [{ name: "KpiRewards_Owner", formula: "=#REF!" }])).toBe(
      false
    );
  });
});
