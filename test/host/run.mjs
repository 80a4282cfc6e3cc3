// Runs the host suite in a real VS Code: the Node extension host, then the web worker host (one after the other:
// two at once starve this 2-core machine). Screenshots land in test-artifacts/.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'dist-test/host');
const common = { bundle: true, format: 'cjs', target: 'es2022', external: ['vscode'], logLevel: 'warning', sourcemap: 'inline' };
await build({ ...common, entryPoints: [path.join(root, 'test/host/node-entry.ts')], outfile: path.join(out, 'node-tests.cjs'), platform: 'node', external: ['vscode', 'mocha'] });
await build({ ...common, entryPoints: [path.join(root, 'test/host/web-entry.ts')], outfile: path.join(out, 'web-tests.cjs'), platform: 'browser', conditions: ['worker'] });

const hosts = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['node', 'web'];
const artifacts = path.join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
let failed = 0;
for (const host of hosts) {
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'test/harness/run-host-tests.mjs'),
      '--host', host,
      '--extension', root,
      '--tests', path.join(out, `${host}-tests.cjs`),
      '--folder', path.join(root, 'test/host/workspace'),
      '--screenshot', path.join(artifacts, `${host}-host.png`),
      '--timeout-ms', '600000',
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) failed++;
  console.log(`${host} extension host: ${run.status === 0 ? 'passed' : 'FAILED'}`);
}
process.exit(failed === 0 ? 0 : 1);
