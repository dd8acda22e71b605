import { readFileSync } from "fs";
import http from "http";
import type { AddressInfo } from "net";
import path from "path";
import type { Page } from "playwright-core";
import ts from "typescript";

const root = path.join(__dirname, "..", "..");

/** Serves `dist/` on 127.0.0.1 at a free port, as the dev server would. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = {
    ".css": "text/css",
    ".html": "text/html",
    ".js": "application/javascript",
    ".json": "application/json",
    ".png": "image/png",
    ".xml": "application/xml",
  };
  const server = http.createServer((request, response) => {
    const file = path.join(
      root,
      "dist",
      decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)
    );
    if (!file.startsWith(path.join(root, "dist"))) return void response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      response
        .writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * What the page receives instead of office.js from Microsoft's CDN: the in-memory Excel, compiled for
 * the browser, installed as the `Office` and `Excel` globals, with its state at `window.fakeExcel`.
 */
export function fakeOfficeScript(setup: string): string {
  const source = readFileSync(path.join(root, "tools", "fake-excel.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  });
  return `(function () {
  var exports = {};
  ${outputText}
  var state = new exports.WorkbookState();
  exports.installFakeOffice(state, window);
  window.fakeExcel = { state: state, lib: exports };
  ${setup}
})();`;
}

/** Where the pages load office.js from: Microsoft's CDN, which these tests answer themselves. */
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Opens `url` with the in-memory Excel standing in for office.js, its state prepared by `setup`. */
export async function openWithFakeOffice(
  page: Page,
  url: string,
  setup = 'state.addSheet("Sheet1");'
): Promise<void> {
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({ contentType: "application/javascript", body: fakeOfficeScript(setup) })
  );
  await page.goto(url);
}
