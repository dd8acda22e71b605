import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { Eligibility, Status } from "../../engine";

const COLOURS: Record<Status | Eligibility, BadgeProps["color"]> = {
  Met: "success",
  Yes: "success",
  Missed: "danger",
  No: "danger",
  Pending: "warning",
  "Insufficient data": "informative",
  Invalid: "informative",
  Review: "informative",
};

/** The same colours as the results sheet: green met, red missed, amber pending, grey the rest. */
export function StatusBadge({ label }: { label: Status | Eligibility }) {
  return (
    <Badge appearance="tint" color={COLOURS[label]} data-status={label}>
      {label}
    </Badge>
  );
}
