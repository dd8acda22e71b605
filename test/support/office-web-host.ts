import { existsSync, readFileSync } from "fs";
import path from "path";
import type { Page, Route } from "playwright-core";

const root = path.join(__dirname, "..", "..");
const officeJs = path.join(root, "node_modules", "@microsoft", "office-js", "dist");

/** Where the manifest says the add-in lives, and where Office loads office.js and its parts from. */
export const ADDIN_ORIGIN = "https://localhost:3000";
export const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
/** Excel on the web's page, which frames the add-in and answers office.js over postMessage. */
export const EXCEL_WEB = "https://excel.officeapps.live.com/x/_layouts/xlviewerinternal.aspx";

export type HostKind = "taskpane" | "dialog";

/**
 * How Excel on the web starts an add-in page: in an iframe, with `_host_Info` (host, platform, version,
 * locale, isDialog) in the query and `_xdm_Info` (conversation id, app id, host page URL) in the fragment.
 * office.js reads both to pick its host file and to find the window it talks to.
 */
export function framedUrl(page: string, kind: HostKind): string {
  const hostInfo = `Excel$Web$16.00$en-US$$${kind === "dialog" ? "isDialog" : ""}$$0`;
  const xdmInfo = `3d1a9a2c-0000-4000-8000-000000000001$1700000000000$${EXCEL_WEB}`;
  return `${ADDIN_ORIGIN}/${page}?_host_Info=${hostInfo}#&_xdm_Info=${xdmInfo}`;
}

/**
 * The host side of office.js's postMessage protocol, just enough for office.js to initialise: it answers
 * getAppContextAsync with an Excel on the web context (ReadWrite, the requirement sets the add-in uses)
 * and every other call with success, except workbook requests (executeMethod), which fail with Office's
 * internal error 5001 because there is no workbook behind it. Everything office.js sends is kept in
 * `window.received` for assertions.
 */
function hostPage(addinUrl: string): string {
  return `<!doctype html><html><head><title>Excel</title></head><body>
<script>
window.received = [];
window.addEventListener("message", function (event) {
  var message;
  try { message = JSON.parse(event.data); } catch (e) { return; }
  if (message._messageType !== 0) return;
  window.received.push({ action: message._actionName, data: message._data });
  var data = null;
  if (message._actionName === "ContextActivationManager_getAppContextAsync") {
    data = {
      _id: message._data, _appName: 16, _appVersion: "16.0000.0000.0000", _appUILocale: "en-US",
      _dataLocale: "en-US", _docUrl: "https://contoso.sharepoint.com/KPIs.xlsx", _clientMode: 1, _settings: [],
      _reason: 1, _osfControlType: 1, _eToken: "", _correlationId: "00000000-0000-4000-8000-000000000002",
      _appInstanceId: message._data, _appMinorVersion: 0,
      _requirementMatrix: JSON.stringify({ ExcelApi: 1.17, DialogApi: 1.2, CustomFunctionsRuntime: 1.4, AddinCommands: 1.1 }),
      _hostFullVersion: "16.0.0.0", _clientWindowHeight: 800, _clientWindowWidth: 1280,
      _addinName: "KPI Rewards", _appDomains: []
    };
  }
  event.source.postMessage(JSON.stringify({
    _messageType: 1, _actionName: message._actionName, _conversationId: message._conversationId,
    _correlationId: message._correlationId, _origin: location.origin,
    _errorCode: message._actionName === "executeMethod" && !message._data.messageToParent ? 5001 : 0,
    _responseType: 0, _data: data, _serializerVersion: 1
  }), event.origin);
});
</script>
<iframe id="addin" title="KPI Rewards" style="width:420px;height:900px;border:0" src="${addinUrl}"></iframe>
</body></html>`;
}

const TYPES: Record<string, string> = {
  ".css": "text/css",
  ".html": "text/html",
  ".js": "application/javascript",
  ".json": "application/json",
  ".png": "image/png",
};

export interface HostedLoad {
  /** Every request the page made, in order, with what answered it. */
  readonly requests: {
    url: string;
    servedBy: "dist" | "office-js" | "host" | "missing" | "blocked";
  }[];
  /** Every `securitypolicyviolation` event in any frame. */
  readonly violations: { directive: string; blocked: string; source: string; sample: string }[];
}

/**
 * Serves the built add-in at its manifest origin and the real office.js package at the CDN URL (office.js
 * and whatever it loads next), frames a page the way Excel on the web does, and records requests and CSP
 * violations. Nothing reaches the network: any other URL is blocked and recorded as such.
 * `rewrite` may change an add-in HTML page before it is served (used to drop one CSP source at a time).
 */
export async function loadInExcelWeb(
  page: Page,
  url: string,
  rewrite: (html: string) => string = (html) => html
): Promise<HostedLoad> {
  const load: HostedLoad = { requests: [], violations: [] };
  await page.exposeFunction("__reportViolation", (v: HostedLoad["violations"][number]) =>
    load.violations.push(v)
  );
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { __reportViolation: (v: unknown) => void }).__reportViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        sample: event.sample,
      })
    )
  );
  const serve = async (route: Route) => {
    const target = new URL(route.request().url());
    const record = (servedBy: HostedLoad["requests"][number]["servedBy"]) =>
      load.requests.push({ url: target.href, servedBy });
    if (target.href.split("#")[0] === EXCEL_WEB) {
      record("host");
      return route.fulfill({ contentType: "text/html", body: hostPage(url) });
    }
    const file =
      target.origin === ADDIN_ORIGIN
        ? path.join(root, "dist", decodeURIComponent(target.pathname))
        : target.href.startsWith(CDN)
          ? path.join(
              officeJs,
              decodeURIComponent(target.pathname.slice(new URL(CDN).pathname.length))
            )
          : undefined;
    if (!file) {
      record("blocked");
      return route.abort("blockedbyclient");
    }
    if (!existsSync(file)) {
      record("missing");
      return route.fulfill({ status: 404, body: "" });
    }
    record(target.origin === ADDIN_ORIGIN ? "dist" : "office-js");
    const body = readFileSync(file);
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    return route.fulfill({
      contentType: type,
      body: type === "text/html" ? rewrite(body.toString("utf8")) : body,
    });
  };
  await page.route("**/*", serve);
  await page.goto(EXCEL_WEB);
  return load;
}

/** What the host page has received from office.js so far. */
export function received(page: Page): Promise<{ action: string; data: unknown }[]> {
  return page.evaluate(
    () => (window as unknown as { received: { action: string; data: unknown }[] }).received
  );
}
