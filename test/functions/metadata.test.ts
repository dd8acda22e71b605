import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

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

describe("functions.json generated from the JSDoc", () => {
  let functions: FunctionMetadata[];

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(["src/functions/functions.ts"], true);
    expect(generated.errors).toEqual([]);
    functions = JSON.parse(generated.metadataJson).functions;
  });

  test("lists the nine KPI functions with their parameters, optional flags, types and dimensionality", () => {
    expect(functions.map(signature)).toEqual([
      "WINDOWEND(start:any, window:any) -> number",
      "WINDOW(dates[]:any, values[]:any, start:any, window:any, aggregate?:any) -> number",
      "CHANGE(dates[]:any, values[]:any, start:any, window:any, baseline?:any, aggregate?:any) -> number",
      "ATTAINMENT(dates[]:any, values[]:any, start:any, window:any, target:any, baseline?:any, aggregate?:any, targetType?:any) -> number",
      "STATUS(dates[]:any, values[]:any, start:any, window:any, target:any, baseline?:any, aggregate?:any, targetType?:any, asOf?:any) -> string",
      "PAYOUT(attainment:any, reward:any, threshold?:any, cap?:any) -> number",
      "EVALUATE(targets[]:any, observations[]:any, asOf?:any) -> any[][]",
      "TEAMS(targets[]:any, observations[]:any, asOf?:any) -> any[][]",
      "ELIGIBLE(team:any, targets[]:any, observations[]:any, asOf?:any) -> string",
    ]);
  });

  test("every function has help and every parameter a description a person can follow", () => {
    for (const f of functions) {
      expect(f.helpUrl).toBe("https://localhost:3000/help.html#formulas");
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
