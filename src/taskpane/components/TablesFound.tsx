import { Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { TABLE_KIND_LABELS, type TableSummary } from "../../engine";
import * as T from "../texts";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: "1.1rem" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
});

export interface TablesFoundProps {
  tables: readonly TableSummary[] | undefined;
  picked: boolean;
  onPickTargets: () => void;
  onPickObservations: () => void;
  onReset: () => void;
}

/** What the engine found, and the way to point it at the selection instead. */
export function TablesFound({
  tables,
  picked,
  onPickTargets,
  onPickObservations,
  onReset,
}: TablesFoundProps) {
  const styles = useStyles();
  return (
    <section aria-labelledby="tables-heading">
      <Subtitle2 as="h2" id="tables-heading">
        {T.tablesHeading(picked)}
      </Subtitle2>
      {tables === undefined ? (
        <Caption1>{T.LOOKING_FOR_TABLES}</Caption1>
      ) : tables.length === 0 ? (
        <>
          <Caption1 as="p">{T.NO_TABLES}</Caption1>
          <Caption1 as="p" data-testid="table-help">
            {T.TABLE_HELP}
          </Caption1>
        </>
      ) : (
        <ul className={styles.list} data-testid="tables">
          {tables.map((t) => (
            <li key={`${t.sheet}!${t.address}`}>
              <Caption1>
                {T.tableLine(TABLE_KIND_LABELS[t.kind], t.sheet, t.address, t.name, t.rows)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <Button size="small" onClick={onPickTargets}>
          {T.USE_AS_TARGETS}
        </Button>
        <Button size="small" onClick={onPickObservations}>
          {T.ADD_AS_OBSERVATIONS}
        </Button>
        {picked && (
          <Button size="small" appearance="subtle" onClick={onReset}>
            {T.FIND_AUTOMATICALLY}
          </Button>
        )}
      </div>
    </section>
  );
}
