// webpack.config.js is the build's CommonJS entry; these tests call it as webpack-cli does.
const makeConfig = require("../webpack.config.js") as (
  env: Record<string, unknown>,
  options: { mode: string }
) => Promise<{ plugins: unknown[] }>;

type CopyPattern = { from: string; transform?: (content: Buffer) => string | Buffer };

async function manifestAsBuilt(url: string | undefined, mode = "production"): Promise<string> {
  const saved = process.env.KPI_REWARDS_URL;
  if (url === undefined) delete process.env.KPI_REWARDS_URL;
  else process.env.KPI_REWARDS_URL = url;
  try {
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode });
    const copy = config.plugins.find((p) => p?.constructor?.name === "CopyPlugin") as {
      patterns: CopyPattern[];
    };
    const manifest = copy.patterns.find((p) => p.from === "manifest*.xml") as CopyPattern;
    return String(
      manifest.transform!(
        Buffer.from('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>')
      )
    );
  } finally {
    if (saved === undefined) delete process.env.KPI_REWARDS_URL;
    else process.env.KPI_REWARDS_URL = saved;
  }
}

describe("webpack.config.js: the production host", () => {
  test("KPI_REWARDS_URL without a trailing slash still gives whole file URLs in the manifest", async () => {
    expect(await manifestAsBuilt("https://addins.contoso.com/kpi")).toBe(
      '<SourceLocation DefaultValue="https://addins.contoso.com/kpi/taskpane.html"/>'
    );
  });

  test("a development build keeps localhost whatever KPI_REWARDS_URL says", async () => {
    expect(await manifestAsBuilt("not a url", "development")).toBe(
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>'
    );
  });

  test("an invalid KPI_REWARDS_URL stops a production build with the message, exit status 2", async () => {
    const exit = jest.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await expect(manifestAsBuilt("http://addins.contoso.com")).rejects.toThrow("exit 2");
      expect(error).toHaveBeenCalledWith(
        'KPI_REWARDS_URL must start with https:// (Office loads add-ins only over HTTPS): "http://addins.contoso.com"'
      );
    } finally {
      exit.mockRestore();
      error.mockRestore();
    }
  });
});
