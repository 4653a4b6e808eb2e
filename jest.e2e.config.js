/**
 * End-to-end suite (`npm run test:e2e`): real browser (Debian's chromium via
 * playwright-core) on the built task pane, LibreOffice on the .xlsx. Slow:
 * long timeouts, one test file at a time (the script passes --runInBand).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleFileExtensions: ["ts", "js", "json"],
  testTimeout: 180000,
  maxWorkers: 1,
};
