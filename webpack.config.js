const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, sources } = require("webpack");
const { ErrorInputsPlugin } = require("./src/functions/error-inputs");
const { renderHelpPage } = require("./scripts/help-page");
const { productionUrl } = require("./scripts/production-url");

const urlDev = "https://localhost:3000/";

async function getHttpsOptions() {
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** functions.json is generated from JSDoc with the dev host in its help links: point them at production. */
class ProductionUrlsPlugin {
  constructor(urlProd) {
    this.urlProd = urlProd;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ProductionUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ProductionUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS + 1 },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const json = asset.source.source().toString().split(urlDev).join(this.urlProd);
          compilation.updateAsset("functions.json", new sources.RawSource(json));
        }
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // Where the add-in is hosted in production (KPI_REWARDS_URL); the built manifest points there.
  const production = productionUrl(process.env.KPI_REWARDS_URL);
  if (!dev && "error" in production) {
    console.error(production.error);
    process.exit(2);
  }
  const urlProd = production.url;
  // The pages' CSP allows no connections; only `webpack serve` adds its live-reload socket (same origin).
  const devServerConnect = env.WEBPACK_SERVE ? "; connect-src 'self'" : "";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
      outcome: "./src/commands/outcome-page.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", noEmit: false, sourceMap: dev },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new ErrorInputsPlugin(),
      ...(dev ? [] : [new ProductionUrlsPlugin(urlProd)]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { devServerConnect },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { devServerConnect },
      }),
      new HtmlWebpackPlugin({
        filename: "outcome.html",
        template: "./src/commands/outcome.html",
        chunks: ["outcome"],
        templateParameters: { devServerConnect },
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
        templateParameters: { devServerConnect },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          { from: "src/commands/outcome.css", to: "outcome.css" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) =>
              dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd),
          },
          // The user guide is the help page (the manifest's Learn more, each function's help link).
          { from: "docs/guide.md", to: "help.html", transform: () => renderHelpPage(__dirname) },
          { from: "docs/help.css", to: "help.css" },
          { from: "docs/*.{png,svg,jpg,gif}", to: "docs/[name][ext]", noErrorOnMissing: true },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options:
          env.WEBPACK_BUILD || options.https !== undefined
            ? options.https
            : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
