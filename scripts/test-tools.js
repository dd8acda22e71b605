#!/usr/bin/env node
/**
 * Finds the programs the tests and the benchmarks drive — a Chromium-family browser and LibreOffice —
 * on any developer's machine. Plain CommonJS so that `scripts/install-test-tools.sh` can ask it before
 * `npm ci`, and so that bench/ and test/support share it without the bench importing test code.
 *
 * Order: the environment variable (CHROMIUM_PATH, SOFFICE_PATH), then the program names on PATH, then
 * the platform's usual install locations. A variable that names a missing file is an answer, not a hint:
 * it is reported rather than silently replaced by another program.
 */
const fs = require("fs");
const path = require("path");

/** @typedef {"linux" | "darwin" | "win32"} KnownPlatform */

const tools = {
  chromium: {
    label: "a Chromium-based browser (Chromium, Google Chrome or Microsoft Edge)",
    executable: "the browser's executable",
    variable: "CHROMIUM_PATH",
    names: [
      "chromium",
      "chromium-browser",
      "google-chrome",
      "google-chrome-stable",
      "microsoft-edge",
      "microsoft-edge-stable",
      "msedge",
      "chrome",
    ],
    /** @param {Record<string, string | undefined>} env */
    installed: (env) => ({
      darwin: [
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        ...(env.HOME
          ? [
              `${env.HOME}/Applications/Chromium.app/Contents/MacOS/Chromium`,
              `${env.HOME}/Applications/Google Chrome.app/Contents/MacOS/Google Chrome`,
            ]
          : []),
      ],
      win32: [
        ...programFiles(env).flatMap((folder) => [
          `${folder}\\Google\\Chrome\\Application\\chrome.exe`,
          `${folder}\\Microsoft\\Edge\\Application\\msedge.exe`,
          `${folder}\\Chromium\\Application\\chrome.exe`,
        ]),
        ...(env.LOCALAPPDATA
          ? [
              `${env.LOCALAPPDATA}\\Google\\Chrome\\Application\\chrome.exe`,
              `${env.LOCALAPPDATA}\\Chromium\\Application\\chrome.exe`,
            ]
          : []),
      ],
      linux: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"],
    }),
    install: {
      linux:
        "sudo apt-get install chromium (Debian; Ubuntu: sudo snap install chromium; Fedora: sudo dnf install chromium)",
      darwin:
        "brew install --cask google-chrome (Chromium or Microsoft Edge in /Applications work too)",
      win32:
        "winget install Google.Chrome (Microsoft Edge, already on Windows 10 and 11, works too)",
    },
  },
  libreoffice: {
    label: "LibreOffice",
    executable: "LibreOffice's soffice executable",
    variable: "SOFFICE_PATH",
    names: ["soffice", "libreoffice"],
    /** @param {Record<string, string | undefined>} env */
    installed: (env) => ({
      darwin: ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
      win32: programFiles(env).map((folder) => `${folder}\\LibreOffice\\program\\soffice.exe`),
      linux: [
        "/usr/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
      ],
    }),
    install: {
      linux:
        "sudo apt-get install libreoffice-calc-nogui (Debian/Ubuntu; Fedora: sudo dnf install libreoffice-calc)",
      darwin: "brew install --cask libreoffice",
      win32: "winget install TheDocumentFoundation.LibreOffice",
    },
  },
  pdftotext: {
    label: "Poppler's pdftotext (reads the PDF LibreOffice prints of the results sheet)",
    executable: "the pdftotext executable",
    variable: "PDFTOTEXT_PATH",
    names: ["pdftotext"],
    /** @param {Record<string, string | undefined>} env */
    installed: (env) => ({
      darwin: ["/opt/homebrew/bin/pdftotext", "/usr/local/bin/pdftotext"],
      win32: programFiles(env).map((folder) => `${folder}\\poppler\\Library\\bin\\pdftotext.exe`),
      linux: ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"],
    }),
    install: {
      linux:
        "sudo apt-get install poppler-utils (Debian/Ubuntu; Fedora: sudo dnf install poppler-utils)",
      darwin: "brew install poppler",
      win32: "winget install oschwartz10612.Poppler",
    },
  },
};

/** @param {Record<string, string | undefined>} env */
function programFiles(env) {
  const folders = [env.ProgramFiles, env["ProgramFiles(x86)"], env.ProgramW6432];
  const fallback = ["C:\\Program Files", "C:\\Program Files (x86)"];
  return [...new Set([...folders.filter((f) => !!f), ...fallback])];
}

/** @param {string} file */
function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Where a tool is, or why it cannot be found and what to install.
 * @param {"chromium" | "libreoffice" | "pdftotext"} name
 * @param {{ env?: Record<string, string | undefined>, platform?: string, exists?: (file: string) => boolean }} [context]
 * @returns {{ found: true, path: string, from: string } | { found: false, message: string }}
 */
function locate(name, context = {}) {
  const tool = tools[name];
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const exists = context.exists ?? isFile;
  const pathApi = platform === "win32" ? path.win32 : path.posix;

  const chosen = env[tool.variable];
  if (chosen) {
    if (exists(chosen)) return { found: true, path: chosen, from: tool.variable };
    return {
      found: false,
      message: `${tool.variable} is set to ${chosen}, which is not a file: point it at ${tool.executable}, or unset it to search PATH.`,
    };
  }
  const extensions =
    platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").filter(Boolean) : [""];
  const folders = (env.PATH ?? env.Path ?? "")
    .split(platform === "win32" ? ";" : ":")
    .filter(Boolean);
  for (const program of tool.names)
    for (const folder of folders)
      for (const extension of extensions) {
        const candidate = pathApi.join(folder, program + extension.toLowerCase());
        if (exists(candidate)) return { found: true, path: candidate, from: "PATH" };
      }
  const usual = tool.installed(env)[/** @type {KnownPlatform} */ (platform)] ?? [];
  for (const candidate of usual)
    if (exists(candidate)) return { found: true, path: candidate, from: "install location" };
  return { found: false, message: missingMessage(name, platform) };
}

/**
 * The sentence a developer reads when a tool is missing: what the tests need and the command to get it.
 * @param {"chromium" | "libreoffice" | "pdftotext"} name
 * @param {string} platform
 */
function missingMessage(name, platform) {
  const tool = tools[name];
  const install =
    tool.install[/** @type {KnownPlatform} */ (platform)] ??
    `install ${tool.label} for ${platform}`;
  return `${tool.label} was not found (${tool.variable}, PATH: ${tool.names.join(", ")}, usual install locations). Install it: ${install}; or set ${tool.variable} to ${tool.executable}. See "Tests" in README.md.`;
}

module.exports = { locate, missingMessage };

// `node scripts/test-tools.js` prints where each tool is and exits 1 when one is missing. With `--missing` it
// prints only the missing tools' names, one a line, for the install script; a variable that names a missing
// file is the developer's to fix, so it is reported on stderr (exit 1) rather than "installed" over.
if (require.main === module) {
  const onlyMissing = process.argv.includes("--missing");
  let failed = false;
  for (const name of /** @type {const} */ (["chromium", "libreoffice", "pdftotext"])) {
    const answer = locate(name);
    if (answer.found) {
      if (!onlyMissing) console.log(`${name}: ${answer.path} (from ${answer.from})`);
    } else if (onlyMissing && !process.env[tools[name].variable]) {
      console.log(name);
    } else {
      failed = true;
      (onlyMissing ? console.error : console.log)(`${name}: ${answer.message}`);
    }
  }
  if (failed) process.exitCode = 1;
}
