import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { readProgressText, type ReadProgress } from "../../excel/read";
import * as T from "../texts";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "end", gap: tokens.spacingHorizontalM },
  bar: { flexGrow: 1, minWidth: 0 },
});

/** How far the read of the workbook has got, with a Cancel that takes effect between chunks. */
export function ReadingProgress({
  progress,
  onCancel,
}: {
  progress: ReadProgress | undefined;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [cancelling, setCancelling] = useState(false);
  const text = T.inProgress(
    cancelling ? T.CANCELLING : progress ? readProgressText(progress) : T.READING
  );
  return (
    <div className={styles.row} data-testid="reading">
      <Field className={styles.bar} validationMessage={text} validationState="none">
        <ProgressBar
          aria-label={T.READING}
          value={progress ? progress.lastRow / progress.totalRows : undefined}
        />
      </Field>
      <Button
        disabled={cancelling}
        onClick={() => {
          setCancelling(true);
          onCancel();
        }}
      >
        {T.CANCEL}
      </Button>
    </div>
  );
}
