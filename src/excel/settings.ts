import type { ChosenRange } from "./choice";

/** What the pane remembers in the workbook, so the ribbon button evaluates the same way. */
export interface PaneSettings {
  /** `today` re-evaluates as of the day it runs; `fixed` keeps `asOf`. */
  readonly asOfMode: "today" | "fixed";
  /** ISO date, used when `asOfMode` is `fixed`. */
  readonly asOf?: string;
  /** Ranges picked from the selection; none means the tables are found automatically. */
  readonly targets?: ChosenRange;
  readonly observations?: readonly ChosenRange[];
  /** Who approves runs from this workbook: asked once by the Approve button, then remembered. */
  readonly approver?: string;
}

const KEY = "kpiRewards";

export const DEFAULT_SETTINGS: PaneSettings = { asOfMode: "today" };

export function loadSettings(): PaneSettings {
  const stored = Office.context.document.settings.get(KEY) as PaneSettings | null;
  return stored ? { ...DEFAULT_SETTINGS, ...stored } : DEFAULT_SETTINGS;
}

export function saveSettings(settings: PaneSettings): Promise<void> {
  Office.context.document.settings.set(KEY, settings);
  return new Promise((resolve, reject) =>
    Office.context.document.settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded
        ? resolve()
        : reject(new Error(result.error.message))
    )
  );
}
