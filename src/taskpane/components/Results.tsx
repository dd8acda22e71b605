import { Button, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { AppliedAdjustment, CellRef, Evaluation, TargetResult, Trend } from "../../engine";
import { formatMoney, formatSignedMoney } from "../../sheet";
import { AttainmentBar } from "./AttainmentBar";
import { PaceBadge, StatusBadge } from "./StatusBadge";
import { Summary } from "./Summary";
import { TrendChart } from "./TrendChart";
import * as T from "../texts";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
  },
  row: {
    width: "100%",
    textAlign: "left",
    background: "none",
    color: "inherit",
    font: "inherit",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    cursor: "pointer",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  line: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  // Long titles wrap and give way; the badge beside them keeps its size.
  title: { minWidth: 0, overflowWrap: "anywhere" },
  team: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  teamName: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  money: { fontVariantNumeric: "tabular-nums", textAlign: "right", minWidth: "6.5em" },
  // As wide as the widest team badge ("Pending"), so the amounts beside it line up.
  badgeSlot: { minWidth: "5.5em", display: "flex", justifyContent: "flex-end" },
  trend: { padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}` },
  adjustments: {
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS}`,
    listStyleType: "none",
  },
  trendButton: { alignSelf: "flex-start", margin: `0 ${tokens.spacingHorizontalXS}` },
});

export interface ResultsProps {
  evaluation: Evaluation;
  onSelect: (sheet: string, cell: string) => void;
  trendOf: (source: CellRef) => Trend | undefined;
}

function TargetRow({
  result,
  adjustments,
  onSelect,
  trendOf,
}: {
  result: TargetResult;
  /** The manual corrections applied to this target (SPEC §10). */
  adjustments: readonly AppliedAdjustment[];
  onSelect: ResultsProps["onSelect"];
  trendOf: ResultsProps["trendOf"];
}) {
  const styles = useStyles();
  const [trend, setTrend] = useState<Trend | null | undefined>();
  const trendId = `trend-${result.source.sheet}-${result.source.cell}`.replace(/[^\w-]/g, "_");
  const open = trend !== undefined;
  return (
    <li className={styles.card}>
      <button
        className={styles.row}
        onClick={() => onSelect(result.source.sheet, result.source.cell)}
        data-testid="target"
        aria-label={T.targetRowLabel(result.project, result.kpi, result.status)}
      >
        <span className={styles.line}>
          <Text weight="semibold" className={styles.title}>
            {result.project} · {result.kpi}
          </Text>
          {result.pace && <PaceBadge pace={result.pace} />}
          <StatusBadge label={result.status} />
        </span>
        {result.attainment !== null && (
          <AttainmentBar attainment={result.attainment} status={result.status} />
        )}
        <Caption1>{result.explanation}</Caption1>
      </button>
      {adjustments.length > 0 && (
        <ul className={styles.adjustments} aria-label={T.ADJUSTMENTS}>
          {adjustments.map((a) => (
            <li key={`${a.cell.sheet}!${a.cell.cell}`} data-testid="adjustment">
              <Caption1>
                {T.adjustmentLine(formatSignedMoney(a.amount), a.reason, a.approvedBy)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {result.status !== "Invalid" && (
        <Button
          size="small"
          appearance="transparent"
          className={styles.trendButton}
          aria-expanded={open}
          aria-controls={trendId}
          data-testid="trend-toggle"
          onClick={() => setTrend(open ? undefined : (trendOf(result.source) ?? null))}
        >
          {T.trendToggle(open)}
        </Button>
      )}
      {open && (
        <div id={trendId} className={styles.trend}>
          {trend ? <TrendChart trend={trend} /> : <Caption1>{T.NO_TREND}</Caption1>}
        </div>
      )}
    </li>
  );
}

/** Summary, teams, targets and issues of the last evaluation. */
export function Results({ evaluation, onSelect, trendOf }: ResultsProps) {
  const styles = useStyles();
  const showIssues = () => {
    const heading = document.getElementById("issues-heading");
    heading?.scrollIntoView({ block: "start" });
    heading?.focus();
  };
  return (
    <>
      <Summary evaluation={evaluation} onShowIssues={showIssues} />
      <section aria-labelledby="teams-heading">
        <Subtitle2 as="h2" id="teams-heading">
          {T.TEAMS}
        </Subtitle2>
        <ul className={styles.list}>
          {evaluation.teams.map((team) => (
            <li key={team.team} className={styles.team} data-testid="team">
              <Text className={styles.teamName}>{team.team}</Text>
              <Caption1 className={styles.money}>{formatMoney(team.reward)}</Caption1>
              <span className={styles.badgeSlot}>
                <StatusBadge label={team.eligible} />
              </span>
            </li>
          ))}
        </ul>
        <Caption1>{T.REWARD_NOTE}</Caption1>
      </section>
      <section aria-labelledby="targets-heading">
        <Subtitle2 as="h2" id="targets-heading">
          {T.TARGETS}
        </Subtitle2>
        <ul className={styles.list}>
          {evaluation.results.map((result, i) => (
            <TargetRow
              key={`${result.source.sheet}!${result.source.cell}`}
              result={result}
              adjustments={evaluation.adjustments.filter((a) => a.targetIndex === i)}
              onSelect={onSelect}
              trendOf={trendOf}
            />
          ))}
        </ul>
      </section>
      {evaluation.issues.length > 0 && (
        <section aria-labelledby="issues-heading">
          <Subtitle2 as="h2" id="issues-heading" tabIndex={-1}>
            {T.issuesHeading(evaluation.issues.length)}
          </Subtitle2>
          <ul className={styles.list}>
            {evaluation.issues.map((issue, i) => (
              <li key={i} className={styles.card}>
                <button
                  className={styles.row}
                  onClick={() => onSelect(issue.sheet, issue.cell)}
                  data-testid="issue"
                >
                  <Caption1>{T.issuePlace(issue.severity, issue.sheet, issue.cell)}</Caption1>
                  <Caption1>{issue.message}</Caption1>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
