// `npm start`: CaseMark in VS Code for the Web on this machine, with a scratch copy of samples/ open. Builds and
// packages the extension, installs it into a local VS Code server (the test harness's, installed on first use),
// serves on 127.0.0.1 only behind a random per-start connection token, prints the address and runs until Ctrl-C.
//
//   npm start                  the scratch copy of samples/ as you left it
//   npm start -- --fresh       a new copy of samples/ (your edits to the old copy are dropped)
//   npm start -- --web         CaseMark in the browser's web worker host, as in vscode.dev
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureHarness, HarnessError } from '../test/harness/ensure.mjs';
import { freePort, installExtension, newConnectionToken, packageExtension, prepareSamples, servedAddress, servedSettings, startServedVSCode, stopServedVSCode, writeUserSettings } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({ options: { fresh: { type: 'boolean', default: false }, web: { type: 'boolean', default: false } } });
const state = path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'casemark-start');
const dirs = { serverData: path.join(state, 'server-data'), userData: path.join(state, 'user-data'), extensions: path.join(state, 'extensions') };
for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });

const fail = (line) => {
  console.error(`CaseMark: ${line}`);
  process.exit(1);
};
const step = (what, command, args) => {
  console.log(`CaseMark: ${what}…`);
  const run = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) fail(`${what} failed (exit ${run.status}); fix what is printed above, then run \`npm start\` again.`);
};
step('building', process.execPath, ['scripts/build.mjs']);
const vsix = path.join(root, 'casemark.vsix');
console.log('CaseMark: packaging casemark.vsix…');
if (packageExtension(root, vsix) !== 0) fail('packaging failed; fix what is printed above, then run `npm start` again.');
let harness;
try {
  harness = await ensureHarness();
} catch (err) {
  fail(err instanceof HarnessError ? err.message : String(err?.stack || err));
}
console.log('CaseMark: installing it into the local VS Code server…');
if (installExtension(harness, vsix, dirs) !== 0) fail('installing casemark.vsix into the VS Code server failed; see above, then run `npm start` again.');

writeUserSettings(dirs.userData, servedSettings({ web: options.web }));
const samples = prepareSamples(root, state, { fresh: options.fresh });
const { token, file: tokenFile } = newConnectionToken(state);
const port = await freePort(Number(process.env.PORT) || 0);
let server;
try {
  server = await startServedVSCode(harness, { port, dirs, tokenFile });
} catch (err) {
  fail(`the VS Code server did not start: ${err.message}`);
}
const stop = () => {
  stopServedVSCode(server);
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
server.on('exit', (code) => fail(`the VS Code server stopped (exit ${code}).`));
console.log(
  [
    '',
    `CaseMark is running in VS Code in your browser (${options.web ? 'in the web worker extension host, as in vscode.dev' : 'in the server’s Node extension host, as in desktop VS Code'}), with a scratch copy of the sample analyses open:`,
    '',
    `  ${servedAddress(port, token, samples)}`,
    '',
    `The address holds this start's key; without it the server refuses every request. The copy is ${samples}:`,
    'edit it freely (`npm start -- --fresh` makes a new one). Open weak-analysis.case.md to see its prompts.',
    'Press Ctrl-C to stop.',
  ].join('\n'),
);
