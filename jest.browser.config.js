/** @type {import('jest').Config} */
module.exports = {
  ...require("./jest.config.js"),
  testPathIgnorePatterns: [],
  roots: ["<rootDir>/test/browser"],
  testTimeout: 180000,
  // One Chromium at a time: each file drives a browser and a server, and three of them at once
  // on a two-core machine starve each other until a click waits past its 30 s timeout.
  maxWorkers: 1,
};
