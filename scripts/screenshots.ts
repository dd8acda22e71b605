/**
 * Takes the README's pictures of the pane at 350 px, the width of Excel's task pane: the summary, a
 * trend picture and the issues, after evaluating the sample workbook in the in-memory Excel; then the
 * run history after approving run 1, changing one reward and evaluating again.
 * Run with `npm run screenshots` (it builds first); writes docs/pane-*.png.
 */
import path from "path";
import { openWithFakeOffice, serveDist } from "../test/support/browser";
import { launchChromium } from "../test/support/chromium";

const WIDTH = 350;
const docs = path.join(__dirname, "..", "docs");

async function main(): Promise<void> {
  const server = await serveDist();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
    await openWithFakeOffice(page, `${server.url}/taskpane.html`);
    await page.getByRole("button", { name: "Create sample workbook" }).click();
    await page.getByTestId("tables").waitFor();
    await page.getByRole("button", { name: "Evaluate" }).click();
    await page.getByTestId("summary").waitFor();

    const shot = async (name: string, top: number, bottom: number) => {
      await page.setViewportSize({ width: WIDTH, height: Math.ceil(bottom) + 16 });
      await page.screenshot({
        path: path.join(docs, name),
        clip: { x: 0, y: top, width: WIDTH, height: bottom - top },
        fullPage: true,
      });
      console.log(`docs/${name}`);
    };
    const box = async (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((n) => {
          const r = n.getBoundingClientRect();
          return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
        });

    // The summary and the teams, under the pane's controls.
    const summary = await box('[data-testid="summary"]');
    const teams = await box('section[aria-labelledby="teams-heading"]');
    await shot("pane-summary.png", Math.max(0, summary.top - 12), teams.bottom + 12);

    // The Pending Sales target with its trend: windows, levels, the as-of date and the projection.
    await page.getByTestId("trend-toggle").nth(4).click();
    await page.getByTestId("trend").waitFor();
    const card = await box('li:has([data-testid="trend"])');
    await shot("pane-trend.png", card.top - 8, card.bottom + 8);

    const issues = await box('section[aria-labelledby="issues-heading"]');
    await shot("pane-issues.png", issues.top - 8, issues.bottom + 8);

    // Run 1 approved by Ana Silva; Process cost's Reward (Targets!L4) 8,000 → 9,000; run 2 says what changed.
    await page.setViewportSize({ width: WIDTH, height: 900 });
    await page.getByRole("button", { name: "Approve run 1" }).click();
    await page.getByRole("dialog").getByLabel("Approved by").fill("Ana Silva");
    await page.getByRole("dialog").getByRole("button", { name: "Approve", exact: true }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="run-line"]')?.textContent?.includes("approved")
    );
    await page.evaluate(() =>
      (
        window as unknown as {
          fakeExcel: { state: { typeInto(s: string, r: number, c: number, v: number): void } };
        }
      ).fakeExcel.state.typeInto("Targets", 3, 11, 9000)
    );
    await page.getByTestId("stale").waitFor();
    await page.getByRole("button", { name: "Evaluate", exact: true }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="run-line"]')?.textContent?.startsWith("Run 2")
    );
    const run = await box('[data-testid="run"]');
    await shot("pane-run.png", run.top - 8, run.bottom + 8);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
