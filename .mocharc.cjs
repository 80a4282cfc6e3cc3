// Every unit test, or only the test files named on the command line (`npx mocha test/unit/cli.test.ts`): mocha
// would otherwise add the named files to the whole suite.
const named = process.argv.slice(2).some((arg) => /\.test\.[cm]?[jt]s$/.test(arg));
module.exports = {
  'node-option': ['import=tsx'],
  ...(named ? {} : { spec: ['test/unit/**/*.test.ts'] }),
  timeout: 20000,
  reporter: 'spec',
  file: ['test/unit/setup.ts'],
};
