import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import path from "path";

const root = path.join(__dirname, "..", "..");

// Spelt in two parts so that this file does not name the folder itself.
const CI_KIT = ["..", "shared"].join("/");

/** Tracked files that name the folder beside the repository, which only CI's machine has. */
function filesNamingTheCiKit(): string[] {
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  return tracked.filter((file) => {
    const bytes = readFileSync(path.join(root, file));
    return !bytes.includes(0) && bytes.toString("utf8").includes(CI_KIT);
  });
}

describe("a clone of the repository is self-contained", () => {
  test("only .ci/run names the validator kit beside the repository; docs, code and tests do not", () => {
    expect(filesNamingTheCiKit()).toEqual([".ci/run"]);
  });
});
