import { allowErrorInputs } from "../../src/functions/error-inputs";

describe("allowErrorInputs: the build step after custom-functions-metadata-plugin", () => {
  const generated = {
    allowCustomDataForDataTypeAny: true,
    functions: [
      {
        id: "WINDOW",
        name: "WINDOW",
        parameters: [
          { name: "dates", type: "number", dimensionality: "matrix" },
          { name: "values", dimensionality: "matrix" },
          { name: "start", type: "number" },
        ],
        result: { type: "number" },
      },
    ],
  };

  test("sets allowErrorForDataTypeAny at the top level and keeps what the generator wrote", () => {
    const metadata = allowErrorInputs(generated);
    expect(metadata).toMatchObject({
      allowCustomDataForDataTypeAny: true,
      allowErrorForDataTypeAny: true,
    });
    expect(metadata.functions[0]).toMatchObject({ id: "WINDOW", result: { type: "number" } });
  });

  test("types every range parameter any, so Excel passes its error cells; single values are left alone", () => {
    expect(allowErrorInputs(generated).functions[0].parameters).toEqual([
      { name: "dates", type: "any", dimensionality: "matrix" },
      { name: "values", type: "any", dimensionality: "matrix" },
      { name: "start", type: "number" },
    ]);
  });

  test("the generated metadata itself is not changed", () => {
    allowErrorInputs(generated);
    expect(generated.functions[0].parameters[0].type).toBe("number");
    expect("allowErrorForDataTypeAny" in generated).toBe(false);
  });
});
