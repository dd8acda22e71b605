import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Status } from "../../engine";
import { formatWholePercent } from "../../sheet";
import { ATTAINMENT_BAR_RANGE, STATUS_TONES, type Tone } from "../../sheet";
import * as T from "../texts";

/** Each tone as the pane's palette, so a bar is coloured like its status cell on the results sheet. */
const FILLS: Record<Tone, string> = {
  good: tokens.colorPaletteGreenBackground3,
  bad: tokens.colorPaletteRedBackground3,
  caution: tokens.colorPaletteMarigoldBackground3,
  neutral: tokens.colorNeutralForeground3,
};

const useStyles = makeStyles({
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  track: {
    position: "relative",
    flexGrow: 1,
    height: "8px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground5,
  },
  fill: {
    position: "absolute",
    left: 0,
    top: 0,
    bottom: 0,
    borderRadius: tokens.borderRadiusSmall,
  },
  // Where 100 % lies on a track that runs to 150 %, as on the results sheet.
  goal: {
    position: "absolute",
    top: "-2px",
    bottom: "-2px",
    width: "2px",
    backgroundColor: tokens.colorNeutralForeground1,
  },
  value: { minWidth: "3.5em", textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

/** Attainment on a 0–150 % track with a mark at 100 %, coloured by the target's status. */
export function AttainmentBar({ attainment, status }: { attainment: number; status: Status }) {
  const styles = useStyles();
  const top = ATTAINMENT_BAR_RANGE[1];
  const share = Math.max(0, Math.min(attainment, top)) / top;
  return (
    <span className={styles.line}>
      <span
        className={styles.track}
        role="meter"
        aria-label={T.ATTAINMENT}
        aria-valuemin={0}
        aria-valuemax={top * 100}
        aria-valuenow={Math.round(attainment * 100)}
        aria-valuetext={T.attainmentValue(formatWholePercent(attainment), status)}
      >
        <span
          className={styles.fill}
          style={{ width: `${share * 100}%`, backgroundColor: FILLS[STATUS_TONES[status]] }}
          data-testid="attainment-fill"
        />
        <span className={styles.goal} style={{ left: `calc(${(1 / top) * 100}% - 1px)` }} />
      </span>
      <Caption1 className={styles.value}>{formatWholePercent(attainment)}</Caption1>
    </span>
  );
}
