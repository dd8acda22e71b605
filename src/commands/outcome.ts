/** Fills the outcome dialog from its query string: text only, never markup. */
const query = new URLSearchParams(window.location.search);
document.getElementById("title")!.textContent = query.get("title") ?? "KPI Rewards";
document.getElementById("message")!.textContent = query.get("message") ?? "";
