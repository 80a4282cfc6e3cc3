// Runs the host suite in a real VS Code: the Node extension host, then the web worker host (one after the other:
// two at once starve this 2-core machine). Screenshots land in test-artifacts/.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'dist-test/host');
const common = { bundle: true, format: 'cjs', target: 'es2022', external: ['vscode'], logLevel: 'warning', sourcemap: 'inline' };
await build({ ...common, entryPoints: [path.join(root, 'test/host/node-entry.ts')], outfile: path.join(out, 'node-tests.cjs'), platform: 'node', external: ['vscode', 'mocha'] });
await build({ ...common, entryPoints: [path.join(root, 'test/host/web-entry.cts')], outfile: path.join(out, 'web-tests.cjs'), platform: 'browser', conditions: ['worker'] });
await build({ ...common, entryPoints: [path.join(root, 'test/host/vsix-entry.ts')], outfile: path.join(out, 'vsix-tests.cjs'), platform: 'node', external: ['vscode', 'mocha'] });

if (process.argv.includes('--build-only')) process.exit(0);

// node and web: the suite against the source tree; vsix: the packaged extension installed into the server.
const hosts = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['node', 'web', 'vsix'];
const vsix = path.join(root, 'casemark.vsix');
if (hosts.includes('vsix')) {
  const packaged = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: root, stdio: 'inherit' });
  if (packaged.status !== 0) process.exit(1);
  // The product card's limit, held on every run: the package is what users download.
  const size = statSync(vsix).size;
  console.log(`casemark.vsix: ${(size / 1e6).toFixed(2)} MB (limit 2 MB)`);
  if (size >= 2e6) {
    console.error('casemark.vsix is over 2 MB');
    process.exit(1);
  }
}
const artifacts = path.join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
let failed = 0;
for (const host of hosts) {
  const packaged = host === 'vsix';
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'test/harness/run-host-tests.mjs'),
      '--host', packaged ? 'node' : host,
      '--extension', packaged ? path.join(root, 'test/host/vsix-probe') : root,
      ...(packaged ? ['--install', vsix] : []),
      '--tests', path.join(out, `${host}-tests.cjs`),
      '--folder', path.join(root, 'test/host/workspace'),
      '--screenshot', path.join(artifacts, `${host}-host.png`),
      '--timeout-ms', '600000',
    ],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) failed++;
  console.log(`${packaged ? 'installed .vsix' : `${host} extension host`}: ${run.status === 0 ? 'passed' : 'FAILED'}`);
}
process.exit(failed === 0 ? 0 : 1);
