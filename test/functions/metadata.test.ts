import { existsSync, readFileSync } from "fs";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { allowErrorInputs } from "../../src/functions/error-inputs";

interface Parameter {
  name: string;
  type: string;
  optional?: boolean;
  dimensionality?: string;
}

interface FunctionMetadata {
  id: string;
  name: string;
  helpUrl: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

/** `name`, `name?` for optional, `name[]` for a range. */
function signature(f: FunctionMetadata): string {
  const params = f.parameters.map(
    (p) => `${p.name}${p.dimensionality === "matrix" ? "[]" : ""}${p.optional ? "?" : ""}:${p.type}`
  );
  return `${f.id}(${params.join(", ")}) -> ${f.result.type ?? "any"}${f.result.dimensionality === "matrix" ? "[][]" : ""}`;
}

interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

describe("functions.json generated from the JSDoc, then let through error cells", () => {
  let metadata: Metadata;
  let functions: FunctionMetadata[];

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(["src/functions/functions.ts"], true);
    expect(generated.errors).toEqual([]);
    // The build step after custom-functions-metadata-plugin (webpack.config.js).
    metadata = allowErrorInputs(JSON.parse(generated.metadataJson) as Metadata);
    functions = metadata.functions;
  });

  test("allowErrorForDataTypeAny is set at the top level, where Excel reads it", () => {
    // The generator already allows data types (rich values arrive as their JSON, see arguments.ts).
    expect(Object.keys(metadata)).toEqual([
      "allowCustomDataForDataTypeAny",
      "allowErrorForDataTypeAny",
      "functions",
    ]);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });

  test("every data-range parameter is typed any, so an error cell in it reaches the function", () => {
    const ranges = functions.flatMap((f) =>
      f.parameters
        .filter((p) => p.dimensionality === "matrix")
        .map((p) => `${f.id}.${p.name}:${p.type}`)
    );
    expect(ranges).toEqual([
      "WINDOW.dates:any",
      "WINDOW.values:any",
      "CHANGE.dates:any",
      "CHANGE.values:any",
      "ATTAINMENT.dates:any",
      "ATTAINMENT.values:any",
      "STATUS.dates:any",
      "STATUS.values:any",
      "PACE.dates:any",
      "PACE.values:any",
      "PAYCURVE.curve:any",
      "EVALUATE.targets:any",
      "EVALUATE.observations:any",
      "TEAMS.targets:any",
      "TEAMS.observations:any",
      "ELIGIBLE.targets:any",
      "ELIGIBLE.observations:any",
    ]);
  });

  test("the build's dist/functions.json is that same metadata (production help links aside)", () => {
    const built = path.join(__dirname, "..", "..", "dist", "functions.json");
    // npm test builds before Jest runs; a bare `npx jest` without a build has nothing to compare.
    expect(existsSync(built)).toBe(true);
    const expected = JSON.stringify(metadata).split("https://localhost:3000/").join("");
    const actual = JSON.stringify(JSON.parse(readFileSync(built, "utf8"))).replace(
      /https:\/\/[^"]*?\/(help\.html)/g,
      "$1"
    );
    expect(actual).toBe(expected);
  });

  test("lists the eleven KPI functions with their parameters, optional flags, types and dimensionality", () => {
    expect(functions.map(signature)).toEqual([
      "WINDOWEND(start:any, window:any) -> number",
      "WINDOW(dates[]:any, values[]:any, start:any, window:any, aggregate?:any) -> number",
      "CHANGE(dates[]:any, values[]:any, start:any, window:any, baseline?:any, aggregate?:any) -> number",
      "ATTAINMENT(dates[]:any, values[]:any, start:any, window:any, target:any, baseline?:any, aggregate?:any, targetType?:any) -> number",
      "STATUS(dates[]:any, values[]:any, start:any, window:any, target:any, baseline?:any, aggregate?:any, targetType?:any, asOf?:any) -> string",
      "PAYOUT(attainment:any, reward:any, threshold?:any, cap?:any) -> number",
      "PACE(dates[]:any, values[]:any, start:any, window:any, target:any, baseline?:any, aggregate?:any, targetType?:any, asOf?:any) -> string",
      "PAYCURVE(attainment:any, reward:any, curve[]:any) -> number",
      "EVALUATE(targets[]:any, observations[]:any, asOf?:any) -> any[][]",
      "TEAMS(targets[]:any, observations[]:any, asOf?:any) -> any[][]",
      "ELIGIBLE(team:any, targets[]:any, observations[]:any, asOf?:any) -> string",
    ]);
  });

  test("every function has help and every parameter a description a person can follow", () => {
    for (const f of functions) {
      // Each function's help opens its own section of the guide (docs/guide.md, built into help.html).
      expect(f.helpUrl).toBe(`https://localhost:3000/help.html#kpi${f.id.toLowerCase()}`);
      for (const p of f.parameters as (Parameter & { description?: string })[])
        expect(p.description?.length ?? 0).toBeGreaterThan(15);
    }
  });

  test("no function is volatile or streaming", () => {
    for (const f of functions as (FunctionMetadata & {
      options?: { volatile?: boolean; stream?: boolean };
    })[]) {
      expect(f.options?.volatile ?? false).toBe(false);
      expect(f.options?.stream ?? false).toBe(false);
    }
  });
});
