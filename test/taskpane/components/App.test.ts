import { mkdirSync } from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { OFFICE_JS, openWithFakeOffice, serveDist } from "../../support/browser";
import { launchChromium } from "../../support/chromium";

describe("the task pane in headless Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh pane on an empty workbook, with the URLs it asks for; every test starts from its own. */
  async function openPane(): Promise<{ page: Page; requests: string[] }> {
    const requests: string[] = [];
    const page = await browser.newPage({ viewport: { width: 420, height: 1400 } });
    page.on("request", (request) => requests.push(request.url()));
    await openWithFakeOffice(page, `${server.url}/taskpane.html`);
    return { page, requests };
  }

  /** The sample created from the pane: its tables found, nothing evaluated yet. */
  async function withSample(): Promise<Page> {
    const { page } = await openPane();
    await page.getByRole("button", { name: "Create sample workbook" }).click();
    await page.getByTestId("tables").waitFor();
    return page;
  }

  /** The sample created and evaluated on its own as-of date, 30 Sep 2024. */
  async function evaluatedSample(): Promise<Page> {
    const page = await withSample();
    await page.getByRole("button", { name: "Evaluate" }).click();
    await page.getByTestId("summary").waitFor();
    return page;
  }

  test("on an empty workbook it offers the sample, then lists the tables it wrote", async () => {
    const { page } = await openPane();
    await page.getByText("No Targets or observation tables in this workbook yet.").waitFor();
    await page.getByRole("button", { name: "Create sample workbook" }).click();
    await page.getByTestId("tables").waitFor();
    const tables = await page.getByTestId("tables").locator("li").allInnerTexts();
    expect(tables).toEqual([
      "Targets: Targets!A1:O10 (KpiTargets) · 9 rows",
      "Observations (wide): Helpdesk Revamp!A1:C306 (HelpdeskKpis) · 305 rows",
      "Observations (wide): Procure-to-Pay!A1:C44 (ProcureToPayKpis) · 43 rows",
      "Observations (long): Observations!A1:D87 (KpiObservations) · 86 rows",
    ]);
    expect(await page.getByLabel("As of").inputValue()).toBe("2024-09-30");
  });

  test("Evaluate writes the results sheet and shows badges for teams and targets", async () => {
    const page = await withSample();
    await page.getByRole("button", { name: "Evaluate" }).click();
    await page.getByTestId("summary").waitFor();
    expect(await page.getByTestId("summary-reward").innerText()).toBe("14,893.68");
    const teamBadges = await page
      .getByTestId("team")
      .locator("[data-status]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-status")));
    expect(teamBadges).toEqual(["No", "No", "Review", "Review", "Pending"]);
    const targetBadges = await page
      .getByTestId("target")
      .locator("[data-status]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-status")));
    expect(targetBadges).toEqual([
      "Met",
      "Missed",
      "Met",
      "Missed",
      "Pending",
      "Insufficient data",
      "Invalid",
      "Invalid",
      "Pending",
    ]);

    const cells = await page.evaluate(() => {
      const { state, lib } = (
        window as unknown as {
          fakeExcel: {
            state: unknown;
            lib: { sheetValues: (s: unknown, n: string) => unknown[][] };
          };
        }
      ).fakeExcel;
      return lib.sheetValues(state, "KPI Rewards");
    });
    expect(cells[0][0]).toBe("KPI Rewards");
    expect(cells[24].slice(0, 3)).toEqual(["Helpdesk Revamp", "Service Desk", "Support calls"]);
    expect(cells[24][12]).toBe("Met");

    mkdirSync(path.join(__dirname, "..", "..", "..", "test-results"), { recursive: true });
    await page.screenshot({
      path: path.join(__dirname, "..", "..", "..", "test-results", "pane.png"),
      fullPage: true,
    });
  });

  test("clicking a target selects its row in the workbook", async () => {
    const page = await evaluatedSample();
    await page.getByTestId("target").nth(2).click();
    await page.waitForFunction(
      () =>
        (window as unknown as { fakeExcel: { state: { selection?: unknown } } }).fakeExcel.state
          .selection !== undefined
    );
    const selection = await page.evaluate(() => {
      const { state } = (
        window as unknown as {
          fakeExcel: {
            state: { selection: { sheet: { name: string }; box: { top: number; left: number } } };
          };
        }
      ).fakeExcel;
      return [state.selection.sheet.name, state.selection.box.top, state.selection.box.left];
    });
    expect(selection).toEqual(["Targets", 3, 0]);
  });

  test("clicking an issue selects its cell", async () => {
    const page = await evaluatedSample();
    await page.getByTestId("issue").first().click();
    await page.waitForFunction(() => {
      const { selection } = (
        window as unknown as {
          fakeExcel: { state: { selection: { sheet: { name: string }; box: { top: number } } } };
        }
      ).fakeExcel.state;
      return selection.sheet.name === "Helpdesk Revamp" && selection.box.top === 228;
    });
  });

  test("targets are reachable by keyboard", async () => {
    const page = await evaluatedSample();
    await page.getByTestId("target").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        (window as unknown as { fakeExcel: { state: { selection: { box: { top: number } } } } })
          .fakeExcel.state.selection.box.top === 1
    );
  });

  test("the selection can stand in for the Targets table, and automatic finding comes back", async () => {
    const page = await withSample();
    await page.evaluate(() => {
      const { state, lib } = (
        window as unknown as {
          fakeExcel: {
            state: { sheet: (n: string) => unknown; selection: unknown };
            lib: { parseBox: (a: string) => unknown };
          };
        }
      ).fakeExcel;
      state.selection = { sheet: state.sheet("Targets"), box: lib.parseBox("A1:O3") };
    });
    await page.getByRole("button", { name: "Use selection as Targets" }).click();
    await page.getByText("Tables picked from the selection").waitFor();
    await page.getByText("Targets: Targets!A1:O3 (Selection1) · 2 rows").waitFor();
    await page.getByRole("button", { name: "Find tables automatically" }).click();
    await page.getByText("Targets: Targets!A1:O10 (KpiTargets) · 9 rows").waitFor();
  });

  test("a KPI Rewards sheet that is not ours is left alone, and a message says what to do", async () => {
    const page = await evaluatedSample();
    // The owner mark is scoped to the sheet: without it the sheet is the user's.
    await page.evaluate(() =>
      (
        window as unknown as {
          fakeExcel: { state: { sheet: (n: string) => { names: Map<string, unknown> } } };
        }
      ).fakeExcel.state
        .sheet("KPI Rewards")
        .names.delete("KpiRewards_Owner")
    );
    await page.getByRole("button", { name: "Evaluate" }).click();
    const problem = page.getByTestId("problem");
    await problem.waitFor();
    expect(await problem.innerText()).toBe(
      "Results sheet not written" +
        'A sheet named "KPI Rewards" already exists and was not created by KPI Rewards, so it is left as it is. Rename or delete it, then evaluate again.'
    );
  });

  test("the page asks the network for nothing but itself and office.js", async () => {
    const { page, requests } = await openPane();
    await page.getByRole("button", { name: "Create sample workbook" }).click();
    await page.getByTestId("tables").waitFor();
    await page.getByRole("button", { name: "Evaluate" }).click();
    await page.getByTestId("summary").waitFor();
    const foreign = requests.filter((url) => !url.startsWith(server.url) && url !== OFFICE_JS);
    expect(foreign).toEqual([]);
  });
});
