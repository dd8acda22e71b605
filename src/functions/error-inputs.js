const { Compilation, sources } = require("webpack");

/**
 * Excel calls a custom function whose input range holds an error (#N/A in a KPI column is common) only
 * when functions.json sets the top-level `allowErrorForDataTypeAny` and the parameter's type is `any`
 * (custom-functions-metadata generates neither switch). The functions then skip and report such cells.
 */
function allowErrorInputs(metadata) {
  const { functions, ...rest } = metadata;
  return {
    ...rest,
    allowErrorForDataTypeAny: true,
    functions: functions.map((f) => ({
      ...f,
      parameters: f.parameters.map((p) =>
        p.dimensionality === "matrix" ? { ...p, type: "any" } : p
      ),
    })),
  };
}

/** Rewrites the functions.json that custom-functions-metadata-plugin emits with `allowErrorInputs`. */
class ErrorInputsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ErrorInputsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ErrorInputsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const metadata = JSON.parse(asset.source.source().toString());
          const json = JSON.stringify(allowErrorInputs(metadata), null, 2);
          compilation.updateAsset("functions.json", new sources.RawSource(json));
        }
      );
    });
  }
}

module.exports = { allowErrorInputs, ErrorInputsPlugin };
