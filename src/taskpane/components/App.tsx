import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Switch,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { type CellRef, type TableSummary, todaySerial, type Trend } from "../../engine";
import { formatIsoDate, SAMPLE_AS_OF } from "../../sheet";
import { watchWorkbook } from "../../excel/changes";
import {
  evaluateInExcel,
  findInExcel,
  type RecordedEvaluation,
  selectCell,
  selectedRange,
  type Stage,
} from "../../excel/run";
import { writeSample } from "../../excel/sample";
import { ReadCancelledError, type ReadProgress } from "../../excel/read";
import { loadSettings, saveSettings, type PaneSettings } from "../../excel/settings";
import { ForeignSheetError, UnfinishedWriteError } from "../../excel/write";
import { UNDO_NOTE } from "../../excel/messages";
import { approveRun } from "../../excel/approve";
import { ReadingProgress } from "./ReadingProgress";
import { RunLine } from "./RunLine";
import { Results } from "./Results";
import { TablesFound } from "./TablesFound";
import * as T from "../texts";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  row: { display: "flex", alignItems: "end", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

/** What the shown results were computed from, to tell when they no longer match the workbook. */
interface Computed {
  asOf: string;
  tables: string;
}

function tablesKey(settings: PaneSettings): string {
  return JSON.stringify([settings.targets ?? null, settings.observations ?? []]);
}

interface Problem {
  title: string;
  message: string;
}

function problemOf(error: unknown): Problem {
  const message = T.problemText(error);
  if (error instanceof ForeignSheetError || error instanceof UnfinishedWriteError)
    return { title: T.SHEET_NOT_WRITTEN, message };
  if (error instanceof ReadCancelledError)
    return { title: T.EVALUATION_CANCELLED, message: T.cancelledNote(message) };
  return { title: T.EVALUATION_STOPPED, message: T.stoppedNote(message) };
}

export function App() {
  const styles = useStyles();
  const [settings, setSettings] = useState<PaneSettings>(loadSettings);
  const [tables, setTables] = useState<TableSummary[] | undefined>();
  const [stage, setStage] = useState<Stage | typeof T.CREATING_SAMPLE | undefined>();
  const [evaluation, setEvaluation] = useState<RecordedEvaluation | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [computed, setComputed] = useState<Computed | undefined>();
  const [edited, setEdited] = useState(false);
  const [failed, setFailed] = useState(false);
  const [approving, setApproving] = useState(false);
  const [reading, setReading] = useState<ReadProgress | undefined>();
  const reader = useRef<AbortController | undefined>(undefined);
  const today = formatIsoDate(todaySerial());
  const asOfText = settings.asOfMode === "fixed" && settings.asOf ? settings.asOf : today;
  const trendOf = useRef<(source: CellRef) => Trend | undefined>(() => undefined);
  const settingsNow = useRef(settings);
  settingsNow.current = settings;
  const tablesNow = useRef(tables);
  tablesNow.current = tables;

  const refresh = useCallback((current: PaneSettings) => {
    findInExcel(current).then(setTables, (error) => setProblem(problemOf(error)));
  }, []);
  useEffect(() => refresh(loadSettings()), [refresh]);
  useEffect(() => {
    let later: ReturnType<typeof setTimeout> | undefined;
    watchWorkbook(() => {
      setEdited(true);
      // A workbook without tables yet is looked at again once the typing pauses.
      if (tablesNow.current?.length === 0) {
        clearTimeout(later);
        later = setTimeout(() => refresh(settingsNow.current), 1000);
      }
    }).catch(() => undefined); // Without events the as-of date and tables still mark results stale.
    return () => clearTimeout(later);
  }, [refresh]);

  const update = async (next: PaneSettings, tablesChanged = false) => {
    setSettings(next);
    await saveSettings(next).catch((error) =>
      setProblem({ title: T.SETTINGS_NOT_SAVED, message: String(error) })
    );
    // Reading the workbook again is only worth it when the tables to read have changed.
    if (tablesChanged) refresh(next);
  };

  const run = async () => {
    setProblem(undefined);
    const startedWith: Computed = { asOf: asOfText, tables: tablesKey(settings) };
    setEdited(false);
    setReading(undefined);
    reader.current = new AbortController();
    try {
      const result = await evaluateInExcel(
        settings,
        setStage,
        {},
        (finder) => {
          trendOf.current = finder;
        },
        { signal: reader.current.signal, onProgress: setReading }
      );
      setEvaluation(result);
      setComputed(startedWith);
      setFailed(false);
    } catch (error) {
      setProblem(problemOf(error));
      setFailed(true);
    } finally {
      setStage(undefined);
    }
  };

  const sample = async () => {
    setProblem(undefined);
    setStage(T.CREATING_SAMPLE);
    try {
      await Excel.run((context) => writeSample(context));
      // The sample is written to be read on its own as-of date, where every status shows.
      await update({ asOfMode: "fixed", asOf: formatIsoDate(SAMPLE_AS_OF) }, true);
    } catch (error) {
      setProblem({ title: T.SAMPLE_NOT_CREATED, message: T.problemText(error) });
    } finally {
      setStage(undefined);
    }
  };

  const pick = async (as: "targets" | "observations") => {
    try {
      const range = await selectedRange();
      const next: PaneSettings =
        as === "targets"
          ? { ...settings, targets: range }
          : { ...settings, observations: [...(settings.observations ?? []), range] };
      await update(next, true);
    } catch (error) {
      setProblem({ title: T.SELECTION_NOT_USED, message: T.problemText(error) });
    }
  };

  const approve = async (name: string) => {
    const record = evaluation?.record;
    if (!record) return;
    setProblem(undefined);
    setApproving(true);
    try {
      const approved = await approveRun(record.run, name);
      setEvaluation((shown) => shown && { ...shown, record: approved });
      // Asked once: the name is remembered in the workbook for the next approval.
      if (settings.approver !== name) await update({ ...settings, approver: name });
    } catch (error) {
      setProblem({ title: T.RUN_NOT_APPROVED, message: T.problemText(error) });
    } finally {
      setApproving(false);
    }
  };

  const select = (sheet: string, cell: string) => {
    selectCell(sheet, cell).catch((error) =>
      setProblem({ title: T.CELL_NOT_SELECTED, message: String(error) })
    );
  };

  const busy = stage !== undefined;
  const picked = settings.targets !== undefined || (settings.observations?.length ?? 0) > 0;
  const found = (tables?.length ?? 0) > 0;
  const stale: string[] = [];
  if (evaluation && computed) {
    if (computed.asOf !== asOfText) stale.push(T.STALE_AS_OF);
    if (computed.tables !== tablesKey(settings)) stale.push(T.STALE_TABLES);
    if (edited) stale.push(T.STALE_WORKBOOK);
  }
  if (evaluation && failed) stale.push(T.STALE_FAILED);

  return (
    <main className={styles.pane}>
      <Title3 as="h1">{T.PANE_TITLE}</Title3>
      <TablesFound
        tables={tables}
        picked={picked}
        onPickTargets={() => pick("targets")}
        onPickObservations={() => pick("observations")}
        onReset={() =>
          update(
            { asOfMode: settings.asOfMode, asOf: settings.asOf, approver: settings.approver },
            true
          )
        }
      />
      {tables !== undefined && !found && !picked && (
        <Button appearance="primary" onClick={sample} disabled={busy}>
          {T.CREATE_SAMPLE}
        </Button>
      )}
      <div className={styles.row}>
        <Field label={T.AS_OF}>
          <Input
            type="date"
            value={asOfText}
            disabled={settings.asOfMode === "today"}
            onChange={(_, data) => update({ ...settings, asOfMode: "fixed", asOf: data.value })}
          />
        </Field>
        <Switch
          label={T.ALWAYS_TODAY}
          checked={settings.asOfMode === "today"}
          onChange={(_, data) =>
            update({
              ...settings,
              asOfMode: data.checked ? "today" : "fixed",
              asOf: settings.asOf ?? today,
            })
          }
        />
      </div>
      <Button appearance={found ? "primary" : "secondary"} onClick={run} disabled={busy || !found}>
        {T.EVALUATE}
      </Button>
      <Caption1>{UNDO_NOTE}</Caption1>
      {stage === T.READING && (
        <ReadingProgress progress={reading} onCancel={() => reader.current?.abort()} />
      )}
      {busy && stage !== T.READING && (
        <Field validationMessage={T.inProgress(stage)} validationState="none">
          <ProgressBar aria-label={stage} />
        </Field>
      )}
      {problem && (
        <MessageBar intent="error" data-testid="problem">
          <MessageBarBody>
            <MessageBarTitle>{problem.title}</MessageBarTitle>
            {problem.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {stale.length > 0 && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>
            <MessageBarTitle>{T.STALE_TITLE}</MessageBarTitle>
            {T.staleNote(stale)}
          </MessageBarBody>
        </MessageBar>
      )}
      {evaluation && (
        <RunLine
          evaluation={evaluation}
          approver={settings.approver}
          onApprove={approve}
          busy={busy || approving || stale.length > 0}
        />
      )}
      {evaluation && (
        <Results
          evaluation={evaluation}
          onSelect={select}
          trendOf={(source) => trendOf.current(source)}
        />
      )}
    </main>
  );
}
