#!/usr/bin/env node
/**
 * `npm start`, `npm stop`, `npm run start:web` and `npm run certs`: Microsoft's office-addin-debugging and
 * office-addin-dev-certs, with two things they lack. They refuse up front on a platform where they cannot
 * work (Excel desktop and the certificate stores they know are Windows and macOS), and they exit non-zero
 * when the tool failed: both tools print "Error: …" or "Unable to …" and still exit 0.
 */
const { spawn } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const bin = (name) =>
  path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);
const desktop = ["win32", "darwin"];
const guide = '"Sideload it" in README.md';

/**
 * What to run for a command on a platform, or why not.
 * @param {string} command start | start:web | stop | certs
 * @param {string} platform process.platform
 * @param {string[]} [extra] arguments passed through (e.g. `--document <url>` for start:web)
 * @returns {{ refuse: string } | { tool: string, args: string[] }}
 */
function plan(command, platform, extra = []) {
  const supported = desktop.includes(platform);
  switch (command) {
    case "start":
      if (!supported)
        return {
          refuse: `npm start sideloads the add-in into Excel desktop, which runs on Windows and macOS only (this is ${platform}). Use Excel on the web instead: npm run dev-server, then upload manifest.xml in Excel on the web (Home > Add-ins > More add-ins > Upload My Add-in). See ${guide}.`,
        };
      return { tool: "office-addin-debugging", args: ["start", "manifest.xml", ...extra] };
    case "start:web":
      return { tool: "office-addin-debugging", args: ["start", "manifest.xml", "web", ...extra] };
    case "stop":
      if (!supported)
        return {
          refuse: `npm stop removes the add-in from Excel desktop, which runs on Windows and macOS only (this is ${platform}), so nothing was sideloaded here. Stop npm run dev-server with Ctrl+C.`,
        };
      return { tool: "office-addin-debugging", args: ["stop", "manifest.xml", ...extra] };
    case "certs":
      if (!supported)
        return {
          refuse: `office-addin-dev-certs install trusts its localhost certificate in the Windows or macOS store only; on ${platform} it copies it into the system CA list, which Chromium and Firefox do not read, and still reports success. Instead run npm run dev-server, open https://localhost:3000/taskpane.html and accept the certificate, or import ~/.office-addin-dev-certs/ca.crt in the browser's certificate settings (Authorities). See ${guide}.`,
        };
      return { tool: "office-addin-dev-certs", args: ["install", ...extra] };
    default:
      return { refuse: `unknown command ${command}: use start, start:web, stop or certs.` };
  }
}

/**
 * The tool's real outcome: its exit status, and the error lines it prints while exiting 0.
 * @param {number | null} status
 * @param {string} output stdout and stderr together
 * @returns {string | undefined} the failure, in one line, or undefined when it worked
 */
function failure(status, output) {
  const line = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => /^(Error:|Unable to )/.test(l));
  if (line) return line;
  if (status !== 0) return `it exited with status ${status ?? "(killed)"}`;
  return undefined;
}

module.exports = { plan, failure };

async function main() {
  const [command, ...extra] = process.argv.slice(2);
  const step = plan(command ?? "", process.platform, extra);
  if ("refuse" in step) {
    console.error(step.refuse);
    return 1;
  }
  const child = spawn(bin(step.tool), step.args, {
    cwd: root,
    stdio: ["inherit", "pipe", "pipe"],
    shell: process.platform === "win32",
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
    process.stderr.write(chunk);
  });
  const status = await new Promise((resolve) => {
    child.on("error", (error) => {
      output += `\nError: ${error.message}`;
      resolve(null);
    });
    child.on("close", resolve);
  });
  let problem = failure(status, output);
  if (!problem && command === "certs" && !require("office-addin-dev-certs").verifyCertificates())
    problem = "the certificate is still not trusted (office-addin-dev-certs verify)";
  if (problem) {
    console.error(`${step.tool} ${step.args.join(" ")} failed: ${problem}`);
    return 1;
  }
  return 0;
}

if (require.main === module) main().then((code) => (process.exitCode = code));
