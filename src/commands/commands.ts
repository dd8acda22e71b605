import { evaluateInExcel } from "../excel/run";
import { loadSettings } from "../excel/settings";
import { failureOutcome, successOutcome } from "./outcome";
import { StatusDialog } from "./status-dialog";
import { WAITING_FOR_EXCEL } from "./texts";

/**
 * The ribbon's "Evaluate KPIs": evaluates with the saved settings without opening the pane. A dialog shows
 * the stages at once and then the outcome; the command completes only when the user closes it, because
 * completing unloads this function file and with it the dialog it opened.
 */
export async function evaluateKpis(event: Office.AddinCommands.Event): Promise<void> {
  const dialog = await StatusDialog.open(`${window.location.origin}/outcome.html`, {
    kind: "running",
    stage: WAITING_FOR_EXCEL,
  });
  try {
    // delayForCellEdit: a ribbon click can come while the user is typing in a cell; without it the batch
    // fails with InvalidOperationInCellEditMode instead of waiting for the edit to end.
    const evaluation = await evaluateInExcel(
      loadSettings(),
      (stage) => dialog.show({ kind: "running", stage }),
      { delayForCellEdit: true }
    );
    dialog.show(successOutcome(evaluation));
  } catch (error) {
    dialog.show(failureOutcome(error));
  }
  await dialog.closed;
  event.completed();
}

Office.onReady(() => Office.actions.associate("evaluateKpis", evaluateKpis));
