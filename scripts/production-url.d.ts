/** Types for production-url.js (plain CommonJS, required by webpack.config.js). */
export function productionUrl(value: string | undefined): { url: string } | { error: string };
