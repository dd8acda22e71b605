import { spawnSync } from "child_process";
import path from "path";
import { failure, plan } from "../../scripts/office-addin";

const script = path.join(__dirname, "..", "..", "scripts", "office-addin.js");

describe("plan: start, stop and certs only where they can work", () => {
  test("npm start on Linux is refused and points at Excel on the web", () => {
    expect(plan("start", "linux")).toEqual({
      refuse:
        'npm start sideloads the add-in into Excel desktop, which runs on Windows and macOS only (this is linux). Use Excel on the web instead: npm run dev-server, then upload manifest.xml in Excel on the web (Home > Add-ins > More add-ins > Upload My Add-in). See "Sideload it" in README.md.',
    });
  });

  test("npm stop on Linux is refused: nothing was sideloaded", () => {
    const step = plan("stop", "linux");
    expect("refuse" in step && step.refuse).toContain("nothing was sideloaded here");
  });

  test("certs on Linux is refused: browsers there do not read the store the tool writes", () => {
    const step = plan("certs", "linux");
    expect("refuse" in step && step.refuse).toContain(
      "on linux it copies it into the system CA list, which Chromium and Firefox do not read"
    );
  });

  test("on Windows and macOS the Microsoft tools run with the manifest and passed-through arguments", () => {
    expect(plan("start", "win32")).toEqual({
      tool: "office-addin-debugging",
      args: ["start", "manifest.xml"],
    });
    expect(plan("stop", "darwin")).toEqual({
      tool: "office-addin-debugging",
      args: ["stop", "manifest.xml"],
    });
    expect(plan("certs", "darwin")).toEqual({ tool: "office-addin-dev-certs", args: ["install"] });
  });

  test("start:web runs on every platform, with the document argument passed on", () => {
    expect(
      plan("start:web", "linux", ["--document", "https://contoso.sharepoint.com/b.xlsx"])
    ).toEqual({
      tool: "office-addin-debugging",
      args: ["start", "manifest.xml", "web", "--document", "https://contoso.sharepoint.com/b.xlsx"],
    });
  });

  test("an unknown command is refused with the list of commands", () => {
    expect(plan("restart", "win32")).toEqual({
      refuse: "unknown command restart: use start, start:web, stop or certs.",
    });
  });
});

describe("failure: the tool's real outcome", () => {
  test("an error line printed while exiting 0 is a failure", () => {
    expect(
      failure(
        0,
        "Installing CA certificate...\nError: Unable to install the CA certificate. denied\n"
      )
    ).toBe("Error: Unable to install the CA certificate. denied");
    expect(failure(0, "Debugging is being started...\nUnable to start debugging.\nboom")).toBe(
      "Unable to start debugging."
    );
  });

  test("a non-zero exit status is a failure", () => {
    expect(failure(1, "")).toBe("it exited with status 1");
    expect(failure(null, "")).toBe("it exited with status (killed)");
  });

  test("a clean run is not", () => {
    expect(failure(0, "You now have trusted access to https://localhost.\n")).toBeUndefined();
  });
});

describe("node scripts/office-addin.js", () => {
  test.each(["start", "stop", "certs"])(
    "%s on this Linux machine exits 1 with the reason on stderr",
    (command) => {
      const result = spawnSync(process.execPath, [script, command], { encoding: "utf8" });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(`${(plan(command, "linux") as { refuse: string }).refuse}\n`);
    }
  );
});
