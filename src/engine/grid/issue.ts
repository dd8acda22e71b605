/** A problem found in the data: collected, never thrown, and shown with its cell. */
export type Severity = "error" | "warning";

export interface Issue {
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
}

/** Collects issues in the order they are found. */
export class IssueLog {
  readonly issues: Issue[] = [];

  error(sheet: string, cell: string, message: string): void {
    this.issues.push({ severity: "error", sheet, cell, message });
  }

  warning(sheet: string, cell: string, message: string): void {
    this.issues.push({ severity: "warning", sheet, cell, message });
  }
}
