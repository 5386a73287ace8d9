/** @type {import('jest').Config} */
module.exports = {
  ...require("./jest.config.js"),
  testPathIgnorePatterns: [],
  roots: ["<rootDir>/test/browser"],
  testTimeout: 180000,
};
