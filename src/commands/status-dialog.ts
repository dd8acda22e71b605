import type { DialogRequest, Outcome } from "./outcome";

/** Office's code for "this host page already has a dialog open" (the previous one still closing). */
const DIALOG_ALREADY_OPEN = 12007;
const SIZE = { height: 42, width: 32, displayInIframe: true };

function request(message: string): DialogRequest | undefined {
  try {
    const value = JSON.parse(message) as { kind?: unknown };
    return value.kind === "ready" || value.kind === "close" ? (value as DialogRequest) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The ribbon's one dialog: a function command has no UI of its own, and the dialog is the only surface it
 * may show. It opens at once with "running", follows the run's stages, then shows the outcome, and is
 * `closed` when the user closes it (its Close button or the dialog's X).
 *
 * Updates go through `messageChild` (DialogApi 1.2) once the page says it is ready, since a message sent
 * before its handler is registered is lost. Hosts without DialogApi 1.2 cannot update an open dialog, so
 * there the outcome replaces the running dialog by reopening it with the outcome in its URL.
 */
export class StatusDialog {
  readonly closed: Promise<void>;
  private dialog: Office.Dialog | undefined;
  private ready = false;
  private isClosed = false;
  private latest: Outcome;
  private markClosed!: () => void;

  private constructor(
    private readonly page: string,
    first: Outcome
  ) {
    this.latest = first;
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
  }

  /** Opens the dialog showing `first`. If Office refuses (a blocked pop-up), the run goes on unseen. */
  static async open(page: string, first: Outcome): Promise<StatusDialog> {
    const status = new StatusDialog(page, first);
    await status.display(first, 0);
    return status;
  }

  /** Shows the run's stage or its outcome; a no-op once the user has closed the dialog. */
  show(outcome: Outcome): void {
    this.latest = outcome;
    if (this.isClosed || !this.dialog) return;
    if (Office.context.requirements.isSetSupported("DialogApi", "1.2")) {
      if (this.ready) this.dialog.messageChild(JSON.stringify(outcome));
    } else if (outcome.kind !== "running") {
      const previous = this.dialog;
      this.dialog = undefined;
      previous.close();
      void this.display(outcome, 0);
    }
  }

  private url(outcome: Outcome): string {
    return `${this.page}?outcome=${encodeURIComponent(JSON.stringify(outcome))}`;
  }

  private display(outcome: Outcome, attempt: number): Promise<void> {
    return new Promise((resolve) =>
      Office.context.ui.displayDialogAsync(this.url(outcome), SIZE, (result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) {
          this.attach(result.value);
          resolve();
        } else if (result.error.code === DIALOG_ALREADY_OPEN && attempt < 20) {
          // Dialog.close() has no callback: retry until Office has finished closing the last one.
          setTimeout(() => void this.display(outcome, attempt + 1).then(resolve), 250);
        } else {
          this.close();
          resolve();
        }
      })
    );
  }

  private attach(dialog: Office.Dialog): void {
    this.dialog = dialog;
    this.ready = false;
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
      const message = "message" in arg ? request(arg.message) : undefined;
      if (message?.kind === "ready") {
        this.ready = true;
        this.show(this.latest);
      } else if (message?.kind === "close" && this.dialog === dialog) {
        dialog.close();
        this.close();
      }
    });
    // 12006: the user closed it with the X; any other event also means it is gone.
    dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
      if (this.dialog === dialog) this.close();
    });
  }

  private close(): void {
    this.isClosed = true;
    this.dialog = undefined;
    this.markClosed();
  }
}
