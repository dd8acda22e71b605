import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import { main, type Io } from "../../src/cli/main";
import { day, everyDay, longRows } from "./workbooks";
import {
  OBSERVATION_COLUMNS,
  TARGET_COLUMNS,
  temporaryFolder,
  writeHandMade,
  writeWorkbook,
} from "./xlsx";

/** The clock every portfolio test runs at (the same as test/support/cli.ts's). */
export const NOW = new Date(2026, 10, 24, 9, 30);

export interface PortfolioRun {
  status: number;
  out: string;
  err: string;
  /** What went over the progress line, when stderr was a terminal. */
  progress: string;
}

/** Runs the CLI in-process at the fixed clock; `terminal` gives it a progress line, as a TTY would. */
export async function runPortfolio(
  argv: string[],
  options: { terminal?: boolean } = {}
): Promise<PortfolioRun> {
  let out = "";
  let err = "";
  let progress = "";
  const io: Io = {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    colour: false,
    now: () => NOW,
    progress: options.terminal ? (t) => (progress += t) : undefined,
  };
  const status = await main(argv, io);
  return { status, out, err, progress };
}

/**
 * Three workbooks as a PMO's month-end folder, evaluated as of 1 Mar 2024:
 * - north.xlsx: the SPEC's example (support calls −22.4 % against a −20 % target): Met, pays 5,000 to
 *   team Service, which is eligible;
 * - south.xlsx: the same data against −30 %: Missed, pays nothing, team Service not eligible;
 * - broken.xlsx: text, not a workbook.
 */
export async function monthEndFolder(folder = temporaryFolder()) {
  const north = await writeHandMade(folder, "north.xlsx", "Helpdesk North");
  const south = path.join(folder, "south.xlsx");
  await writeWorkbook(south, {
    Targets: [
      TARGET_COLUMNS,
      ["Helpdesk South", "Support calls", day("2024-02-01"), "1 month", -0.3, 5000, "Service"],
    ],
    Observations: [
      OBSERVATION_COLUMNS,
      ...longRows("Helpdesk South", "Support calls", [
        ...everyDay("2024-01-01", 31, 412),
        ...everyDay("2024-02-01", 29, 319.7),
      ]),
    ],
  });
  const broken = path.join(folder, "broken.xlsx");
  writeFileSync(broken, "Project,KPI\n");
  return { folder, north, south, broken };
}

/** The same files copied into a fresh folder, so a second run starts from the same inputs. */
export function copyInto(files: readonly string[], folder = temporaryFolder()): string[] {
  mkdirSync(folder, { recursive: true });
  return files.map((file) => {
    const copy = path.join(folder, path.basename(file));
    copyFileSync(file, copy);
    return copy;
  });
}

/** Every part of a package as text, by name: two workbooks are the same when these are. */
export async function partsOf(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name].dir) parts[name] = await zip.files[name].async("string");
  return parts;
}
