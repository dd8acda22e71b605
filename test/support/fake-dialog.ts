/**
 * Office's dialog API as a function file sees it, with the rules Microsoft documents
 * (dialog-best-practices, dialog-handle-errors-events):
 * - a host page has one dialog at a time: another displayDialogAsync fails with 12007 until the first is
 *   fully closed, and Dialog.close() finishes later (it has no callback);
 * - messageChild (DialogApi 1.2) reaches the page only once the page has registered its handler;
 *   anything sent before is lost;
 * - the user's X raises DialogEventReceived with 12006.
 * The test plays the dialog page: `ready()`, `clickClose()`, `closeWithX()`.
 */

export const DIALOG_EVENTS = {
  DialogMessageReceived: "dialogMessageReceived",
  DialogEventReceived: "dialogEventReceived",
  DialogParentMessageReceived: "dialogParentMessageReceived",
};

type Handler = (arg: { message: string; origin: string | undefined } | { error: number }) => void;

export class FakeDialog {
  /** What the page received from its parent, in order, after it became ready. */
  readonly received: string[] = [];
  /** Messages the parent sent before the page was listening: lost, as in Office. */
  readonly lost: string[] = [];
  closed = false;
  private listening = false;
  private readonly handlers = new Map<string, Handler>();

  constructor(
    readonly url: string,
    readonly options: Record<string, unknown>,
    private readonly host: FakeDialogHost
  ) {}

  /** The `outcome` the page was opened with, parsed from its URL. */
  get opened(): unknown {
    return JSON.parse(new URL(this.url).searchParams.get("outcome") ?? "null");
  }

  /** What the page shows now: the last message it received, else what it was opened with. */
  get showing(): unknown {
    return this.received.length ? JSON.parse(this.received.at(-1)!) : this.opened;
  }

  addEventHandler(type: string, handler: Handler): void {
    this.handlers.set(type, handler);
  }

  messageChild(message: string): void {
    if (this.closed) throw new Error("messageChild on a closed dialog");
    if (!this.host.dialogApi12) throw new Error("messageChild needs DialogApi 1.2");
    (this.listening ? this.received : this.lost).push(message);
  }

  close(): void {
    this.closed = true;
    // Office finishes closing later; until then the host page still "has" a dialog.
    setTimeout(() => this.host.release(this), 5);
  }

  /** The page registered its parent-message handler and says so. */
  ready(): void {
    this.listening = true;
    this.toParent(JSON.stringify({ kind: "ready" }));
  }

  clickClose(): void {
    this.toParent(JSON.stringify({ kind: "close" }));
  }

  closeWithX(): void {
    this.closed = true;
    this.host.release(this);
    this.handlers.get(DIALOG_EVENTS.DialogEventReceived)?.({ error: 12006 });
  }

  private toParent(message: string): void {
    if (this.closed) return;
    this.handlers.get(DIALOG_EVENTS.DialogMessageReceived)?.({ message, origin: undefined });
  }
}

export class FakeDialogHost {
  readonly dialogs: FakeDialog[] = [];
  /** Every displayDialogAsync result, in order: "opened" or the error code. */
  readonly attempts: (number | "opened")[] = [];
  dialogApi12 = true;
  /** Set to 12009 to play a user who ignores Office on the web's "allow pop-up" prompt. */
  refuseWith: number | undefined;
  private open: FakeDialog | undefined;

  /** Replaces `Office.context.ui.displayDialogAsync` and the sets/events it relies on. */
  install(office: {
    EventType: Record<string, string>;
    context: {
      ui: Record<string, unknown>;
      requirements: { isSetSupported: (name: string, version?: string) => boolean };
    };
  }): void {
    Object.assign(office.EventType, DIALOG_EVENTS);
    office.context.requirements.isSetSupported = (name, version) =>
      name !== "DialogApi" || version !== "1.2" || this.dialogApi12;
    office.context.ui.displayDialogAsync = (
      url: string,
      options: Record<string, unknown>,
      callback: (result: unknown) => void
    ) => {
      const fail = (code: number) => {
        this.attempts.push(code);
        callback({ status: "failed", error: { code, message: `dialog error ${code}` } });
      };
      if (this.refuseWith !== undefined) return fail(this.refuseWith);
      if (this.open) return fail(12007);
      const dialog = new FakeDialog(url, options, this);
      this.open = dialog;
      this.dialogs.push(dialog);
      this.attempts.push("opened");
      callback({ status: "succeeded", value: dialog });
    };
  }

  release(dialog: FakeDialog): void {
    if (this.open === dialog) this.open = undefined;
  }

  get current(): FakeDialog {
    const last = this.dialogs.at(-1);
    if (!last) throw new Error("no dialog was opened");
    return last;
  }
}
