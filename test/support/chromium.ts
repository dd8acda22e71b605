import { chromium, type Browser } from "playwright-core";
import { locate } from "../../scripts/test-tools";

/**
 * The browser the pane's tests drive: CHROMIUM_PATH, else Chromium, Chrome or Edge on PATH, else the
 * platform's usual install location. Missing, it throws a message saying what to install, so the
 * dependent tests fail with it instead of skipping.
 */
export function chromiumPath(): string {
  const answer = locate("chromium");
  if (!answer.found) throw new Error(answer.message);
  return answer.path;
}

/** Launches that browser headless, quiet and offline-minded (no background updates or syncing). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
