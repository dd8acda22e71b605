/** Every target row ends with exactly one of these. */
export type Status = "Met" | "Missed" | "Pending" | "Insufficient data" | "Invalid";

export const STATUSES: readonly Status[] = [
  "Met",
  "Missed",
  "Pending",
  "Insufficient data",
  "Invalid",
];

/** Invalid and Insufficient data rows need a person to look at them. */
export function needsReview(status: Status): boolean {
  return status === "Invalid" || status === "Insufficient data";
}

/** Met and Missed are final: they are paid and scored. */
export function isDecided(status: Status): boolean {
  return status === "Met" || status === "Missed";
}
