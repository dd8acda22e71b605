/** Types for help-page.js (plain CommonJS, required by webpack.config.js). */
export const GUIDE: string;
export function slug(text: string): string;
export function slugger(): (text: string) => string;
export function linksAndAnchors(markdown: string): {
  links: { kind: "link" | "image" | "html"; href: string }[];
  anchors: Set<string>;
};
export function renderHelpPage(root: string): string;
