import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

const throughFaces = {
  regex: "(^|/)(engine|sheet)/",
  message:
    "Import from the engine's or the sheet's face (src/engine or src/sheet), not from a file inside it.",
};

export default [
  {
    ignores: [
      "dist/",
      "build/",
      "coverage/",
      "demo/",
      "test-results/",
      "node_modules/",
      "scratch/",
    ],
  },
  ...officeAddins.configs.react,
  {
    // The Office config lists .ts but not .tsx: give the pane's files the same parser and rules.
    ...officeAddins.configs.recommended[2],
    files: ["**/*.tsx"],
  },
  {
    files: ["**/*.{ts,tsx}"],
    // The Office config's parser import resolves to undefined with the current @typescript-eslint/parser.
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      // TypeScript checks names; ESLint's own rule does not know the DOM, Node or Office globals.
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { ecmaVersion: "latest", parser: tseslint.parser },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
  },
  {
    // exceljs code: the Office.js load/sync rules do not apply and misread its `cell.value`.
    files: ["src/cli/**", "test/cli/**", "test/support/xlsx.ts", "bench/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
  {
    // Adapters see the engine and the output room only through their faces (index.ts).
    files: [
      "src/cli/**",
      "src/excel/**",
      "src/functions/**",
      "src/taskpane/**",
      "src/commands/**",
      "bench/**",
      "scripts/**",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [throughFaces] }] },
  },
  {
    // The benchmark measures the product; it shares the in-memory Excel from tools/, never test code.
    files: ["bench/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            throughFaces,
            {
              regex: "(^|/)test/",
              message: "The benchmark imports no test code (tools/ is shared).",
            },
          ],
        },
      ],
    },
  },
  ...pureRooms(),
];

/**
 * The engine and the output room (src/sheet) are pure: grids in, records and layouts out; hosts are
 * adapters around them. The engine never imports the sheet room, and its wings import only downward:
 * grid → series → rules → runs, with evaluate.ts, single-target.ts and trend.ts on top.
 */
function pureRooms() {
  const hosts = [
    "react",
    "react-*",
    "@fluentui/*",
    "exceljs",
    "office-*",
    "@microsoft/*",
    "node:*",
    "fs",
    "path",
    "os",
    "child_process",
  ];
  const noSheet = {
    regex: "(^|/)sheet(/|$)",
    message:
      "The engine is below the output room: src/sheet imports the engine, never the reverse.",
  };
  // messages.ts is a leaf (it imports nothing): every wing may use the engine's one catalogue.
  const below = (wing, lower) => ({
    regex: `^\\.\\./(?!(${[...lower.map((w) => `${w}/`), "messages$"].join("|")}))`,
    message: `The engine's ${wing} wing imports only from ${[...lower, "messages.ts"].join(", ")} and itself.`,
  });
  const pure = {
    group: hosts,
    message: "src/engine and src/sheet are pure: no host, UI or Node module here.",
  };
  const imports = (...patterns) => ({
    "no-restricted-imports": ["error", { patterns: [pure, ...patterns] }],
  });
  return [
    {
      files: ["src/engine/**/*.ts", "src/sheet/**/*.ts"],
      rules: {
        ...imports(),
        "no-restricted-globals": [
          "error",
          "Office",
          "Excel",
          "OfficeRuntime",
          "CustomFunctions",
          "process",
          "require",
          "document",
          "window",
        ],
      },
    },
    { files: ["src/engine/*.ts"], rules: imports(noSheet) },
    {
      files: ["src/engine/messages.ts"],
      rules: imports(noSheet, {
        regex: "^\\.",
        message: "messages.ts is a leaf: it imports nothing.",
      }),
    },
    { files: ["src/engine/grid/**/*.ts"], rules: imports(noSheet, below("grid", [])) },
    { files: ["src/engine/series/**/*.ts"], rules: imports(noSheet, below("series", ["grid"])) },
    {
      files: ["src/engine/rules/**/*.ts"],
      rules: imports(noSheet, below("rules", ["grid", "series"])),
    },
    {
      files: ["src/engine/runs/**/*.ts"],
      rules: imports(noSheet, below("runs", ["grid", "series", "rules"])),
    },
  ];
}
