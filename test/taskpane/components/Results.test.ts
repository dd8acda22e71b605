import type { Browser, Page } from "playwright-core";
import { openWithFakeOffice, serveDist } from "../../support/browser";
import { launchChromium } from "../../support/chromium";

type FakeWindow = {
  fakeExcel: {
    state: {
      typeInto: (sheet: string, row: number, column: number, value: string | number) => void;
      selection: unknown;
      sheet: (name: string) => unknown;
      excelApi: number;
    };
    lib: { parseBox: (address: string) => unknown };
  };
};

/**
 * Fluent animates a button's background when it becomes primary or stops being so: read until the
 * colours settle on what is expected (or 5 s pass), so the test sees the end state, not a frame of it.
 */
async function settled<T>(read: () => Promise<T>, expected: T): Promise<T> {
  const deadline = Date.now() + 5000;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describe("the pane's results at 320 px", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  /** One evaluated sample for the tests that only read the pane (they do not depend on each other). */
  let shared: Page;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
    shared = await evaluatedSample();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh pane on an empty workbook; each test starts from its own. */
  async function openPane(width = 320): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await openWithFakeOffice(page, `${server.url}/taskpane.html`);
    return page;
  }

  /** The sample created and evaluated on its own as-of date, 30 Sep 2024. */
  async function evaluatedSample(width = 320): Promise<Page> {
    const page = await openPane(width);
    await page.getByRole("button", { name: "Create sample workbook" }).click();
    await page.getByTestId("tables").waitFor();
    await page.getByRole("button", { name: "Evaluate" }).click();
    await page.getByTestId("summary").waitFor();
    return page;
  }

  test("the summary's team counts add up to the teams, with the as-of date, reward and issues", async () => {
    const page = shared;
    expect(await page.getByTestId("summary-as-of").innerText()).toBe(
      "As of 30 Sep 2024 · 9 targets · 5 teams"
    );
    const counts = await page.getByTestId("summary-count").allInnerTexts();
    expect(counts.map((c) => c.replace(/\s+/g, " "))).toEqual([
      "0 Eligible",
      "2 Not eligible",
      "1 Pending",
      "2 Review",
    ]);
    expect(await page.getByTestId("summary-reward").innerText()).toBe("14,893.68");
    expect(await page.getByTestId("summary-issues").innerText()).toBe("3 issues — show");
  }, 60_000);

  test("badges keep their label on one line, unclipped, even beside long titles", async () => {
    const page = shared;
    const badges = await page.locator("[data-status]").evaluateAll((nodes) =>
      nodes.map((n) => {
        const box = n.getBoundingClientRect();
        return {
          label: n.getAttribute("data-status"),
          clipped: n.scrollWidth > n.clientWidth + 1,
          lines: Math.round(box.height / parseFloat(getComputedStyle(n).lineHeight)),
          width: box.width,
        };
      })
    );
    expect(badges.length).toBe(14);
    expect(badges.filter((b) => b.clipped || b.lines > 1)).toEqual([]);
    const insufficient = badges.find((b) => b.label === "Insufficient data")!;
    expect(insufficient.width).toBeGreaterThan(80);
  }, 60_000);

  test("a Pending target shows its pace beside its status; decided targets show none", async () => {
    // The sample's Checkout 2.0 sales, as of its window's last day, already exceed the target total.
    const paces = await shared.locator("[data-pace]").evaluateAll((nodes) =>
      nodes.map((n) => ({
        pace: n.getAttribute("data-pace"),
        target: n.closest("[data-testid=target]")?.textContent?.split(" · ")[0],
        clipped: n.scrollWidth > n.clientWidth + 1,
      }))
    );
    expect(paces).toEqual([{ pace: "On track", target: "Checkout 2.0", clipped: false }]);
  }, 60_000);

  test("attainment bars run to 150 % and take the status colour: green met, red missed, amber pending", async () => {
    const page = shared;
    const bars = await page.locator('[role="meter"]').evaluateAll((nodes) =>
      nodes.map((n) => {
        const fill = n.querySelector<HTMLElement>('[data-testid="attainment-fill"]')!;
        return {
          text: n.getAttribute("aria-valuetext"),
          colour: getComputedStyle(fill).backgroundColor,
          share: fill.getBoundingClientRect().width / n.getBoundingClientRect().width,
          height: n.getBoundingClientRect().height,
        };
      })
    );
    const byStatus = (status: string) => bars.find((b) => b.text?.endsWith(`(${status})`))!;
    expect(byStatus("Met").text).toBe("112% (Met)");
    expect(byStatus("Met").share).toBeCloseTo(1.12 / 1.5, 2);
    expect(byStatus("Met").colour).toBe("rgb(16, 124, 16)");
    expect(byStatus("Missed").colour).toBe("rgb(209, 52, 56)");
    expect(byStatus("Pending").colour).toBe("rgb(234, 163, 0)");
    expect(bars.every((b) => b.height >= 8)).toBe(true);
  }, 60_000);

  test("the issues are one click away from the summary", async () => {
    const page = shared;
    await page.getByTestId("summary-issues").click();
    const heading = page.locator("#issues-heading");
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
    const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900);
  }, 60_000);

  test("a target's trend opens from the keyboard, draws both windows and levels, and says it in words", async () => {
    const page = shared;
    const toggle = page.getByTestId("trend-toggle").first();
    await toggle.focus();
    await page.keyboard.press("Enter");
    const trend = page.getByTestId("trend");
    await trend.waitFor();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    for (const part of [
      "trend-baseline-window",
      "trend-evaluation-window",
      "trend-baseline-level",
      "trend-target-level",
      "trend-line",
    ])
      expect(await trend.getByTestId(part).count()).toBe(1);
    expect(await trend.locator('svg[role="img"] title').textContent()).toBe(
      "Support calls: 60 observations from 1 Jan 2024 to 29 Feb 2024; baseline 412.0 in 1 Jan–31 Jan 2024; target 329.6 in 1 Feb–29 Feb 2024; as of 30 Sep 2024."
    );
    expect(await trend.getByTestId("trend-text").innerText()).toContain(
      "As of 30 Sep 2024, after the windows shown."
    );
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("trend").count()).toBe(0);

    // Sales is Pending on 30 Sep 2024, the last day of its window: the as-of date and the projection show.
    const sales = page.getByTestId("trend-toggle").nth(4);
    await sales.click();
    const pending = page.getByTestId("trend");
    await pending.waitFor();
    expect(await pending.getByTestId("trend-as-of").count()).toBe(1);
    expect(await pending.getByTestId("trend-projected").count()).toBe(1);
    expect(await pending.locator("title").textContent()).toMatch(
      /^Sales: \d+ observations .* \(running total in each window\); .*; as of 30 Sep 2024\. Projected 2,181,640\.0 by 30 Sep 2024\.$/
    );
    await sales.click();
  }, 60_000);

  test("results are marked stale when the as-of date, the tables or the workbook change", async () => {
    const page = await evaluatedSample();
    expect(await page.getByTestId("stale").count()).toBe(0);
    await page.getByLabel("As of").fill("2024-10-31");
    await page.getByTestId("stale").waitFor();
    expect(await page.getByTestId("stale").innerText()).toContain(
      "Since they were computed, the as-of date changed. Evaluate again to update them."
    );
    await page.getByLabel("As of").fill("2024-09-30");
    await page.getByTestId("stale").waitFor({ state: "detached" });
    await page.evaluate(() => {
      const { state, lib } = (window as unknown as FakeWindow).fakeExcel;
      state.selection = { sheet: state.sheet("Targets"), box: lib.parseBox("A1:O3") };
    });
    await page.getByRole("button", { name: "Use selection as Targets" }).click();
    await page.getByText("Since they were computed, the chosen tables changed.").waitFor();
    await page.getByRole("button", { name: "Find tables automatically" }).click();
    await page.getByTestId("stale").waitFor({ state: "detached" });
    await page.evaluate(() =>
      (window as unknown as FakeWindow).fakeExcel.state.typeInto("Observations", 5, 3, 999)
    );
    await page.getByText("Since they were computed, the workbook changed.").waitFor();
    await page.getByRole("button", { name: "Evaluate" }).click();
    await page.getByTestId("stale").waitFor({ state: "detached" });
    await page.close();
  }, 60_000);

  test("one primary action: Create sample on an empty workbook, Evaluate once tables are found", async () => {
    const page = await openPane();
    await page.getByTestId("table-help").waitFor();
    const evaluate = page.getByRole("button", { name: "Evaluate" });
    expect(await evaluate.isDisabled()).toBe(true);
    const primaries = () =>
      page
        .locator("button.fui-Button")
        .evaluateAll((nodes) =>
          nodes
            .filter((n) => getComputedStyle(n).backgroundColor === "rgb(15, 108, 189)")
            .map((n) => n.textContent)
        );
    expect(await settled(primaries, ["Create sample workbook"])).toEqual([
      "Create sample workbook",
    ]);
    await page.getByRole("button", { name: "Create sample workbook" }).click();
    await page.getByTestId("tables").waitFor();
    expect(await evaluate.isDisabled()).toBe(false);
    expect(await settled(primaries, ["Evaluate"])).toEqual(["Evaluate"]);
    await page.close();
  }, 60_000);

  test("an empty or header-only selection is refused with a message", async () => {
    const page = await openPane();
    await page.getByRole("button", { name: "Create sample workbook" }).click();
    await page.getByTestId("tables").waitFor();
    const select = (sheet: string, address: string) =>
      page.evaluate(
        ([s, a]) => {
          const { state, lib } = (window as unknown as FakeWindow).fakeExcel;
          state.selection = { sheet: state.sheet(s), box: lib.parseBox(a) };
        },
        [sheet, address]
      );
    await select("Targets", "R20:T30");
    await page.getByRole("button", { name: "Use selection as Targets" }).click();
    await page.getByTestId("problem").waitFor();
    expect(await page.getByTestId("problem").innerText()).toBe(
      "Selection not usedThe selection Targets!R20:T30 is empty. Select a table: its header row and the rows under it."
    );
    await select("Targets", "A1:O1");
    await page.getByRole("button", { name: "Add selection as observations" }).click();
    await page.getByText("has a header row but no data under it").waitFor();
    expect(await page.getByTestId("problem").innerText()).toBe(
      "Selection not usedThe selection Targets!A1:O1 has a header row but no data under it. Select the header row and the rows under it."
    );
    expect(await page.getByText("Tables picked from the selection").count()).toBe(0);
    await page.close();
  }, 60_000);
});
