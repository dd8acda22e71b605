import { readFileSync } from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/chromium";
import { fakeOfficeScript } from "../support/browser";
import {
  CDN,
  framedUrl,
  loadInExcelWeb,
  received,
  type HostedLoad,
  type HostKind,
} from "../support/office-web-host";

const dist = path.join(__dirname, "..", "..", "dist");

/** A page's Content-Security-Policy meta tag, as built, directive → sources. */
function policyOf(page: string): Map<string, string[]> {
  const html = readFileSync(path.join(dist, page), "utf8");
  const content = /http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/.exec(html)?.[1];
  if (!content) throw new Error(`${page} has no Content-Security-Policy`);
  return new Map(
    content
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources])
  );
}

/** The same page with one source taken out of one directive. */
function without(directive: string, source: string): (html: string) => string {
  return (html) =>
    html.replace(
      /(http-equiv="?Content-Security-Policy"?\s+content=")([^"]*)"/,
      (_m, head, content) => {
        const rewritten = (content as string)
          .split(";")
          .map((d) => {
            const [name, ...sources] = d.trim().split(/\s+/);
            if (name !== directive) return d.trim();
            const left = sources.filter((s) => s !== source);
            return [name, ...(left.length ? left : ["'none'"])].join(" ");
          })
          .join("; ");
        return `${head}${rewritten}"`;
      }
    );
}

/** A violation of `directive` itself or of its -elem/-attr part, other than the token parse error. */
function blocks(v: HostedLoad["violations"][number], directive: string): boolean {
  return (
    (v.directive === directive || v.directive.startsWith(`${directive}-`)) && !tokenParseError(v)
  );
}

interface Scenario {
  readonly page: string;
  readonly kind: HostKind;
  /** office.js has initialised the page and the page's own script ran. */
  readonly ready: (page: Page) => Promise<boolean>;
}

const sent = async (page: Page, action: string) =>
  (await received(page)).some((m) => m.action === action);

const SCENARIOS: Scenario[] = [
  {
    page: "taskpane.html",
    kind: "taskpane",
    // The pane rendered and asked Excel for the workbook (the fake host has none, so that fails).
    ready: async (page) =>
      (await sent(page, "executeMethod")) &&
      (await page.frameLocator("#addin").locator("#root button").count()) > 0,
  },
  {
    page: "commands.html",
    kind: "taskpane",
    // Office.onReady ran: office.js registered for ribbon command invocations.
    ready: (page) => sent(page, "appCommandInvoked"),
  },
  {
    page: "outcome.html",
    kind: "dialog",
    // The dialog registered for its parent's messages and told the parent it is ready.
    ready: async (page) =>
      (await received(page)).some(
        (m) =>
          m.action === "executeMethod" &&
          (m.data as { messageToParent?: string }).messageToParent === '{"kind":"ready"}'
      ),
  },
  {
    page: "functions.html",
    kind: "taskpane",
    // The custom functions runtime initialised and listens for Excel's calls.
    ready: (page) => sent(page, "richApiMessage"),
  },
];

/**
 * The one thing the policies block on purpose: office.js parses the host's licence token with DOMParser,
 * and for a sideloaded add-in the token is empty, so Chromium builds its XML error document, whose
 * <parsererror> element carries a style attribute. It lives in a detached document that nobody renders
 * and office.js catches the failure either way, so allowing inline style attributes for it would widen
 * the policy for nothing.
 */
function tokenParseError(v: HostedLoad["violations"][number]): boolean {
  return (
    v.directive === "style-src-attr" &&
    v.blocked === "inline" &&
    /\/excel-web-16\.00(-core)?\.js$/.test(v.source)
  );
}

async function until(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("each page's Content-Security-Policy against the real office.js, framed as Excel on the web", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Loads a scenario, optionally with a rewritten page, and returns what happened once it is ready. */
  async function run(
    scenario: Scenario,
    rewrite?: (html: string) => string,
    settle: (page: Page, load: HostedLoad) => Promise<boolean> = scenario.ready
  ): Promise<HostedLoad> {
    const page = await browser.newPage();
    try {
      const load = await loadInExcelWeb(page, framedUrl(scenario.page, scenario.kind), rewrite);
      await until(() => settle(page, load), `${scenario.page} is ready`);
      // Give office.js time for what it loads after initialising (telemetry).
      await page.waitForTimeout(500);
      return load;
    } finally {
      await page.close();
    }
  }

  for (const scenario of SCENARIOS) {
    test(`${scenario.page}: office.js initialises, every request is served by the add-in or the office.js package, nothing is blocked`, async () => {
      const load = await run(scenario);
      expect(load.violations.filter((v) => !tokenParseError(v))).toEqual([]);
      expect(
        load.requests.filter((r) => r.servedBy === "blocked" || r.servedBy === "missing")
      ).toEqual([]);
      const fromCdn = load.requests.filter((r) => r.servedBy === "office-js").map((r) => r.url);
      expect(fromCdn).toContain(
        `${CDN}${scenario.page === "functions.html" ? "custom-functions-runtime.js" : "office.js"}`
      );
      // office.js picked Excel on the web's host file, so the page runs the code Excel would run.
      expect(fromCdn.some((u) => /excel-web-16\.00(-core)?\.js$/.test(u))).toBe(true);
      expect(fromCdn).toContain(`${CDN}en-us/office_strings.js`);
    }, 60_000);
  }

  test("the pane's own interface, driven through sample and evaluation by the in-memory Excel, needs nothing more", async () => {
    const page = await browser.newPage();
    try {
      const load = await loadInExcelWeb(page, framedUrl("taskpane.html", "taskpane"));
      await page.route(`${CDN}office.js`, (route) =>
        route.fulfill({
          contentType: "application/javascript",
          body: fakeOfficeScript('state.addSheet("Sheet1");'),
        })
      );
      await page.reload();
      const pane = page.frameLocator("#addin");
      await pane.getByRole("button", { name: "Create sample workbook" }).click();
      await pane.getByTestId("tables").waitFor();
      await pane.getByRole("button", { name: "Evaluate", exact: true }).click();
      await pane.getByTestId("summary").waitFor();
      expect(load.violations).toEqual([]);
    } finally {
      await page.close();
    }
  }, 90_000);

  // Each source each policy allows is needed: taking it out makes the page break.
  const ablations = SCENARIOS.flatMap((scenario) =>
    [...policyOf(scenario.page)]
      .filter(([directive]) => directive !== "default-src")
      .flatMap(([directive, sources]) => sources.map((source) => ({ scenario, directive, source })))
  );

  test("every page allows no default source and names each source it allows", () => {
    for (const { page } of SCENARIOS) expect(policyOf(page).get("default-src")).toEqual(["'none'"]);
    expect(ablations.map((a) => `${a.scenario.page} ${a.directive} ${a.source}`)).toEqual([
      "taskpane.html script-src 'self'",
      "taskpane.html script-src https://appsforoffice.microsoft.com",
      "taskpane.html style-src 'unsafe-inline'",
      "commands.html script-src 'self'",
      "commands.html script-src https://appsforoffice.microsoft.com",
      "outcome.html script-src 'self'",
      "outcome.html script-src https://appsforoffice.microsoft.com",
      "outcome.html style-src 'self'",
      "functions.html script-src 'self'",
      "functions.html script-src https://appsforoffice.microsoft.com",
    ]);
  });

  for (const { scenario, directive, source } of ablations) {
    test(`${scenario.page} needs ${directive} ${source}: without it the browser blocks something`, async () => {
      const load = await run(scenario, without(directive, source), async (_page, seen) =>
        seen.violations.some((v) => blocks(v, directive))
      );
      expect(load.violations.filter((v) => blocks(v, directive)).length).toBeGreaterThan(0);
    }, 60_000);
  }
});
