/** Types for office-addin.js (plain CommonJS, run by npm scripts without a build). */
export function plan(
  command: string,
  platform: string,
  extra?: string[]
): { refuse: string } | { tool: string; args: string[] };

export function failure(status: number | null, output: string): string | undefined;
