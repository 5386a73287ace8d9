// Unit, integration and end-to-end tests. Browser tests have their own config
// (jest.browser.config.js) because they need Chromium from apt.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/test/browser/"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: { "^adaptivecards$": "<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js" },
  setupFiles: ["<rootDir>/test/setup-env.ts"],
  testTimeout: 60000,
};
