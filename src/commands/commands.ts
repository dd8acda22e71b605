import { statusCounts } from "../engine";
import { evaluateInExcel } from "../excel/run";
import { loadSettings } from "../excel/settings";

/** Shows the outcome of a ribbon evaluation in a small dialog, since a command has no pane of its own. */
function tell(title: string, message: string): Promise<void> {
  const url = `${window.location.origin}/outcome.html?title=${encodeURIComponent(title)}&message=${encodeURIComponent(message)}`;
  return new Promise((resolve) =>
    Office.context.ui.displayDialogAsync(url, { height: 25, width: 30 }, () => resolve())
  );
}

/** The ribbon's "Evaluate KPIs": evaluates with the saved settings without opening the pane. */
export async function evaluateKpis(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const evaluation = await evaluateInExcel(loadSettings());
    const counts = statusCounts(evaluation);
    const eligible = evaluation.teams.filter((t) => t.eligible === "Yes").length;
    await tell(
      "KPI Rewards updated",
      `${evaluation.results.length} targets: ${counts.Met} met, ${counts.Missed} missed, ${counts.Pending} pending, ${counts.review} to review. ` +
        `${eligible} of ${evaluation.teams.length} teams eligible; ${evaluation.issues.length} issues. See the KPI Rewards sheet.`
    );
  } catch (error) {
    await tell(
      "KPI Rewards could not evaluate",
      error instanceof Error ? error.message : String(error)
    );
  } finally {
    event.completed();
  }
}

Office.onReady(() => Office.actions.associate("evaluateKpis", evaluateKpis));
