import { spawnSync } from "child_process";
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import fsPromises from "fs/promises";
import path from "path";
import {
  OutputError,
  pendingTemporaries,
  planOutput,
  removeStaleTemporaries,
  temporaryName,
  writeOutput,
} from "../../src/cli/output-file";
import { runCli } from "../support/cli";
import { partOf, temporaryFolder, writeHandMade } from "../support/xlsx";

const AS_OF = ["--as-of", "2024-03-01"];

async function refusal(output: string, rules: Parameters<typeof planOutput>[1]): Promise<string> {
  try {
    await planOutput(output, rules);
  } catch (error) {
    if (error instanceof OutputError) return `${error.file}: ${error.message}`;
    throw error;
  }
  return "accepted";
}

describe("the input is replaced only with --in-place", () => {
  const folder = temporaryFolder();

  test("--out naming the input itself is refused, even with --force", async () => {
    const file = await writeHandMade(folder, "self.xlsx");
    const before = readFileSync(file);
    for (const force of [[], ["--force"]]) {
      const { status, err } = await runCli("evaluate", file, ...AS_OF, "--out", file, ...force);
      expect(status).toBe(2);
      expect(err).toBe(
        `kpi-rewards: ${file}: is the input workbook itself; use --in-place to write the results into it\n`
      );
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test("--out naming a symbolic link to the input, or a hard link to it, is refused", async () => {
    const file = await writeHandMade(folder, "linked.xlsx");
    const soft = path.join(folder, "soft.xlsx");
    const hard = path.join(folder, "hard.xlsx");
    symlinkSync(file, soft);
    linkSync(file, hard);
    expect(await refusal(soft, { input: file, force: true })).toBe(
      `${soft}: is the input workbook itself (through a link); use --in-place to write the results into it`
    );
    expect(await refusal(hard, { input: file, force: true })).toBe(
      `${hard}: is the input workbook itself (through a link); use --in-place to write the results into it`
    );
    expect(await refusal(path.join(folder, ".", "linked.xlsx"), { input: file })).toBe(
      `${path.join(folder, "linked.xlsx")}: is the input workbook itself; use --in-place to write the results into it`
    );
  });
});

describe("an existing file is replaced only with --force", () => {
  const folder = temporaryFolder();

  test("evaluate --out to an existing file: exit 2, the file untouched; with --force it is replaced", async () => {
    const file = await writeHandMade(folder, "book.xlsx");
    const out = path.join(folder, "precious.xlsx");
    writeFileSync(out, "last month's results");
    const { status, err } = await runCli("evaluate", file, ...AS_OF, "--out", out);
    expect(status).toBe(2);
    expect(err).toBe(`kpi-rewards: ${out}: already exists; pass --force to replace it\n`);
    expect(readFileSync(out, "utf8")).toBe("last month's results");
    expect((await runCli("evaluate", file, ...AS_OF, "--out", out, "--force")).status).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  test("the default <name>-rewards.xlsx is not replaced either", async () => {
    const file = await writeHandMade(folder, "again.xlsx");
    expect((await runCli("evaluate", file, ...AS_OF)).status).toBe(0);
    const { status, err } = await runCli("evaluate", file, ...AS_OF);
    expect(status).toBe(2);
    expect(err).toBe(
      `kpi-rewards: ${path.join(folder, "again-rewards.xlsx")}: already exists; pass --force to replace it\n`
    );
  });

  test("sample FILE over an existing file: exit 2; with --force it is written", async () => {
    const out = path.join(folder, "mine.xlsx");
    writeFileSync(out, "a user's own workbook");
    const { status, err } = await runCli("sample", out);
    expect(status).toBe(2);
    expect(err).toBe(`kpi-rewards: ${out}: already exists; pass --force to replace it\n`);
    expect(readFileSync(out, "utf8")).toBe("a user's own workbook");
    expect((await runCli("sample", out, "--force")).status).toBe(0);
  });

  test("a missing folder is refused and not created", async () => {
    const file = await writeHandMade(folder, "nofolder.xlsx");
    const out = path.join(folder, "not", "yet", "there.xlsx");
    const { status, err } = await runCli("evaluate", file, ...AS_OF, "--out", out);
    expect(status).toBe(2);
    expect(err).toBe(
      `kpi-rewards: ${out}: the folder ${path.join(folder, "not", "yet")} does not exist; create it first — kpi-rewards does not create folders\n`
    );
    expect(existsSync(path.join(folder, "not"))).toBe(false);
    expect((await runCli("sample", path.join(folder, "none", "s.xlsx"))).status).toBe(2);
  });

  test("a read-only workbook is refused, even with --in-place or --force", async () => {
    const file = await writeHandMade(folder, "readonly.xlsx");
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const { status, err } = await runCli("evaluate", file, ...AS_OF, "--in-place");
    expect(status).toBe(2);
    expect(err).toBe(
      `kpi-rewards: ${file}: is read-only; make it writable to replace it — nothing was written\n`
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);
    const out = path.join(folder, "readonly-out.xlsx");
    writeFileSync(out, "kept");
    chmodSync(out, 0o444);
    expect(await refusal(out, { input: file, force: true })).toBe(
      `${out}: is read-only; make it writable to replace it — nothing was written`
    );
  });
});

describe("links and modes", () => {
  const folder = temporaryFolder();

  test("--in-place through a symbolic link writes its target; the link stays a link", async () => {
    const real = await writeHandMade(folder, "real.xlsx");
    const link = path.join(folder, "link.xlsx");
    symlinkSync("real.xlsx", link);
    expect((await runCli("evaluate", link, ...AS_OF, "--in-place")).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await partOf(real, "xl/worksheets/sheet3.xml")).toContain("Support calls");
  });

  test("--force onto a symbolic link replaces the file it points to", async () => {
    const file = await writeHandMade(folder, "source.xlsx");
    const target = path.join(folder, "target.xlsx");
    writeFileSync(target, "old");
    const link = path.join(folder, "out-link.xlsx");
    symlinkSync(target, link);
    expect((await runCli("evaluate", file, ...AS_OF, "--out", link, "--force")).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  });

  test("a 0600 workbook stays 0600 after --in-place; a 0640 output stays 0640", async () => {
    const file = await writeHandMade(folder, "payroll.xlsx");
    chmodSync(file, 0o600);
    expect((await runCli("evaluate", file, ...AS_OF, "--in-place")).status).toBe(0);
    expect(statSync(file).mode & 0o7777).toBe(0o600);
    const out = path.join(folder, "shared.xlsx");
    writeFileSync(out, "old");
    chmodSync(out, 0o640);
    expect((await runCli("evaluate", file, ...AS_OF, "--out", out, "--force")).status).toBe(0);
    expect(statSync(out).mode & 0o7777).toBe(0o640);
  });
});

describe("temporary files", () => {
  const folder = temporaryFolder();
  const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes(".kpi-rewards-"));

  test("a successful write leaves none; the name says whose it is", async () => {
    const file = await writeHandMade(folder, "clean.xlsx");
    expect((await runCli("evaluate", file, ...AS_OF, "--in-place")).status).toBe(0);
    expect(leftovers(folder)).toEqual([]);
    expect(pendingTemporaries()).toEqual([]);
    expect(temporaryName(path.join(folder, "a.xlsx"), 42)).toBe(
      path.join(folder, ".a.xlsx.kpi-rewards-42.tmp")
    );
  });

  test("a failing rename leaves the previous file as it was and no temporary file", async () => {
    const file = await writeHandMade(folder, "fails.xlsx");
    const plan = await planOutput(file, { input: file, inPlace: true });
    const before = readFileSync(file);
    const rename = jest
      .spyOn(fsPromises, "rename")
      .mockRejectedValueOnce(Object.assign(new Error("no space left"), { code: "ENOSPC" }));
    await expect(writeOutput(plan, Buffer.from("new bytes"))).rejects.toThrow("no space left");
    rename.mockRestore();
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  });

  test("a temporary file of a killed run is removed by the next run; a live run's is kept", async () => {
    const sub = path.join(folder, "stale");
    mkdirSync(sub);
    const target = path.join(sub, "book.xlsx");
    // PIDs this high are never assigned (Linux caps them at 2^22).
    const dead = temporaryName(target, 2 ** 22 + 7);
    const live = temporaryName(target, process.ppid);
    writeFileSync(dead, "half a workbook");
    writeFileSync(live, "being written");
    expect(await removeStaleTemporaries(target)).toEqual([path.basename(dead)]);
    expect(leftovers(sub)).toEqual([path.basename(live)]);
  });

  test("Ctrl-C or a kill while writing removes the temporary file", () => {
    const sub = path.join(folder, "signal");
    mkdirSync(sub);
    const module = path.join(__dirname, "..", "..", "build", "cli", "output-file.js");
    const script = `
      const m = require(${JSON.stringify(module)});
      m.createTemporary(${JSON.stringify(path.join(sub, "book.xlsx"))}, 0o600).then(({ temporary }) => {
        process.stdout.write(require("fs").existsSync(temporary) ? "created\\n" : "missing\\n");
        process.kill(process.pid, "SIGTERM");
        setTimeout(() => process.stdout.write("still alive\\n"), 2000);
      });`;
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(child.stdout).toBe("created\n");
    expect(child.signal).toBe("SIGTERM");
    expect(leftovers(sub)).toEqual([]);
  });
});
