import type { Pace } from "../engine/rules/pace";
import { STATUSES, type Status } from "../engine/rules/status";
import type { Eligibility } from "../engine/rules/team";

/** Every label a results column or a pane badge colours: a target's status, a team's eligibility, a pace. */
export type ToneLabel = Status | Eligibility | Pace;

/** What a label means at a glance; each host draws a tone in its own colours. */
export type Tone = "good" | "bad" | "caution" | "neutral";

/** SPEC §5: green met, red missed, amber pending or at risk, grey for anything still to review. */
export const STATUS_TONES: Record<ToneLabel, Tone> = {
  Met: "good",
  Yes: "good",
  "On track": "good",
  Missed: "bad",
  No: "bad",
  Pending: "caution",
  "At risk": "caution",
  "Insufficient data": "neutral",
  Invalid: "neutral",
  Review: "neutral",
};

/** The sheet's colours for each tone (Excel's own good/bad/neutral cell styles), the same in every writer. */
export const TONE_COLOURS: Record<Tone, { fill: string; font: string }> = {
  good: { fill: "#C6EFCE", font: "#006100" },
  bad: { fill: "#FFC7CE", font: "#9C0006" },
  caution: { fill: "#FFEB9C", font: "#9C5700" },
  neutral: { fill: "#E7E6E6", font: "#3A3A3A" },
};

/** The fill and font a label is highlighted with on the results sheet. */
export function sheetColours(label: ToneLabel): { fill: string; font: string } {
  return TONE_COLOURS[STATUS_TONES[label]];
}

export const ATTAINMENT_BAR_COLOUR = "#5B9BD5";
/** The attainment data bar runs from 0 to 150%, on the sheet and in the pane. */
export const ATTAINMENT_BAR_RANGE = [0, 1.5] as const;

/** A results column that is coloured: by the labels it can hold, or (attainment) as a data bar. */
export type Highlight = "status" | "eligible" | "pace" | "attainment";

/** The labels each coloured column can hold, in the order their rules are written. */
export const HIGHLIGHT_LABELS: Record<Exclude<Highlight, "attainment">, readonly ToneLabel[]> = {
  status: STATUSES,
  eligible: ["Yes", "No", "Pending", "Review"],
  pace: ["On track", "At risk"],
};
