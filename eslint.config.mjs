import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

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
    // The engine is pure: grids in, records out. Hosts are adapters around it.
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
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
          ],
        },
      ],
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
];
