import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Trend } from "../../engine";
import { formatAmount, formatDay, formatWindow } from "../../sheet";
import * as T from "../texts";

const WIDTH = 300;
const HEIGHT = 150;
const LEFT = 44;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 22;

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  axis: { fontSize: "9px", fill: tokens.colorNeutralForeground3 },
});

/** The trend in words: what a screen reader says and what the picture shows. */
export function describeTrend(trend: Trend): string {
  const points = trend.points;
  const level = (value: number | null) => (value === null ? undefined : formatAmount(value));
  return T.trendDescription({
    kpi: trend.kpi,
    points: T.trendPoints(
      points.length,
      points.length > 0 ? formatDay(points[0].day) : undefined,
      points.length > 0 ? formatDay(points[points.length - 1].day) : undefined
    ),
    cumulative: trend.cumulative,
    baseline: T.trendBaseline(
      level(trend.baselineLevel),
      trend.baseline ? formatWindow(trend.baseline) : undefined
    ),
    target: T.trendTarget(level(trend.targetLevel)),
    evaluation: formatWindow(trend.evaluation),
    asOf: formatDay(trend.asOf),
    projected: trend.projected && {
      value: formatAmount(trend.projected.value),
      day: formatDay(trend.projected.day),
    },
  });
}

/** The observations across the baseline and evaluation windows (shaded), B and T as levels, the as-of date. */
export function TrendChart({ trend }: { trend: Trend }) {
  const styles = useStyles();
  const titleId = useId();
  const windows = trend.baseline ? [trend.baseline, trend.evaluation] : [trend.evaluation];
  const x0 = Math.min(...windows.map((w) => w.from));
  const x1 = Math.max(...windows.map((w) => w.to));
  const levels = [
    ...trend.points.map((p) => p.value),
    ...(trend.baselineLevel === null ? [] : [trend.baselineLevel]),
    ...(trend.targetLevel === null ? [] : [trend.targetLevel]),
    ...(trend.projected ? [trend.projected.value] : []),
  ];
  const low = levels.length ? Math.min(...levels) : 0;
  const high = levels.length ? Math.max(...levels) : 1;
  const pad = (high - low || Math.abs(high) || 1) * 0.08;
  const y0 = low - pad;
  const y1 = high + pad;
  const x = (day: number) => LEFT + ((day - x0) / (x1 - x0)) * (WIDTH - LEFT - RIGHT);
  const y = (value: number) => TOP + ((y1 - value) / (y1 - y0)) * (HEIGHT - TOP - BOTTOM);
  const bottom = HEIGHT - BOTTOM;
  const line = trend.points.map((p) => `${x(p.day + 0.5).toFixed(1)},${y(p.value).toFixed(1)}`);
  const asOfInside = trend.asOf >= x0 && trend.asOf < x1;
  const last = trend.points[trend.points.length - 1];
  const description = describeTrend(trend);

  return (
    <figure className={styles.figure} data-testid="trend">
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>{description}</title>
        {trend.baseline && (
          <rect
            data-testid="trend-baseline-window"
            x={x(trend.baseline.from)}
            y={TOP}
            width={x(trend.baseline.to) - x(trend.baseline.from)}
            height={bottom - TOP}
            fill={tokens.colorNeutralBackground4}
          />
        )}
        <rect
          data-testid="trend-evaluation-window"
          x={x(trend.evaluation.from)}
          y={TOP}
          width={x(trend.evaluation.to) - x(trend.evaluation.from)}
          height={bottom - TOP}
          fill={tokens.colorBrandBackground2}
        />
        <text className={styles.axis} x={LEFT - 4} y={y(y1 - pad) + 3} textAnchor="end">
          {formatAmount(high)}
        </text>
        <text className={styles.axis} x={LEFT - 4} y={y(y0 + pad) + 3} textAnchor="end">
          {formatAmount(low)}
        </text>
        <text className={styles.axis} x={LEFT} y={HEIGHT - 8}>
          {formatDay(x0)}
        </text>
        <text className={styles.axis} x={WIDTH - RIGHT} y={HEIGHT - 8} textAnchor="end">
          {formatDay(x1 - 1)}
        </text>
        {trend.baselineLevel !== null && (
          <line
            data-testid="trend-baseline-level"
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={y(trend.baselineLevel)}
            y2={y(trend.baselineLevel)}
            stroke={tokens.colorNeutralForeground3}
            strokeDasharray="4 3"
          />
        )}
        {trend.targetLevel !== null && (
          <line
            data-testid="trend-target-level"
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={y(trend.targetLevel)}
            y2={y(trend.targetLevel)}
            stroke={tokens.colorPaletteGreenForeground1}
            strokeWidth={1.5}
            strokeDasharray="6 3"
          />
        )}
        {line.length > 0 && (
          <polyline
            data-testid="trend-line"
            points={line.join(" ")}
            fill="none"
            stroke={tokens.colorBrandForeground1}
            strokeWidth={1.5}
          />
        )}
        {asOfInside && (
          <line
            data-testid="trend-as-of"
            x1={x(trend.asOf + 1)}
            x2={x(trend.asOf + 1)}
            y1={TOP}
            y2={bottom}
            stroke={tokens.colorPaletteMarigoldForeground1}
            strokeWidth={1.5}
          />
        )}
        {trend.projected && (
          <g data-testid="trend-projected">
            {last && (
              <line
                x1={x(last.day + 0.5)}
                y1={y(last.value)}
                x2={x(trend.projected.day + 0.5)}
                y2={y(trend.projected.value)}
                stroke={tokens.colorBrandForeground1}
                strokeDasharray="2 2"
              />
            )}
            <circle
              cx={x(trend.projected.day + 0.5)}
              cy={y(trend.projected.value)}
              r={3.5}
              fill={tokens.colorNeutralBackground1}
              stroke={tokens.colorBrandForeground1}
              strokeWidth={1.5}
            />
          </g>
        )}
      </svg>
      <Caption1 data-testid="trend-text">
        {T.trendKey({
          asOfOutside: asOfInside ? undefined : formatDay(trend.asOf),
          cumulative: trend.cumulative,
          baselineWindow: Boolean(trend.baseline),
          baselineLevel: trend.baselineLevel !== null,
        })}
      </Caption1>
    </figure>
  );
}
