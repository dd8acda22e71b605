import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { runLine } from "../../sheet";
import type { RecordedEvaluation } from "../../excel/run";
import * as T from "../texts";

const useStyles = makeStyles({
  run: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  approve: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
});

export interface RunLineProps {
  evaluation: RecordedEvaluation;
  /** The name remembered in the workbook's settings, once given. */
  approver?: string;
  /** Approves the shown run by `name`; rejects with the sentence to show. */
  onApprove: (name: string) => Promise<void>;
  busy: boolean;
}

/**
 * Which run these results are, what changed since the run they are compared with, and the Approve
 * button: secondary, beside the run it approves, asking for the approver's name only the first time.
 */
export function RunLine({ evaluation, approver, onApprove, busy }: RunLineProps) {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const record = evaluation.record;
  if (!record || !evaluation.run) return null;
  const changed = evaluation.results.filter((r) => r.changed !== "");
  const approved = record.approvedBy !== undefined;
  const blank = name.trim() === "";
  const approve = () => {
    if (approver) void onApprove(approver);
    else setAsking(true);
  };
  const confirm = async () => {
    setTouched(true);
    if (blank) return;
    setAsking(false);
    await onApprove(name.trim());
  };
  return (
    <section className={styles.run} aria-label={T.RUN_HISTORY} data-testid="run">
      <Text weight="semibold" data-testid="run-line">
        {runLine(evaluation.run.plan, record)}
      </Text>
      {evaluation.run.comparedWith !== undefined &&
        (changed.length > 0 ? (
          <ul className={styles.changes} aria-label={T.WHAT_CHANGED} data-testid="changes">
            {changed.map((r) => (
              <li key={`${r.source.sheet}!${r.source.cell}`} data-testid="change">
                <Caption1>{T.changeLine(r.project, r.kpi, r.changed)}</Caption1>
              </li>
            ))}
          </ul>
        ) : (
          <Caption1 data-testid="changes">{T.nothingChanged(evaluation.run.comparedWith)}</Caption1>
        ))}
      <div className={styles.approve}>
        <Button appearance="secondary" onClick={approve} disabled={busy || approved}>
          {T.approveRunLabel(record.run)}
        </Button>
        <Caption1 data-testid="approve-note">
          {approved
            ? T.alreadyApproved(record.run)
            : approver
              ? T.approvesAs(approver)
              : T.ASKS_NAME_ONCE}
        </Caption1>
      </div>
      <Dialog open={asking} onOpenChange={(_, data) => setAsking(data.open)}>
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>{T.approveRunLabel(record.run)}</DialogTitle>
            <DialogContent>
              <Field
                label={T.APPROVED_BY}
                required
                validationState={touched && blank ? "error" : "none"}
                validationMessage={touched && blank ? T.APPROVER_NEEDED : undefined}
              >
                <Input value={name} onChange={(_, data) => setName(data.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setAsking(false)}>
                {T.CANCEL}
              </Button>
              <Button appearance="primary" onClick={confirm}>
                {T.APPROVE}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
