import path from "path";
import { defaultOutput, main, type Io } from "../../src/cli/main";
import { expectSoundWorkbook } from "./ooxml-soundness";

export interface CliRun {
  status: number;
  out: string;
  err: string;
  /** The workbook this run wrote, when it wrote one. */
  written?: string;
}

/** The file a successful command line wrote: --out, --in-place, the default copy, or the sample. */
function writtenBy(argv: readonly string[]): string | undefined {
  const [command, ...rest] = argv;
  const value = (name: string) => {
    const at = rest.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (at < 0) return undefined;
    return rest[at].includes("=") ? rest[at].slice(rest[at].indexOf("=") + 1) : rest[at + 1];
  };
  const positional = rest.filter(
    (a, i) => !a.startsWith("-") && !["--out", "--as-of"].includes(rest[i - 1])
  );
  if (command === "sample") return positional[0];
  if (command !== "evaluate" || rest.includes("--help") || rest.includes("-h")) return undefined;
  if (rest.includes("--in-place")) return positional[0];
  return value("--out") ?? (rest.includes("--json") ? undefined : defaultOutput(positional[0]));
}

/**
 * Runs the CLI in-process at a fixed clock, and checks every workbook a successful run wrote with the
 * OOXML soundness check: no test can write a workbook Excel would repair without failing.
 */
export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    colour: false,
    now: () => new Date(2026, 10, 24, 9, 30),
  };
  const status = await main(argv, io);
  const written = status === 0 ? writtenBy(argv) : undefined;
  if (written) await expectSoundWorkbook(written);
  return { status, out, err, written };
}

/** The built command line, as users run it. */
export const BIN = path.join(__dirname, "..", "..", "bin", "kpi-rewards.js");
