import { spawnSync } from "child_process";
import path from "path";
import { locate, missingMessage } from "../../scripts/test-tools";

const script = path.join(__dirname, "..", "..", "scripts", "test-tools.js");
const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe("locate: where the tests find their browser and LibreOffice", () => {
  test("CHROMIUM_PATH wins over a browser on PATH", () => {
    const answer = locate("chromium", {
      platform: "linux",
      env: { CHROMIUM_PATH: "/opt/chrome/chrome", PATH: "/usr/bin" },
      exists: only("/opt/chrome/chrome", "/usr/bin/chromium"),
    });
    expect(answer).toEqual({ found: true, path: "/opt/chrome/chrome", from: "CHROMIUM_PATH" });
  });

  test("a CHROMIUM_PATH naming no file is reported, not replaced by another browser", () => {
    const answer = locate("chromium", {
      platform: "linux",
      env: { CHROMIUM_PATH: "/opt/gone/chrome", PATH: "/usr/bin" },
      exists: only("/usr/bin/chromium"),
    });
    expect(answer).toEqual({
      found: false,
      message:
        "CHROMIUM_PATH is set to /opt/gone/chrome, which is not a file: point it at the browser's executable, or unset it to search PATH.",
    });
  });

  test("on PATH, Chromium is preferred to Chrome whichever folder comes first", () => {
    const answer = locate("chromium", {
      platform: "linux",
      env: { PATH: "/a:/b" },
      exists: only("/a/google-chrome", "/b/chromium"),
    });
    expect(answer).toEqual({ found: true, path: "/b/chromium", from: "PATH" });
  });

  test("on macOS, Google Chrome in /Applications is found without PATH", () => {
    const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    const answer = locate("chromium", {
      platform: "darwin",
      env: { PATH: "/usr/bin:/bin" },
      exists: only(chrome),
    });
    expect(answer).toEqual({ found: true, path: chrome, from: "install location" });
  });

  test("on macOS, LibreOffice.app's soffice is found without PATH", () => {
    const soffice = "/Applications/LibreOffice.app/Contents/MacOS/soffice";
    expect(locate("libreoffice", { platform: "darwin", env: {}, exists: only(soffice) })).toEqual({
      found: true,
      path: soffice,
      from: "install location",
    });
  });

  test("on Windows, PATH is searched with PATHEXT and ; between folders", () => {
    const answer = locate("chromium", {
      platform: "win32",
      env: { Path: "C:\\Tools;D:\\Apps", PATHEXT: ".COM;.EXE" },
      exists: only("D:\\Apps\\msedge.exe"),
    });
    expect(answer).toEqual({ found: true, path: "D:\\Apps\\msedge.exe", from: "PATH" });
  });

  test("on Windows, Edge and LibreOffice are found under Program Files", () => {
    const env = { ProgramFiles: "E:\\Programs", "ProgramFiles(x86)": "E:\\Programs (x86)" };
    const edge = "E:\\Programs (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    const soffice = "C:\\Program Files\\LibreOffice\\program\\soffice.exe";
    expect(locate("chromium", { platform: "win32", env, exists: only(edge) })).toEqual({
      found: true,
      path: edge,
      from: "install location",
    });
    expect(locate("libreoffice", { platform: "win32", env, exists: only(soffice) })).toEqual({
      found: true,
      path: soffice,
      from: "install location",
    });
  });

  test("SOFFICE_PATH wins over soffice on PATH", () => {
    const answer = locate("libreoffice", {
      platform: "linux",
      env: { SOFFICE_PATH: "/opt/lo/program/soffice", PATH: "/usr/bin" },
      exists: only("/opt/lo/program/soffice", "/usr/bin/soffice"),
    });
    expect(answer).toEqual({ found: true, path: "/opt/lo/program/soffice", from: "SOFFICE_PATH" });
  });

  test("nothing found: the message names what was searched and the command that installs it", () => {
    expect(locate("libreoffice", { platform: "darwin", env: {}, exists: () => false })).toEqual({
      found: false,
      message:
        'LibreOffice was not found (SOFFICE_PATH, PATH: soffice, libreoffice, usual install locations). Install it: brew install --cask libreoffice; or set SOFFICE_PATH to LibreOffice\'s soffice executable. See "Tests" in README.md.',
    });
    expect(missingMessage("chromium", "win32")).toContain(
      "Install it: winget install Google.Chrome (Microsoft Edge, already on Windows 10 and 11, works too); or set CHROMIUM_PATH to the browser's executable."
    );
    expect(missingMessage("chromium", "linux")).toContain(
      "Install it: sudo apt-get install chromium"
    );
  });
});

describe("node scripts/test-tools.js", () => {
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [script, ...args], {
      encoding: "utf8",
      env: { ...process.env, ...env },
    });

  test("prints where each tool is and exits 0 when both are found", () => {
    const result = run([], {
      CHROMIUM_PATH: process.execPath,
      SOFFICE_PATH: process.execPath,
      PDFTOTEXT_PATH: process.execPath,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `chromium: ${process.execPath} (from CHROMIUM_PATH)\nlibreoffice: ${process.execPath} (from SOFFICE_PATH)\npdftotext: ${process.execPath} (from PDFTOTEXT_PATH)\n`
    );
  });

  test("--missing reports a wrong variable on stderr and exits 1 instead of asking to install", () => {
    const result = run(["--missing"], {
      CHROMIUM_PATH: "/nonexistent/chrome",
      SOFFICE_PATH: process.execPath,
      PDFTOTEXT_PATH: process.execPath,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "chromium: CHROMIUM_PATH is set to /nonexistent/chrome, which is not a file: point it at the browser's executable, or unset it to search PATH.\n"
    );
  });
});
