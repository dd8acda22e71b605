import type { Browser, Page } from "playwright-core";
import { openWithFakeOffice, serveDist } from "../../support/browser";
import { launchChromium } from "../../support/chromium";

/** A 300,000-row workbook: its read takes several chunks, and Excel "stays busy" on the first one. */
const SETUP = `
  var rows = [["Project", "KPI", "Date", "Value"]];
  for (var i = 0; i < 300000; i++) rows.push(["Helpdesk", "Calls", 45292 + Math.floor(i / 1000), 10]);
  state.addSheet("Observations", rows);
  state.addSheet("Targets", [["Project", "KPI", "Start", "Window", "Target"], ["Helpdesk", "Calls", 45400, "30 days", -0.2]]);
  window.holdReads = function () {
    var first = state.syncs + 2;
    var release;
    window.releaseReads = new Promise(function (resolve) { release = resolve; }).then(function () {});
    window.release = function () { release(); };
    state.beforeSync = function () { return state.syncs >= first ? window.releaseReads : undefined; };
  };
`;

describe("the pane while it reads a large workbook", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  let page: Page;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    await openWithFakeOffice(page, `${server.url}/taskpane.html`, SETUP);
    await page.getByTestId("tables").waitFor({ timeout: 60_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("shows which rows it is reading, and Cancel stops it before anything is written", async () => {
    await page.evaluate(() => (window as unknown as { holdReads: () => void }).holdReads());
    await page.getByRole("button", { name: "Evaluate" }).click();
    // The names and the used ranges (with the first 1,562 rows of each sheet) are read; the first chunk waits.
    const reading = page.getByTestId("reading");
    await reading.getByText(/^Reading rows 1,563–[\d,]+ of 300,003…$/).waitFor();
    await reading.getByRole("button", { name: "Cancel" }).click();
    await reading.getByText("Cancelling after this part of the workbook…").waitFor();
    expect(await reading.getByRole("button", { name: "Cancel" }).isDisabled()).toBe(true);
    await page.evaluate(() => (window as unknown as { release: () => void }).release());
    const problem = page.getByTestId("problem");
    await problem.waitFor();
    expect(await problem.locator(".fui-MessageBarTitle").innerText()).toBe("Evaluation cancelled");
    expect(await problem.innerText()).toContain(
      "Reading was cancelled before it finished. Nothing was written. Previous results are unchanged."
    );
    expect(await reading.count()).toBe(0);
    const sheets = await page.evaluate(() =>
      (
        window as unknown as { fakeExcel: { state: { sheets: { name: string }[] } } }
      ).fakeExcel.state.sheets.map((s) => s.name)
    );
    expect(sheets).toEqual(["Observations", "Targets"]);
  }, 60_000);
});
