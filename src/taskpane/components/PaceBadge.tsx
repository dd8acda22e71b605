import { Badge, makeStyles, type BadgeProps } from "@fluentui/react-components";
import type { Pace } from "../../engine";

const COLOURS: Record<Pace, BadgeProps["color"]> = {
  "On track": "success",
  "At risk": "warning",
};

const useStyles = makeStyles({
  badge: { whiteSpace: "nowrap", flexShrink: 0, minWidth: "max-content" },
});

/** A Pending target's pace, coloured as on the results sheet: green on track, amber at risk. */
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
