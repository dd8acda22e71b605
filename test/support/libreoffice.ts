import { execFileSync } from "child_process";
import path from "path";
import { pathToFileURL } from "url";
import { locate } from "../../scripts/test-tools";

/**
 * LibreOffice's soffice: SOFFICE_PATH, else soffice/libreoffice on PATH, else the usual macOS and
 * Windows install locations. Missing, it throws a message saying what to install, so the dependent
 * tests fail with it instead of skipping.
 */
export function sofficePath(): string {
  const answer = locate("libreoffice");
  if (!answer.found) throw new Error(answer.message);
  return answer.path;
}

/**
 * Converts a file with LibreOffice headless (`format` as --convert-to takes it: "xlsx", "pdf", "csv")
 * into `outDir`, with a profile of its own under `folder` so that parallel runs never share one.
 * Returns the converted file's path.
 */
export function convertWithLibreOffice(
  file: string,
  format: string,
  outDir: string,
  folder: string
): string {
  execFileSync(
    sofficePath(),
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=${pathToFileURL(path.join(folder, "lo-profile")).href}`,
      "--convert-to",
      format,
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 }
  );
  const extension = format.split(":")[0];
  return path.join(outDir, `${path.basename(file, path.extname(file))}.${extension}`);
}
