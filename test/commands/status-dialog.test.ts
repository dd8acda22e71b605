import { StatusDialog } from "../../src/commands/status-dialog";
import { FakeDialogHost } from "../support/fake-dialog";
import { installFakeOffice, WorkbookState } from "../../tools/fake-excel";

const PAGE = "https://localhost:3000/outcome.html";
const running = (stage: string) => ({ kind: "running", stage }) as const;
const failure = { kind: "failure", message: "Excel stopped." } as const;

function host(): FakeDialogHost {
  installFakeOffice(new WorkbookState());
  const fake = new FakeDialogHost();
  fake.install(
    (globalThis as unknown as { Office: Parameters<FakeDialogHost["install"]>[0] }).Office
  );
  return fake;
}

describe("the ribbon's status dialog", () => {
  test("stages shown before the page listens are not lost: the page gets the latest once it says ready", async () => {
    const dialogs = host();
    const status = await StatusDialog.open(PAGE, running("Waiting for Excel"));
    status.show(running("Reading the workbook"));
    status.show(running("Evaluating targets"));
    expect(dialogs.current.lost).toEqual([]);
    dialogs.current.ready();
    expect(dialogs.current.received.map((m) => JSON.parse(m))).toEqual([
      running("Evaluating targets"),
    ]);
    status.show(failure);
    expect(dialogs.current.showing).toEqual(failure);
  });

  test("the X closes it: `closed` settles and later updates are dropped instead of throwing", async () => {
    const dialogs = host();
    const status = await StatusDialog.open(PAGE, running("Waiting for Excel"));
    dialogs.current.ready();
    dialogs.current.closeWithX();
    await status.closed;
    expect(() => status.show(failure)).not.toThrow();
    expect(dialogs.dialogs).toHaveLength(1);
  });

  test("without DialogApi 1.2 stages stay as opened and only the outcome reopens it, with the outcome in its URL", async () => {
    const dialogs = host();
    dialogs.dialogApi12 = false;
    const status = await StatusDialog.open(PAGE, running("Waiting for Excel"));
    status.show(running("Reading the workbook"));
    expect(dialogs.dialogs).toHaveLength(1);
    expect(dialogs.current.closed).toBe(false);
    status.show(failure);
    for (let i = 0; i < 100 && dialogs.dialogs.length < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dialogs.dialogs[0].closed).toBe(true);
    expect(dialogs.current.url).toBe(
      `${PAGE}?outcome=${encodeURIComponent(JSON.stringify(failure))}`
    );
    // A late event from the first dialog does not count as the user closing the second.
    dialogs.dialogs[0].closeWithX();
    let settled = false;
    void status.closed.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    dialogs.current.clickClose();
    await status.closed;
    expect(dialogs.current.closed).toBe(true);
  });

  test("a refused dialog counts as closed at once, so the command never hangs", async () => {
    const dialogs = host();
    dialogs.refuseWith = 12009;
    const status = await StatusDialog.open(PAGE, running("Waiting for Excel"));
    await status.closed;
    status.show(failure);
    expect(dialogs.attempts).toEqual([12009]);
  });
});
