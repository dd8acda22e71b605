import {
  Body1,
  Caption1,
  makeStyles,
  ProgressBar,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  formatMoney,
  formatWholePercent,
  statusCounts,
  type Evaluation,
  type TargetResult,
} from "../../engine";
import { StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  summary: {
    display: "grid",
    gridTemplateColumns: "repeat(2, 1fr)",
    gap: tokens.spacingVerticalXS,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  row: {
    width: "100%",
    textAlign: "left",
    background: "none",
    color: "inherit",
    font: "inherit",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
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
});

export interface ResultsProps {
  evaluation: Evaluation;
  onSelect: (sheet: string, cell: string) => void;
}

function TargetRow({
  result,
  onSelect,
}: {
  result: TargetResult;
  onSelect: ResultsProps["onSelect"];
}) {
  const styles = useStyles();
  const attainment = result.attainment;
  return (
    <li>
      <button
        className={styles.row}
        onClick={() => onSelect(result.source.sheet, result.source.cell)}
        data-testid="target"
        aria-label={`${result.project} ${result.kpi}: ${result.status}. Select its row.`}
      >
        <span className={styles.line}>
          <Text weight="semibold">
            {result.project} · {result.kpi}
          </Text>
          <StatusBadge label={result.status} />
        </span>
        {attainment !== null && (
          <span className={styles.line}>
            <ProgressBar
              value={Math.max(0, Math.min(attainment, 1))}
              color={attainment >= 1 ? "success" : "brand"}
              aria-label="Attainment"
            />
            <Caption1>{formatWholePercent(attainment)}</Caption1>
          </span>
        )}
        <Caption1>{result.explanation}</Caption1>
      </button>
    </li>
  );
}

/** Summary, teams, targets and issues of the last evaluation. */
export function Results({ evaluation, onSelect }: ResultsProps) {
  const styles = useStyles();
  const counts = statusCounts(evaluation);
  const eligible = evaluation.teams.filter((t) => t.eligible === "Yes").length;
  const pending = evaluation.teams.filter((t) => t.eligible === "Pending").length;
  const notEligible = evaluation.teams.filter((t) => t.eligible === "No").length;
  const total = evaluation.teams.reduce((sum, t) => sum + t.reward, 0);
  return (
    <>
      <section aria-labelledby="summary-heading">
        <Subtitle2 as="h2" id="summary-heading">
          Summary
        </Subtitle2>
        <div className={styles.summary} data-testid="summary">
          <Body1>Teams eligible: {eligible}</Body1>
          <Body1>Pending: {pending}</Body1>
          <Body1>Not eligible: {notEligible}</Body1>
          <Body1>Total reward: {formatMoney(total)}</Body1>
          <Caption1>
            {counts.Met} met · {counts.Missed} missed · {counts.Pending} pending · {counts.review}{" "}
            to review
          </Caption1>
        </div>
      </section>
      <section aria-labelledby="teams-heading">
        <Subtitle2 as="h2" id="teams-heading">
          Teams
        </Subtitle2>
        <ul className={styles.list}>
          {evaluation.teams.map((team) => (
            <li key={team.team} className={styles.line} data-testid="team">
              <Text>{team.team}</Text>
              <span className={styles.line}>
                <Caption1>{formatMoney(team.reward)}</Caption1>
                <StatusBadge label={team.eligible} />
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="targets-heading">
        <Subtitle2 as="h2" id="targets-heading">
          Targets
        </Subtitle2>
        <ul className={styles.list}>
          {evaluation.results.map((result) => (
            <TargetRow
              key={`${result.source.sheet}!${result.source.cell}`}
              result={result}
              onSelect={onSelect}
            />
          ))}
        </ul>
      </section>
      {evaluation.issues.length > 0 && (
        <section aria-labelledby="issues-heading">
          <Subtitle2 as="h2" id="issues-heading">
            Issues ({evaluation.issues.length})
          </Subtitle2>
          <ul className={styles.list}>
            {evaluation.issues.map((issue, i) => (
              <li key={i}>
                <button
                  className={styles.row}
                  onClick={() => onSelect(issue.sheet, issue.cell)}
                  data-testid="issue"
                >
                  <Caption1>
                    {issue.severity === "error" ? "Error" : "Warning"} · {issue.sheet}!{issue.cell}
                  </Caption1>
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
