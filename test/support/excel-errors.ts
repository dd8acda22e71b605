/**
 * Error cells in the forms Excel passes them to a custom function whose parameter is `any` when
 * functions.json sets `allowErrorForDataTypeAny` (as read in office.js's custom-functions-runtime):
 * Excel sends `{ type: "CustomFunctionError", code }`, and the runtime hands the function a
 * `CustomFunctions.Error` whose `code` and `basicValue` are the error text and whose `type` and
 * `basicType` are "Error". With data types enabled, the value is the data-types JSON instead.
 */
export type ErrorCode = "#N/A" | "#VALUE!" | "#DIV/0!" | "#NUM!" | "#NULL!" | "#NAME?" | "#REF!";

/** What the function receives: the runtime's CustomFunctions.Error for an error cell. */
export function runtimeError(code: ErrorCode): Error & { code: ErrorCode; basicValue: ErrorCode } {
  return Object.assign(new Error(""), {
    code,
    type: "Error",
    basicType: "Error",
    basicValue: code,
    errorSubType: undefined,
  });
}

/** What Excel sends before the runtime converts it. */
export function wireError(code: ErrorCode): { type: string; code: string } {
  return { type: "CustomFunctionError", code };
}

/** The data-types form of an error value (Excel.ErrorCellValue). */
export function errorCellValue(code: ErrorCode, errorType: string): Record<string, string> {
  return { type: "Error", basicType: "Error", basicValue: code, errorType };
}
