/**
 * KPI_REWARDS_URL, the host the production build points the manifest and the help links at, as a base URL
 * the build can append file names to: https only (Office loads add-ins over HTTPS), a trailing slash
 * added, no query or fragment. A value that is not such a URL stops the build with a message rather
 * than building a manifest of broken links.
 */
const { URL } = require("url");

const fallback = "https://kpi-rewards.example.com/";

/**
 * @param {string | undefined} value
 * @returns {{ url: string } | { error: string }}
 */
function productionUrl(value) {
  const text = (value ?? "").trim();
  if (!text) return { url: fallback };
  let url;
  try {
    url = new URL(text);
  } catch {
    return {
      error: `KPI_REWARDS_URL is not a URL: "${text}". Give the add-in's HTTPS address, e.g. https://addins.example.com/kpi-rewards/`,
    };
  }
  if (url.protocol !== "https:")
    return {
      error: `KPI_REWARDS_URL must start with https:// (Office loads add-ins only over HTTPS): "${text}"`,
    };
  if (url.search || url.hash)
    return {
      error: `KPI_REWARDS_URL must not have a query or a #fragment (file names are appended to it): "${text}"`,
    };
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return { url: url.href };
}

module.exports = { productionUrl };
