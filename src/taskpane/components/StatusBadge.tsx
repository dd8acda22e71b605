import { Badge, makeStyles, type BadgeProps } from "@fluentui/react-components";
import type { Eligibility, Pace, Status } from "../../engine";

const COLOURS: Record<Status | Eligibility | Pace, BadgeProps["color"]> = {
  Met: "success",
  Yes: "success",
  "On track": "success",
  Missed: "danger",
  No: "danger",
  Pending: "warning",
  "At risk": "warning",
  "Insufficient data": "informative",
  Invalid: "informative",
  Review: "informative",
};

const useStyles = makeStyles({
  // A badge keeps its whole label on one line and never gives up width to the text beside it.
  badge: { whiteSpace: "nowrap", flexShrink: 0, minWidth: "max-content" },
});

/** The same colours as the results sheet: green met, red missed, amber pending, grey the rest. */
export function StatusBadge({ label }: { label: Status | Eligibility }) {
  const styles = useStyles();
  return (
    <Badge
      appearance="tint"
      shape="rounded"
      color={COLOURS[label]}
      className={styles.badge}
      data-status={label}
    >
      {label}
    </Badge>
  );
}

/** A Pending target's pace, outlined beside its status: green on track, amber at risk. */
export function PaceBadge({ pace }: { pace: Pace }) {
  const styles = useStyles();
  return (
    <Badge
      appearance="outline"
      shape="rounded"
      color={COLOURS[pace]}
      className={styles.badge}
      data-pace={pace}
    >
      {pace}
    </Badge>
  );
}
