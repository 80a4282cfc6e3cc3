// `npm start`: CaseMark in VS Code for the Web on this machine, with samples/ open. Builds and packages the
// extension, installs it into a local VS Code server (the test harness's, installed on first use), serves on
// 127.0.0.1 only, prints the address and runs until Ctrl-C. Nothing is served beyond this machine.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureHarness } from '../test/harness/ensure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const state = path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'casemark-start');
const dirs = { serverData: path.join(state, 'server-data'), userData: path.join(state, 'user-data'), extensions: path.join(state, 'extensions') };
for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });

const step = (what, command, args) => {
  console.log(`CaseMark: ${what}…`);
  const run = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) {
    console.error(`CaseMark: ${what} failed (exit ${run.status}).`);
    process.exit(1);
  }
};
step('building', process.execPath, ['scripts/build.mjs']);
step('packaging casemark.vsix', 'npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', 'casemark.vsix']);
const harness = await ensureHarness();
step('installing it into the local VS Code server', harness.nodeBin, [harness.serverMain, '--accept-server-license-terms', '--install-extension', path.join(root, 'casemark.vsix'), '--force', '--extensions-dir', dirs.extensions, '--server-data-dir', dirs.serverData, '--user-data-dir', dirs.userData]);

// Run CaseMark's web build in the browser's worker, as VS Code for the Web does; no telemetry, no AI features.
mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
writeFileSync(
  path.join(dirs.userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'remote.extensionKind': { 'casemark.casemark': ['web'] },
      // Case files are special-category data: keep VS Code's own calls home (telemetry, updates, gallery, AI) off too.
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.enableExperiments': false,
      'chat.disableAIFeatures': true,
      'workbench.startupEditor': 'none',
    },
    null,
    2,
  ),
);

const port = await new Promise((resolve) => {
  const probe = createServer().listen(Number(process.env.PORT) || 0, '127.0.0.1', () => {
    const { port: found } = probe.address();
    probe.close(() => resolve(found));
  });
});
const server = spawn(
  harness.nodeBin,
  [harness.serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry', '--server-data-dir', dirs.serverData, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions],
  { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
);
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
server.on('exit', (code) => {
  console.error(`CaseMark: the VS Code server stopped (exit ${code}).`);
  process.exit(1);
});
let announced = false;
server.stdout.on('data', (chunk) => {
  if (announced || !String(chunk).includes('Extension host agent listening')) return;
  announced = true;
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.join(root, 'samples'))}`;
  console.log(`\nCaseMark is running in VS Code for the Web, with the sample analyses open:\n\n  ${url}\n\nOpen weak-analysis.case.md to see its prompts. Press Ctrl-C to stop.`);
});
server.stderr.resume();
