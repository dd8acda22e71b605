import type { Browser, Page } from "playwright-core";
import { openWithFakeOffice, serveDist } from "../../support/browser";
import { launchChromium } from "../../support/chromium";

type FakeWindow = {
  fakeExcel: {
    state: {
      typeInto: (sheet: string, row: number, column: number, value: string | number) => void;
      addSheet: (name: string, rows: (string | number)[][]) => unknown;
      savedSettings: Map<string, { approver?: string }>;
    };
  };
};

describe("the pane's run line, what changed, Approve and adjustments", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh pane on the sample with an Adjustments table, evaluated once: run 1. */
  async function evaluatedSample(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 320, height: 1400 } });
    await openWithFakeOffice(page, `${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Create sample workbook" }).click();
    await page.getByTestId("tables").waitFor();
    await page.evaluate(() =>
      (window as unknown as FakeWindow).fakeExcel.state.addSheet("Adjustments", [
        ["Project", "KPI", "Amount", "Reason"],
        ["Procure-to-Pay", "Process cost", 500, "Late invoices counted"],
      ])
    );
    await evaluate(page);
    return page;
  }

  async function evaluate(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Evaluate", exact: true }).click();
    await page.getByTestId("run-line").waitFor();
    await page.getByRole("button", { name: "Evaluate", exact: true }).isEnabled();
    await page.waitForFunction(
      () => !document.body.innerText.includes("Writing the KPI Rewards sheet")
    );
  }

  /** Process cost's Reward cell (Targets!L4) from 8,000 to `amount`: new inputs. */
  async function changeReward(page: Page, amount: number): Promise<void> {
    await page.evaluate(
      (value) =>
        (window as unknown as FakeWindow).fakeExcel.state.typeInto("Targets", 3, 11, value),
      amount
    );
    await page.getByTestId("stale").waitFor();
  }

  const runLine = (page: Page) => page.getByTestId("run-line").innerText();

  test("the first run says Run 1 and lists each adjustment beside the target it changes", async () => {
    const page = await evaluatedSample();
    expect(await runLine(page)).toBe("Run 1");
    const adjusted = page.getByTestId("target").nth(2).locator("..");
    expect(await adjusted.getByTestId("adjustment").allInnerTexts()).toEqual([
      "Adjusted +500.00: Late invoices counted",
    ]);
    expect(await page.getByTestId("adjustment").count()).toBe(1);
    await page.close();
  });

  test("new inputs give run 2 with what changed, each sentence with its target; the same again records nothing", async () => {
    const page = await evaluatedSample();
    await changeReward(page, 9000);
    await evaluate(page);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="run-line"]')?.textContent?.startsWith("Run 2")
    );
    expect(await runLine(page)).toBe("Run 2");
    expect(await page.getByTestId("change").allInnerTexts()).toEqual([
      "Procure-to-Pay · Process cost: Met as in run 1 (as of 30 Sep 2024): payout 8,000.00 → 9,000.00",
    ]);
    await evaluate(page);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="run-line"]')?.textContent?.includes("nothing new")
    );
    expect(await runLine(page)).toBe("Same inputs as run 2 (nothing new recorded)");
    await page.close();
  });

  test("Approve asks for the name once (not blank), remembers it in the workbook, and an approved run cannot be approved again", async () => {
    const page = await evaluatedSample();
    // The approval is dated by the pane's clock: stopped at 30 Nov 2024, so no midnight moves it.
    await page.clock.setFixedTime(new Date(2024, 10, 30, 10, 0));
    await page.getByRole("button", { name: "Approve run 1" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    expect(await dialog.getByText("Enter the name of the person approving the run.").count()).toBe(
      1
    );
    await dialog.getByLabel("Approved by").fill("Ana Silva");
    await dialog.getByRole("button", { name: "Approve", exact: true }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="run-line"]')?.textContent?.includes("approved")
    );
    expect(await runLine(page)).toBe("Run 1 · approved by Ana Silva on 30 Nov 2024");
    expect(await page.getByRole("button", { name: "Approve run 1" }).isDisabled()).toBe(true);
    expect(await page.getByTestId("approve-note").innerText()).toBe(
      "Run 1 is approved; an approved run cannot be approved again."
    );
    const saved = await page.evaluate(
      () =>
        (window as unknown as FakeWindow).fakeExcel.state.savedSettings.get("kpiRewards")?.approver
    );
    expect(saved).toBe("Ana Silva");

    // Run 2 is approved by the remembered name without asking again.
    await changeReward(page, 9000);
    await evaluate(page);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="run-line"]')?.textContent?.startsWith("Run 2")
    );
    expect(await page.getByTestId("approve-note").innerText()).toBe("Approves as Ana Silva.");
    await page.getByRole("button", { name: "Approve run 2" }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="run-line"]')?.textContent?.includes("approved")
    );
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(await runLine(page)).toBe("Run 2 · approved by Ana Silva on 30 Nov 2024");
    await page.close();
  });
});
