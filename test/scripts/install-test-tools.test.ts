import { spawnSync } from "child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { temporaryFolder } from "../support/xlsx";

const script = path.join(__dirname, "..", "..", "scripts", "install-test-tools.sh");

/** Runs the install script with apt-get, sudo and uname replaced by stand-ins that log their calls. */
function install(env: Record<string, string>, system = "Linux") {
  const folder = temporaryFolder();
  const bin = path.join(folder, "bin");
  const log = path.join(folder, "calls.log");
  mkdirSync(bin);
  const standIn = (name: string, body: string) => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${log}"\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  standIn("apt-get", "exit 0");
  standIn("apt-cache", "exit 0");
  standIn("sudo", 'exec "$@"');
  standIn("uname", `echo ${system}`);
  const result = spawnSync("bash", [script], {
    encoding: "utf8",
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env },
  });
  return { ...result, calls: existsSync(log) ? readFileSync(log, "utf8") : "" };
}

describe("scripts/install-test-tools.sh", () => {
  test("with both tools found it installs nothing and says where they are", () => {
    const result = install({
      CHROMIUM_PATH: process.execPath,
      SOFFICE_PATH: process.execPath,
      PDFTOTEXT_PATH: process.execPath,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `chromium: ${process.execPath} (from CHROMIUM_PATH)\nlibreoffice: ${process.execPath} (from SOFFICE_PATH)\npdftotext: ${process.execPath} (from PDFTOTEXT_PATH)\n`
    );
    expect(result.calls).not.toContain("apt-get");
  });

  test("a CHROMIUM_PATH naming no file stops it before apt-get, with the reason", () => {
    const result = install({
      CHROMIUM_PATH: "/nonexistent/chrome",
      SOFFICE_PATH: process.execPath,
      PDFTOTEXT_PATH: process.execPath,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "chromium: CHROMIUM_PATH is set to /nonexistent/chrome, which is not a file"
    );
    expect(result.calls).not.toContain("apt-get");
  });
});
