// Test entry for the web worker extension host: one bundle, mocha's browser build, only `vscode` external.
import 'mocha/mocha.js';

interface BrowserMocha {
  setup(options: Mocha.MochaOptions): void;
  run(done: (failures: number) => void): void;
}

function run(): Promise<void> {
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  require('./walkthrough-suite');
  require('./suite');
  require('./genogram-suite');
  require('./genogram-editing-suite');
  require('./viewpoint-suite');
  require('./exercise-suite');
  require('./share-suite');
  require('./responsive-suite');
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve())));
}

// mocha.js's UMD header overwrites module.exports when bundled, so ours is set last.
module.exports = { run };
