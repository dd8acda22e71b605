import { Body1, Caption1, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Evaluation } from "../../engine";
import { formatDay, formatMoney, resultsSummary } from "../../sheet";
import * as T from "../texts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  counts: {
    display: "grid",
    gridTemplateColumns: "repeat(4, 1fr)",
    gap: tokens.spacingHorizontalXS,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  count: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  number: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  line: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  money: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
});

export interface SummaryProps {
  evaluation: Evaluation;
  onShowIssues: () => void;
}

/** As-of date, teams by verdict (they add up to all teams), total reward, and the way to the issues. */
export function Summary({ evaluation, onShowIssues }: SummaryProps) {
  const styles = useStyles();
  const summary = resultsSummary(evaluation);
  const counts: [string, number][] = [
    [T.VERDICTS.eligible, summary.eligible],
    [T.VERDICTS.notEligible, summary.notEligible],
    [T.VERDICTS.pending, summary.pending],
    [T.VERDICTS.review, summary.review],
  ];
  return (
    <section aria-labelledby="summary-heading" data-testid="summary" className={styles.section}>
      <Subtitle2 as="h2" id="summary-heading">
        {T.SUMMARY}
      </Subtitle2>
      <Body1 as="p" data-testid="summary-as-of">
        {T.summaryLine(formatDay(summary.asOf), evaluation.results.length, summary.teams)}
      </Body1>
      <div className={styles.counts} role="list" aria-label={T.TEAMS_BY_VERDICT}>
        {counts.map(([label, n]) => (
          <div key={label} className={styles.count} role="listitem" data-testid="summary-count">
            <span className={styles.number}>{n}</span>
            <Caption1>{label}</Caption1>
          </div>
        ))}
      </div>
      <div className={styles.line}>
        <Body1>{T.TOTAL_REWARD}</Body1>
        <Body1 className={styles.money} data-testid="summary-reward">
          {formatMoney(summary.totalReward)}
        </Body1>
      </div>
      <div className={styles.line}>
        <Body1>{T.ISSUES}</Body1>
        {summary.issues > 0 ? (
          <Link as="button" onClick={onShowIssues} data-testid="summary-issues">
            {T.issuesLink(summary.issues)}
          </Link>
        ) : (
          <Body1 data-testid="summary-issues">{T.NO_ISSUES}</Body1>
        )}
      </div>
    </section>
  );
}
