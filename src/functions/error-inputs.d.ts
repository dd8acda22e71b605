import type { Compiler } from "webpack";

/** functions.json with error cells let through to the data-range parameters. */
export function allowErrorInputs<T extends { functions: { parameters: object[] }[] }>(
  metadata: T
): T;

export class ErrorInputsPlugin {
  apply(compiler: Compiler): void;
}
