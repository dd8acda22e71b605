import { sampleWorkbook } from "../../src/sheet";
import { evaluateInExcel } from "../../src/excel/run";
import { FakeDialogHost } from "../support/fake-dialog";
import { installFakeOffice, sheetValues, WorkbookState, type Value } from "../../tools/fake-excel";

type Command = (event: Office.AddinCommands.Event) => Promise<void>;

const WAITING = {
  kind: "running",
  stage: "Waiting for Excel (it starts once you leave the cell you are editing)",
};

const SAMPLE_OUTCOME = {
  kind: "success",
  asOf: "30 Sep 2024",
  targets: 9,
  met: 2,
  missed: 2,
  pending: 2,
  review: 3,
  teams: 5,
  eligible: 0,
  issues: 3,
  totalReward: "14,893.68",
  run: "Run 1",
};

function setup(): {
  state: WorkbookState;
  host: FakeDialogHost;
  command: Command;
  run: () => { completed: () => number; done: Promise<void> };
} {
  const state = new WorkbookState();
  installFakeOffice(state);
  const office = (globalThis as unknown as { Office: Parameters<FakeDialogHost["install"]>[0] })
    .Office as unknown as Parameters<FakeDialogHost["install"]>[0] & {
    actions: { associate: (name: string, f: Command) => void };
  };
  const host = new FakeDialogHost();
  host.install(office);
  let command: Command | undefined;
  office.actions.associate = (name, f) => {
    if (name === "evaluateKpis") command = f;
  };
  (globalThis as unknown as { window: unknown }).window = {
    location: { origin: "https://localhost:3000" },
  };
  jest.isolateModules(() => require("../../src/commands/commands"));
  const run = () => {
    let completed = 0;
    const done = command!({
      completed: () => completed++,
    } as unknown as Office.AddinCommands.Event);
    return { completed: () => completed, done };
  };
  return { state, host, command: command!, run };
}

function addSample(state: WorkbookState): void {
  for (const sheet of sampleWorkbook())
    state.addSheet(
      sheet.name,
      sheet.values.map(
        (row) =>
          row.map((v) =>
            v === null || v === undefined || typeof v === "object" ? "" : v
          ) as Value[]
      )
    );
  state.settings.set("kpiRewards", { asOfMode: "fixed", asOf: "2024-09-30" });
}

/** Lets queued promise callbacks and short timers run. */
const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds (the run and Office's retries take real time), at most 5 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 5000) throw new Error("condition never held");
    await settle(20);
  }
}

describe("the ribbon's Evaluate KPIs", () => {
  test("opens its dialog before touching the workbook, follows the stages, then shows counts and total reward", async () => {
    const { state, host, run } = setup();
    addSample(state);
    const { done, completed } = run();
    const dialog = host.current;
    expect(dialog.url).toBe(
      `https://localhost:3000/outcome.html?outcome=${encodeURIComponent(JSON.stringify(WAITING))}`
    );
    expect(dialog.options).toEqual({ height: 42, width: 32, displayInIframe: true });
    dialog.ready();
    await settle();
    expect(dialog.received.map((m) => JSON.parse(m))).toEqual([
      WAITING,
      { kind: "running", stage: "Reading the workbook" },
      { kind: "running", stage: "Evaluating targets" },
      { kind: "running", stage: "Writing the KPI Rewards sheet" },
      SAMPLE_OUTCOME,
    ]);
    expect(sheetValues(state, "KPI Rewards")[1][0]).toMatch(/^As of 30 Sep 2024 · evaluated /);
    expect(completed()).toBe(0);
    dialog.closeWithX();
    await done;
    expect(completed()).toBe(1);
  });

  test("a click on data already evaluated says which run it repeats and records nothing new", async () => {
    const { state, host, run } = setup();
    addSample(state);
    await evaluateInExcel({ asOfMode: "fixed", asOf: "2024-09-30" } as never);
    const history = sheetValues(state, "KPI History");
    const { done } = run();
    host.current.ready();
    await settle();
    expect(host.current.showing).toEqual({
      ...SAMPLE_OUTCOME,
      run: "Same inputs as run 1 (nothing new recorded)",
    });
    expect(sheetValues(state, "KPI History")).toEqual(history);
    host.current.clickClose();
    await done;
  });

  test("completes only when the user closes the outcome with its Close button, and closes the dialog", async () => {
    const { state, host, run } = setup();
    addSample(state);
    const { done, completed } = run();
    host.current.ready();
    await settle();
    expect(completed()).toBe(0);
    host.current.clickClose();
    await done;
    expect(completed()).toBe(1);
    expect(host.current.closed).toBe(true);
  });

  test("a page that gets ready after the run ended still receives the outcome, not a lost message", async () => {
    const { state, host, run } = setup();
    addSample(state);
    const { done } = run();
    await settle();
    expect(host.current.received).toEqual([]);
    host.current.ready();
    expect(host.current.showing).toEqual(SAMPLE_OUTCOME);
    host.current.closeWithX();
    await done;
  });

  test("a workbook without targets ends in a failure outcome that says what to add; nothing is written", async () => {
    const { state, host, run } = setup();
    state.addSheet("Sheet1", [["hello"]]);
    const { done, completed } = run();
    host.current.ready();
    await settle();
    expect(host.current.showing).toEqual({
      kind: "failure",
      message:
        "No Targets table was found: add a table with a header row of Project, KPI, Start, Window (or End) and Target.",
    });
    expect(state.sheet("KPI Rewards")).toBeUndefined();
    host.current.closeWithX();
    await done;
    expect(completed()).toBe(1);
  });

  test("while the user is typing in a cell, the run waits for the edit to end instead of failing", async () => {
    const { state, host, run } = setup();
    addSample(state);
    const leaveCell = state.editCell();
    const { done } = run();
    host.current.ready();
    await settle(20);
    expect(host.current.showing).toEqual({ kind: "running", stage: "Reading the workbook" });
    expect(state.sheet("KPI Rewards")).toBeUndefined();
    leaveCell();
    await settle();
    expect(host.current.showing).toEqual(SAMPLE_OUTCOME);
    expect(state.sheet("KPI Rewards")).toBeDefined();
    host.current.clickClose();
    await done;
  });

  test("without delayForCellEdit the same run fails during cell edit, which is why the ribbon asks for it", async () => {
    const state = new WorkbookState();
    installFakeOffice(state);
    addSample(state);
    state.editCell();
    await expect(
      evaluateInExcel({ asOfMode: "fixed", asOf: "2024-09-30" } as never)
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });

  test("on hosts without DialogApi 1.2 the outcome reopens the dialog once the running one has closed", async () => {
    const { state, host, run } = setup();
    host.dialogApi12 = false;
    addSample(state);
    const { done } = run();
    const running = host.current;
    await until(() => host.dialogs.length === 2);
    expect(running.closed).toBe(true);
    expect(running.received).toEqual([]);
    expect(host.dialogs).toHaveLength(2);
    expect(host.attempts[0]).toBe("opened");
    expect(host.attempts.at(-1)).toBe("opened");
    expect(host.attempts.slice(1, -1).every((a) => a === 12007)).toBe(true);
    expect(host.current.opened).toEqual(SAMPLE_OUTCOME);
    host.current.clickClose();
    await done;
  });

  test("when Office refuses the dialog (pop-up not allowed) the run still writes the sheet and completes", async () => {
    const { state, host, run } = setup();
    host.refuseWith = 12009;
    addSample(state);
    const { done, completed } = run();
    await done;
    expect(host.attempts).toEqual([12009]);
    expect(completed()).toBe(1);
    expect(sheetValues(state, "KPI Rewards")[0][0]).toBe("KPI Rewards");
  });
});
