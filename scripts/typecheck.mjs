// `npm run typecheck`: each source folder on its own, with only the platform it runs on (src/core and src/shared:
// no DOM, no Node, no vscode; src/extension: vscode and a web worker's globals; src/cli: Node; webview: the DOM),
// then the whole tree with the tests, benches and scripts (tsconfig.json). Stops at the first that fails.
import { spawnSync } from 'node:child_process';

const projects = ['src/core', 'src/shared', 'src/extension', 'src/cli', 'webview', '.'];
for (const project of projects) {
  console.log(`tsc -p ${project}`);
  const { status } = spawnSync('npx', ['tsc', '--noEmit', '-p', project], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
