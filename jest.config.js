/** Unit, integration and browser tests; benchmarks live in bench/ and never run here. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // marked is ESM-only to Jest (Node itself loads it with require); its UMD build is the same code.
  moduleNameMapper: { "^marked$": "<rootDir>/node_modules/marked/lib/marked.umd.js" },
  testTimeout: 30000,
};
