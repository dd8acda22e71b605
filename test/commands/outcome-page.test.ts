import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/chromium";
import { openWithFakeOffice, serveDist } from "../support/browser";

/** The dialog side of Office's dialog API: what the page sends up, and a way to send it messages. */
const DIALOG_API = `
  window.sent = [];
  Office.EventType.DialogParentMessageReceived = "dialogParentMessageReceived";
  Office.context.ui.messageParent = function (message) { window.sent.push(JSON.parse(message)); };
  Office.context.ui.addHandlerAsync = function (type, handler, done) {
    if (type === Office.EventType.DialogParentMessageReceived) window.fromParent = handler;
    done({ status: "succeeded" });
  };`;

const SUCCESS = {
  kind: "success",
  asOf: "30 Sep 2024",
  targets: 9,
  met: 2,
  missed: 2,
  pending: 2,
  review: 3,
  teams: 5,
  eligible: 0,
  issues: 3,
  totalReward: "14,893.68",
  run: "Run 2 · approved by Ana Silva on 30 Nov 2024",
};

describe("the ribbon's outcome dialog in headless Chromium", () => {
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

  async function open(query = ""): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 480, height: 360 } });
    await openWithFakeOffice(page, `${server.url}/outcome.html${query}`, DIALOG_API);
    await page.waitForFunction(() => (window as unknown as { sent: unknown[] }).sent?.length > 0);
    return page;
  }

  const text = (page: Page, id: string) => page.locator(`#${id}`).innerText();
  const topBorder = (page: Page) =>
    page.locator("main").evaluate((main) => getComputedStyle(main).borderTopColor);

  test("while running it shows the stage and a moving bar, no Close button, and tells the parent it is ready", async () => {
    const page = await open();
    expect(await text(page, "title")).toBe("Evaluating KPIs…");
    expect(await text(page, "message")).toBe("Starting");
    expect(await page.locator("#progress").isVisible()).toBe(true);
    expect(await page.locator("#close").isVisible()).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { sent: unknown[] }).sent)).toEqual([
      { kind: "ready" },
    ]);
    await page.evaluate(() =>
      (window as unknown as { fromParent: (a: { message: string }) => void }).fromParent({
        message: JSON.stringify({ kind: "running", stage: "Reading the workbook" }),
      })
    );
    expect(await text(page, "message")).toBe("Reading the workbook");
    await page.close();
  });

  test("a success shows counts and total reward in green, the way to the pane and a Close button that tells the parent", async () => {
    const page = await open();
    await page.evaluate(
      (message) =>
        (window as unknown as { fromParent: (a: { message: string }) => void }).fromParent({
          message,
        }),
      JSON.stringify(SUCCESS)
    );
    expect(await text(page, "title")).toBe("✓ KPI Rewards updated");
    expect(await text(page, "message")).toBe(
      "As of 30 Sep 2024. Total reward: 14,893.68. See the KPI Rewards sheet."
    );
    expect(await page.locator("#counts li").allInnerTexts()).toEqual([
      "Run 2 · approved by Ana Silva on 30 Nov 2024",
      "9 targets: 2 met, 2 missed, 2 pending, 3 to review",
      "0 of 5 teams eligible",
      "3 issues",
    ]);
    expect(await text(page, "hint")).toBe(
      "To see every target, team and issue, open the pane: Home tab › KPI Rewards group › Show pane."
    );
    expect(await page.locator("#progress").isVisible()).toBe(false);
    expect(await topBorder(page)).toBe("rgb(16, 124, 16)");
    await page.getByRole("button", { name: "Close" }).click();
    expect(await page.evaluate(() => (window as unknown as { sent: unknown[] }).sent)).toEqual([
      { kind: "ready" },
      { kind: "close" },
    ]);
    await page.close();
  });

  test("a failure looks different (red, an alert) and its message is shown as text, never markup", async () => {
    const failure = { kind: "failure", message: "<img src=x onerror=alert(1)> is not a table" };
    const page = await open(`?outcome=${encodeURIComponent(JSON.stringify(failure))}`);
    expect(await text(page, "title")).toBe("✕ KPI Rewards could not evaluate");
    expect(await text(page, "message")).toBe("<img src=x onerror=alert(1)> is not a table");
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.getByRole("alert").innerText()).toBe(failure.message);
    expect(await page.locator("#counts").isVisible()).toBe(false);
    expect(await topBorder(page)).toBe("rgb(197, 15, 31)");
    // Keyboard users close it too.
    await page.getByRole("button", { name: "Close" }).focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => (window as unknown as { sent: unknown[] }).sent)).toEqual([
      { kind: "ready" },
      { kind: "close" },
    ]);
    await page.close();
  });
});
