import { targetsSentence } from "../sheet";
import { parseOutcome, type DialogRequest, type Outcome } from "./outcome";
import * as T from "./texts";

function element(id: string): HTMLElement {
  return document.getElementById(id)!;
}

function line(text: string): HTMLLIElement {
  const item = document.createElement("li");
  item.textContent = text;
  return item;
}

/** Fills the dialog with an outcome: text only, never markup, whatever the message holds. */
export function render(outcome: Outcome): void {
  const root = element("outcome");
  root.dataset.outcome = outcome.kind;
  element("progress").hidden = outcome.kind !== "running";
  element("close").hidden = outcome.kind === "running";
  element("hint").textContent = outcome.kind === "running" ? "" : T.PANE_HINT;
  const counts = element("counts");
  counts.replaceChildren();
  counts.hidden = outcome.kind !== "success";
  // Failures interrupt assistive technology; progress and success are announced politely.
  element("message").setAttribute("role", outcome.kind === "failure" ? "alert" : "status");
  switch (outcome.kind) {
    case "running":
      element("title").textContent = T.EVALUATING;
      element("message").textContent = outcome.stage;
      break;
    case "success":
      element("title").textContent = T.UPDATED;
      element("message").textContent = T.updatedMessage(outcome.asOf, outcome.totalReward);
      if (outcome.run) counts.append(line(outcome.run));
      counts.append(
        line(targetsSentence(outcome)),
        line(T.teamsEligible(outcome.eligible, outcome.teams)),
        line(T.issueCount(outcome.issues))
      );
      break;
    case "failure":
      element("title").textContent = T.NOT_EVALUATED;
      element("message").textContent = outcome.message;
      break;
  }
}

function send(request: DialogRequest): void {
  Office.context.ui.messageParent(JSON.stringify(request));
}

render(
  parseOutcome(new URLSearchParams(window.location.search).get("outcome")) ?? {
    kind: "running",
    stage: T.STARTING,
  }
);

Office.onReady(() => {
  element("close").addEventListener("click", () => send({ kind: "close" }));
  // Without DialogApi 1.2 the function file reopens the dialog with the outcome in its URL instead.
  if (
    !Office.context.requirements.isSetSupported("DialogApi", "1.2") ||
    typeof Office.context.ui.addHandlerAsync !== "function"
  )
    return;
  Office.context.ui.addHandlerAsync(
    Office.EventType.DialogParentMessageReceived,
    (arg: Office.DialogParentMessageReceivedEventArgs) => {
      const outcome = parseOutcome(arg.message);
      if (outcome) render(outcome);
    },
    () => send({ kind: "ready" })
  );
});
