// The pieces of `npm start` that its tests also use: a scratch copy of the samples, the served VS Code's user
// settings, and a VS Code server that refuses any request without this start's random connection token.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const HOST = '127.0.0.1';

/**
 * Copies `samples/` to `<state>/samples` unless a copy is there already (or `fresh` asks for a new one), so that
 * trying a quick fix (VS Code for the Web saves after a second) never changes the repository's samples.
 */
export function prepareSamples(root, state, { fresh = false } = {}) {
  const copy = path.join(state, 'samples');
  if (fresh) rmSync(copy, { recursive: true, force: true });
  if (!existsSync(copy)) {
    mkdirSync(state, { recursive: true });
    // dereference: a link in samples/ is copied as its content, never as a way back into the repository.
    cpSync(path.join(root, 'samples'), copy, { recursive: true, dereference: true });
  }
  return copy;
}

/**
 * User settings of the served VS Code. By default CaseMark runs in the server's Node extension host beside the
 * built-in Markdown extension, as in desktop VS Code and Codespaces, so the Markdown preview can load CaseMark's
 * drawing plugin. `web` runs it in the browser's web worker host instead, as vscode.dev does; there the Markdown
 * extension stays in the server's host (code-server ships no browser build of it), so that preview shows genogram
 * blocks as code. Everything that would call out (telemetry, updates, the extension gallery, experiments, AI
 * features) is off.
 */
export function servedSettings({ web = false } = {}) {
  return {
    ...(web ? { 'remote.extensionKind': { 'casemark.casemark': ['web'] } } : {}),
    'telemetry.telemetryLevel': 'off',
    'telemetry.feedback.enabled': false,
    'update.mode': 'none',
    'update.showReleaseNotes': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'workbench.settings.enableNaturalLanguageSearch': false,
    'workbench.tips.enabled': false,
    'npm.fetchOnlinePackageInfo': false,
    'typescript.disableAutomaticTypeAcquisition': true,
    'json.schemaDownload.enable': false,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
  };
}

export function writeUserSettings(userDataDir, settings) {
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

export function freePort(preferred = 0) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(preferred, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Installs a packaged extension into the served VS Code, as a user would; returns the installer's exit code. */
export function installExtension(harness, vsix, dirs, { stdio = ['ignore', 'ignore', 'inherit'] } = {}) {
  const run = spawnSync(
    harness.nodeBin,
    [harness.serverMain, '--accept-server-license-terms', '--install-extension', vsix, '--force', '--extensions-dir', dirs.extensions, '--server-data-dir', dirs.serverData, '--user-data-dir', dirs.userData],
    { stdio, env: offlineEnv(), timeout: 180_000 },
  );
  return run.status;
}

/** Packages the built extension as a .vsix; returns vsce's exit code. */
export function packageExtension(root, vsix, { stdio = ['ignore', 'ignore', 'inherit'] } = {}) {
  return spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: root, stdio }).status;
}

/** A new random connection token, written for the server to a file only this user can read. */
export function newConnectionToken(state) {
  const token = randomBytes(24).toString('hex');
  const file = path.join(state, 'connection-token');
  mkdirSync(state, { recursive: true });
  rmSync(file, { force: true });
  writeFileSync(file, token, { mode: 0o600 });
  return { token, file };
}

/**
 * Starts VS Code's server on 127.0.0.1 in its own process group (it forks a file watcher and extension hosts), with
 * a connection token: a request without the token is refused. Resolves with the server once it listens.
 */
export async function startServedVSCode(harness, { port, dirs, tokenFile, extraArgs = [], onOutput = () => {} }) {
  const server = spawn(
    harness.nodeBin,
    [
      harness.serverMain,
      '--host', HOST,
      '--port', String(port),
      '--connection-token-file', tokenFile,
      '--accept-server-license-terms',
      '--disable-telemetry',
      '--server-data-dir', dirs.serverData,
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      ...extraArgs,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: offlineEnv() },
  );
  let output = '';
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      onOutput(String(chunk));
      if (output.includes('Extension host agent listening')) resolve();
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error(`the VS Code server stopped before it listened (exit ${code}): ${output.slice(-1500)}`)));
  });
  return server;
}

/** Ends the server's whole process group. */
export function stopServedVSCode(server) {
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    try {
      process.kill(-server.pid, signal);
    } catch {
      return; // already gone
    }
  }
}

/**
 * The server's own environment. `EXTENSIONS_GALLERY={}` gives code-server's VS Code no extension gallery, so neither
 * the server nor the workbench in the browser asks one (they would otherwise query open-vsx.org at start-up); a
 * proxy on a closed loopback port makes anything else the server might try fail on this machine at once.
 */
export function offlineEnv(env = process.env) {
  const closed = 'http://127.0.0.1:9';
  return {
    ...env,
    EXTENSIONS_GALLERY: '{}',
    HTTP_PROXY: closed,
    HTTPS_PROXY: closed,
    http_proxy: closed,
    https_proxy: closed,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
}

/** The address a person opens: this start's token, then the folder. */
export function servedAddress(port, token, folder) {
  return `http://${HOST}:${port}/?tkn=${token}&folder=${encodeURIComponent(folder)}`;
}
