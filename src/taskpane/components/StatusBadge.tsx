import { Badge, makeStyles, type BadgeProps } from "@fluentui/react-components";
import type { Eligibility, Pace, Status } from "../../engine";
import { STATUS_TONES, type Tone, type ToneLabel } from "../../sheet";

/** Each tone as Fluent's badge colours, so a badge reads like the cell on the results sheet. */
const BADGE_COLOURS: Record<Tone, BadgeProps["color"]> = {
  good: "success",
  bad: "danger",
  caution: "warning",
  neutral: "informative",
};

const colourOf = (label: ToneLabel) => BADGE_COLOURS[STATUS_TONES[label]];

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
      color={colourOf(label)}
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
      color={colourOf(pace)}
      className={styles.badge}
      data-pace={pace}
    >
      {pace}
    </Badge>
  );
}
