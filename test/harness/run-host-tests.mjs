#!/usr/bin/env node
// Runs an extension's mocha suite inside a real VS Code extension host, offline:
// VS Code's server (from the code-server npm package, on Node 24) serves the web
// workbench to Debian's headless Chromium, driven by playwright-core. The workbench's
// smoke-test driver reports the suite's result through window.codeAutomationExit.
//
//   node test/harness/run-host-tests.mjs --host node|web --extension <dir> --tests <file>
//        [--folder <dir>] [--screenshot <png>] [--timeout-ms N] [--verbose]
//
// --host node: the extension runs from its `main` entry in the Node extension host;
//              --tests is a CommonJS file exporting run().
// --host web:  the extension runs from its `browser` entry in the web worker extension
//              host; --tests is a bundled CommonJS file exporting run() (only `vscode`
//              may stay external).
// Exit code: the suite's (0 = passed), 1 on timeout or harness failure.
//
// Screenshots: when the suite logs the line `run-host-tests:screenshot` (console.log),
// the page is captured into --screenshot at once; `run-host-tests:screenshot NAME` writes
// NAME.png beside it. Log it while the state you want is on screen and keep it there for
// a second. Without such a request, --screenshot is taken when the run ends; by then the
// extension host has exited, so its diagnostics and webviews are gone.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, parseArgs } from 'node:util';
import { ensureHarness } from './ensure.mjs';

const HOST = '127.0.0.1'; // loopback only
const TAG = 'run-host-tests:';

// playwright-core 1.65.1 starts Chromium with --disable-features=<this list plus
// ThirdPartyStoragePartitioning>. Without that feature a webview's iframe cannot register
// its service worker, so we pass the list again without it (the last switch wins).
// Re-check against `disabledFeatures` in playwright-core's lib/coreBundle.js when bumping it.
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

// Workbench complaints that only say the machine is offline: shown on one line.
const HARMLESS = [/ENOTFOUND/, /^Canceled: Canceled/, /authentication provider '\w+' to register/, /ServiceWorker for scope .*serviceWorker\.js/];
const SCREENSHOT_REQUEST = /^run-host-tests:screenshot(?:\s+([\w.-]+))?\s*$/;

const CHROMIUM_ARGS = [
  '--no-sandbox', // root in a container
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking', // the machine has no network: avoid a storm of refused connections
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];

function usage(message) {
  console.error(`${TAG} ${message}`);
  console.error('usage: node test/harness/run-host-tests.mjs --host node|web --extension <dir> --tests <file> [--folder <dir>] [--screenshot <png>] [--timeout-ms N] [--verbose]');
  process.exit(2);
}

function parseCli() {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      extension: { type: 'string' },
      tests: { type: 'string' },
      folder: { type: 'string' },
      screenshot: { type: 'string' },
      'timeout-ms': { type: 'string', default: '180000' },
      verbose: { type: 'boolean', default: false },
      install: { type: 'string' },
    },
  });
  if (values.host !== 'node' && values.host !== 'web') usage('--host must be node or web');
  if (!values.extension) usage('--extension is required');
  if (!values.tests) usage('--tests is required');
  const opts = {
    host: values.host,
    extension: resolve(values.extension),
    tests: resolve(values.tests),
    folder: values.folder ? resolve(values.folder) : undefined,
    screenshot: values.screenshot ? resolve(values.screenshot) : undefined,
    timeoutMs: Number(values['timeout-ms']),
    verbose: values.verbose,
    install: values.install ? resolve(values.install) : undefined,
  };
  if (!existsSync(join(opts.extension, 'package.json'))) usage(`no package.json in ${opts.extension}`);
  if (!existsSync(opts.tests)) usage(`no test entry at ${opts.tests}`);
  if (opts.folder && !statSync(opts.folder, { throwIfNoEntry: false })?.isDirectory()) usage(`no folder at ${opts.folder}`);
  if (!(opts.timeoutMs > 0)) usage('--timeout-ms must be a positive number');
  if (opts.install && !existsSync(opts.install)) usage(`no .vsix at ${opts.install}`);
  return opts;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** User settings of the throwaway profile (the server keeps them in <user-data-dir>/User). */
function userSettings(opts) {
  const settings = {
    'chat.disableAIFeatures': true,
    // The web workbench saves edited files after a delay by default: a test's edit must never reach the fixture on disk.
    'files.autoSave': 'off',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false,
  };
  if (opts.host === 'web') {
    // Makes the workbench run the extension from its `browser` entry in the web worker host.
    const manifest = JSON.parse(readFileSync(join(opts.extension, 'package.json'), 'utf8'));
    if (!manifest.publisher || !manifest.name) throw new Error('the extension package.json needs publisher and name');
    if (!manifest.browser) throw new Error('--host web needs a `browser` entry in the extension package.json');
    settings['remote.extensionKind'] = { [`${manifest.publisher}.${manifest.name}`]: ['web'] };
  }
  return settings;
}

/** Starts VS Code's server in its own process group; resolves once it listens. */
function startServer(harness, port, dirs, verbose) {
  const args = [
    harness.serverMain,
    '--host', HOST,
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver', // lets the web client honour the test payload
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--server-data-dir', dirs.serverData,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  // detached: its own process group, so that the file watcher and the extension host
  // it forks end with it.
  const server = spawn(harness.nodeBin, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: offlineServerEnv() });
  const log = [];
  const ready = new Promise((resolveReady, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      log.push(text);
      if (verbose) process.stdout.write(text.replace(/^/gm, '[server] '));
      if (text.includes('Extension host agent listening')) resolveReady();
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('error', reject);
    server.on('exit', (code, signal) => reject(new Error(`VS Code server exited early (${signal || code}):\n${log.join('').slice(-3000)}`)));
  });
  ready.catch(() => {}); // an exit after we stopped waiting is no unhandled rejection
  return { server, ready, log };
}

/**
 * No extension gallery (code-server reads EXTENSIONS_GALLERY; `{}` is none), so neither the server nor the workbench
 * asks one; anything else the server tries goes to a closed loopback port.
 */
function offlineServerEnv() {
  const closed = 'http://127.0.0.1:9';
  return { ...process.env, EXTENSIONS_GALLERY: '{}', HTTP_PROXY: closed, HTTPS_PROXY: closed, http_proxy: closed, https_proxy: closed, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };
}

/**
 * Whether a request the browser made stays on this machine. A webview's resources have addresses under
 * vscode-resource.vscode-cdn.net (VS Code's fixed webview resource origin); the webview's service worker answers them
 * from the local server, so they never reach that host.
 */
function staysOnMachine(url) {
  if (/^(blob|data|about|chrome-error|vscode-webview|vscode-file):/i.test(url)) return true;
  try {
    const { hostname } = new URL(url);
    if (hostname.endsWith('.vscode-resource.vscode-cdn.net')) return true;
    return hostname === HOST || hostname === 'localhost' || hostname === '[::1]' || hostname.endsWith('.localhost');
  } catch {
    return false;
  }
}

/** Ends the server's whole process group: TERM, then KILL for whatever is left. */
async function killGroup(child) {
  if (!child) return;
  const signal = (sig) => { try { process.kill(-child.pid, sig); } catch { /* group already gone */ } };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    signal('SIGTERM');
    await Promise.race([exited, sleep(3000)]);
  }
  signal('SIGKILL'); // helpers (file watcher, extension host) may outlive the leader
}

function remoteUri(port, absPath) {
  return `vscode-remote://${HOST}:${port}${pathToFileURL(absPath).pathname}`;
}

async function main() {
  const opts = parseCli();
  const harness = await ensureHarness();
  const started = Date.now(); // after a possible first-time install: the timeout is for the run
  const { chromium } = await import(pathToFileURL(join(harness.playwrightCore, 'index.mjs')).href);

  const tmp = mkdtempSync(join(tmpdir(), 'casemark-host-'));
  const dirs = { serverData: join(tmp, 'server-data'), userData: join(tmp, 'user-data'), extensions: join(tmp, 'extensions') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(userSettings(opts), null, 2));
  if (opts.install) {
    // As a user would: the server's own installer puts the packaged extension in this run's extensions dir.
    const installed = spawnSync(harness.nodeBin, [harness.serverMain, '--accept-server-license-terms', '--install-extension', opts.install, '--extensions-dir', dirs.extensions, '--server-data-dir', dirs.serverData, '--user-data-dir', dirs.userData], { encoding: 'utf8', timeout: 120_000 });
    console.log(`run-host-tests: installed ${basename(opts.install)}: ${(installed.stdout + installed.stderr).trim().split('\n').pop()}`);
    if (installed.status !== 0) throw new Error(`installing ${opts.install} failed (exit ${installed.status})`);
  }

  let server;
  let browser;
  const cleanup = async () => {
    await Promise.allSettled([browser?.close(), killGroup(server)]);
    rmSync(tmp, { recursive: true, force: true });
  };
  // Ctrl-C or a CI cancel ends the run like a timeout, so that the cleanup below runs.
  const interrupted = new Promise((r) => {
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => r(`interrupted (${sig})`));
  });

  let code = 1;
  try {
    const port = await freePort();
    const srv = startServer(harness, port, dirs, opts.verbose);
    server = srv.server;
    const up = await Promise.race([srv.ready, interrupted, sleep(60_000).then(() => 'VS Code server did not start within 60 s')]);
    if (up) throw new Error(up);

    browser = await chromium.launch({
      executablePath: harness.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      // We close the browser ourselves, also on a signal.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Case files are personal data: every request the workbench, its workers and webviews make is recorded, and
    // one that would leave this machine fails the run.
    const outside = new Set();
    await context.route((url) => !staysOnMachine(url.href), (route) => {
      outside.add(route.request().url());
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) => {
      if (!staysOnMachine(request.url())) outside.add(request.url());
    });
    const page = await context.newPage();

    const cdp = await page.context().newCDPSession(page);
    let screenshots = Promise.resolve();
    let screenshotTaken = false;
    const screenshot = (file) => {
      const asked = Date.now();
      screenshots = screenshots.then(async () => {
        mkdirSync(dirname(file), { recursive: true });
        // Headless Chromium paints lazily: a first capture forces a frame, which also starts
        // decoding the squiggles' SVG backgrounds; the second one, after two animation
        // frames and a short pause, shows them. Captured straight from the compositor:
        // page.screenshot() also waits for fonts and injects a caret style, which took
        // seconds on a busy workbench.
        await cdp.send('Page.captureScreenshot', { format: 'png' });
        await Promise.race([
          page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))),
          sleep(1000),
        ]);
        await sleep(200);
        const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
        writeFileSync(file, Buffer.from(data, 'base64'));
        console.log(`${TAG} screenshot: ${file} (${Date.now() - asked} ms)`);
      }).catch((err) => console.error(`${TAG} screenshot failed: ${err.message}`));
      return screenshots;
    };

    // With --enable-smoke-test-driver and a test payload the workbench calls these two.
    // codeAutomationLog gets the workbench's log (info and above) and with it the extension
    // host's console: the arguments of one call, format string first (mocha's reporters
    // use printf-style placeholders).
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      let text = Array.isArray(args) ? format(...args) : format(args);
      const request = SCREENSHOT_REQUEST.exec(text);
      if (request) {
        if (!opts.screenshot) return undefined;
        if (!request[1]) screenshotTaken = true;
        return screenshot(request[1] ? join(dirname(opts.screenshot), `${request[1]}.png`) : opts.screenshot);
      }
      if (!opts.verbose && HARMLESS.some((re) => re.test(text))) text = `(harmless) ${text.split('\n')[0]}`;
      (type === 'error' ? console.error : console.log)(text);
    });
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    await page.exposeFunction('codeAutomationExit', (c) => resolveExit(Number.isInteger(Number(c)) ? Number(c) : 1));
    const serverDied = new Promise((r) => server.once('exit', (c, sig) => r(`server exited (${sig || c})`)));
    if (opts.verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
    page.on('pageerror', (err) => console.error(`[browser pageerror] ${err.message}`));

    const payload = [
      ['extensionDevelopmentPath', remoteUri(port, opts.extension)],
      ['extensionTestsPath', remoteUri(port, opts.tests)],
    ];
    const query = new URLSearchParams();
    if (opts.folder) query.set('folder', opts.folder);
    query.set('payload', JSON.stringify(payload));
    const url = `http://${HOST}:${port}/?${query}`;
    console.log(`${TAG} ${opts.host} extension host, VS Code server on ${HOST}:${port}`);
    await page.goto(url, { waitUntil: 'commit' }); // the rest is bounded by --timeout-ms below

    const timeoutMs = Math.max(1000, opts.timeoutMs - (Date.now() - started));
    const result = await Promise.race([exited, serverDied, interrupted, sleep(timeoutMs).then(() => `timed out (--timeout-ms ${opts.timeoutMs})`)]);
    if (typeof result === 'number') {
      code = result;
    } else {
      console.error(`${TAG} ${result} after ${((Date.now() - started) / 1000).toFixed(1)} s, before the test run finished`);
      if (!opts.verbose) console.error(`${TAG} last server output:\n${srv.log.join('').slice(-2000)}`);
      code = 1;
    }
    if (opts.screenshot && !screenshotTaken) screenshot(opts.screenshot);
    await screenshots;
    if (outside.size > 0) {
      console.error(`${TAG} the browser asked for addresses outside this machine: ${[...outside].slice(0, 10).join(', ')}`);
      code = 1;
    } else {
      console.log(`${TAG} every request the browser made stayed on this machine`);
    }
  } catch (err) {
    console.error(`${TAG} ${err?.message || err}`);
    code = 1;
  } finally {
    await cleanup();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${TAG} ${opts.host} extension host: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`);
  process.exit(code);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms).unref());
}

main().catch((err) => {
  console.error(`${TAG} ${err?.message || err}`);
  process.exit(1);
});
