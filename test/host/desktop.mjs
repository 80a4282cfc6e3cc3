// The same host suite in desktop VS Code, for contributors and hosted CI with network access:
// @vscode/test-electron downloads VS Code on first use (it cannot run on an offline machine like ours).
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Builds the extension and the test bundles without running the server-based hosts.
for (const args of [['scripts/build.mjs'], ['test/host/run.mjs', '--build-only']]) {
  if (spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
}
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'dist-test/host/node-tests.cjs'),
    launchArgs: [path.join(root, 'test/host/workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`desktop VS Code: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
