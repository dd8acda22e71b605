/** Types for test-tools.js (plain CommonJS so that shell scripts can run it before `npm ci`). */
export type TestTool = "chromium" | "libreoffice" | "pdftotext";

export type ToolLocation =
  { found: true; path: string; from: string } | { found: false; message: string };

export function locate(
  name: TestTool,
  context?: {
    env?: Record<string, string | undefined>;
    platform?: string;
    exists?: (file: string) => boolean;
  }
): ToolLocation;

export function missingMessage(name: TestTool, platform: string): string;
