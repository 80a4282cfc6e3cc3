// Test entry for the Node extension host: VS Code loads this bundle and awaits run().
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
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
