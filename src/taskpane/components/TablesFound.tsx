import { Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { TABLE_KIND_LABELS, type TableSummary } from "../../engine";

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
        {picked ? "Tables picked from the selection" : "Tables found"}
      </Subtitle2>
      {tables === undefined ? (
        <Caption1>Looking for tables…</Caption1>
      ) : tables.length === 0 ? (
        <>
          <Caption1 as="p">No Targets or observation tables in this workbook yet.</Caption1>
          <Caption1 as="p" data-testid="table-help">
            A Targets table needs a header row with Project, KPI, Start, Window (or End) and Target.
            Observations need Project, KPI, Date and Value, or a Date column and one column per KPI.
          </Caption1>
        </>
      ) : (
        <ul className={styles.list} data-testid="tables">
          {tables.map((t) => (
            <li key={`${t.sheet}!${t.address}`}>
              <Caption1>
                {TABLE_KIND_LABELS[t.kind]}: {t.sheet}!{t.address}
                {t.name ? ` (${t.name})` : ""} · {t.rows} rows
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <Button size="small" onClick={onPickTargets}>
          Use selection as Targets
        </Button>
        <Button size="small" onClick={onPickObservations}>
          Add selection as observations
        </Button>
        {picked && (
          <Button size="small" appearance="subtle" onClick={onReset}>
            Find tables automatically
          </Button>
        )}
      </div>
    </section>
  );
}
