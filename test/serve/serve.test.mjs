// `npm start`'s VS Code as a person meets it: the real server from the test harness, started by the same code as
// `npm start` (scripts/serve.mjs), and Debian's Chromium. It refuses requests without the start's token, the
// workbench asks nothing outside this machine, and the samples a person edits are a copy.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureHarness } from '../harness/ensure.mjs';
import { HOST, freePort, installExtension, newConnectionToken, packageExtension, prepareSamples, servedAddress, servedSettings, startServedVSCode, stopServedVSCode, writeUserSettings } from '../../scripts/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function get(port, pathAndQuery, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: HOST, port, path: pathAndQuery, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function onMachine(url) {
  if (/^(blob|data|about|chrome-error):/i.test(url)) return true;
  return new URL(url).hostname === HOST;
}

describe('npm start', function () {
  this.timeout(240_000);
  let state;
  let server;
  let port;
  let token;
  let harness;

  before(async () => {
    harness = await ensureHarness();
    state = mkdtempSync(path.join(tmpdir(), 'casemark-start-test-'));
    const dirs = { serverData: path.join(state, 'server-data'), userData: path.join(state, 'user-data'), extensions: path.join(state, 'extensions') };
    for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
    writeUserSettings(dirs.userData, servedSettings());
    // CaseMark installed as npm start installs it: a workbench with a gallery asks it about installed extensions.
    const vsix = path.join(state, 'casemark.vsix');
    assert.equal(packageExtension(root, vsix), 0, 'packaged');
    assert.equal(installExtension(harness, vsix, dirs), 0, 'installed');
    const key = newConnectionToken(state);
    token = key.token;
    port = await freePort();
    server = await startServedVSCode(harness, { port, dirs, tokenFile: key.file });
  });
  after(() => {
    if (server) stopServedVSCode(server);
    if (state) rmSync(state, { recursive: true, force: true });
  });

  it('refuses every request without this start’s token, and serves the workbench with it', async () => {
    // (Only /version, the server's commit id, is public.)
    const fileRequest = `/vscode-remote-resource?path=${encodeURIComponent(path.join(root, 'samples', 'weak-analysis.case.md'))}`;
    for (const bare of ['/', '/?folder=%2Ftmp', fileRequest, `/?tkn=${'0'.repeat(token.length)}`]) {
      const answer = await get(port, bare);
      assert.ok(answer.status === 403 || answer.status === 401, `${bare} answered ${answer.status}`);
    }
    const withToken = await get(port, `/?tkn=${token}`);
    assert.ok(withToken.status === 200 || withToken.status === 302, `with the token: ${withToken.status}`);
    const cookie = String(withToken.headers['set-cookie'] ?? '');
    assert.ok(cookie.includes(token), 'the token becomes the session cookie');
  });

  it('the token is new at every start and readable by this user only', () => {
    const first = newConnectionToken(state);
    const second = newConnectionToken(state);
    assert.notEqual(first.token, second.token);
    assert.match(first.token, /^[0-9a-f]{48}$/);
    assert.equal(readFileSync(second.file, 'utf8'), second.token);
  });

  it('the workbench asks nothing outside this machine, and a request that would leave is seen', async () => {
    const { chromium } = await import(pathToFileURL(path.join(harness.playwrightCore, 'index.mjs')).href);
    const browser = await chromium.launch({
      executablePath: harness.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    });
    try {
      const context = await browser.newContext();
      const outside = new Set();
      // Recorded, and stopped before it could leave.
      await context.route((url) => !onMachine(url.href), (route) => {
        outside.add(route.request().url());
        return route.abort('blockedbyclient');
      });
      context.on('request', (r) => {
        if (!onMachine(r.url())) outside.add(r.url());
      });
      const page = await context.newPage();
      const samples = path.join(root, 'samples');
      await page.goto(servedAddress(port, token, samples));
      await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
      // The Explorer lists the folder once the workbench has started its services (the gallery's among them).
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
      // Opening the Extensions view is where a workbench with a gallery asks it at once.
      await page.locator('.explorer-folders-view').click();
      await page.keyboard.press('Control+Shift+X');
      await page.waitForSelector('.extensions-viewlet', { timeout: 30_000 });
      await page.waitForTimeout(8_000);
      assert.deepEqual([...outside], [], `asked outside this machine: ${[...outside].join(', ')}`);

      // The check itself can fail: a request to another host is caught.
      await page.evaluate(() => fetch('https://casemark-probe.invalid/').catch(() => undefined));
      await page.waitForTimeout(200);
      assert.deepEqual([...outside], ['https://casemark-probe.invalid/']);
    } finally {
      await browser.close();
    }
  });

  it('runs CaseMark beside the built-in Markdown extension by default, so the Markdown preview can draw genograms', () => {
    // The Node host suite (test/host) runs CaseMark the same way and checks the Markdown preview's drawings.
    assert.equal(servedSettings()['remote.extensionKind'], undefined);
    assert.deepEqual(servedSettings({ web: true })['remote.extensionKind'], { 'casemark.casemark': ['web'] });
  });

  it('opens a scratch copy of samples/, kept between starts and made anew with --fresh', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'casemark-samples-'));
    try {
      const copy = prepareSamples(root, scratch);
      const name = 'weak-analysis.case.md';
      const original = readFileSync(path.join(root, 'samples', name), 'utf8');
      assert.equal(readFileSync(path.join(copy, name), 'utf8'), original);
      assert.ok(existsSync(path.join(copy, 'exercises')), 'the exercises come too');

      writeFileSync(path.join(copy, name), 'a quick fix was tried here');
      assert.equal(readFileSync(path.join(root, 'samples', name), 'utf8'), original, 'the repository’s sample is untouched');
      assert.equal(readFileSync(path.join(prepareSamples(root, scratch), name), 'utf8'), 'a quick fix was tried here', 'kept between starts');
      assert.equal(readFileSync(path.join(prepareSamples(root, scratch, { fresh: true }), name), 'utf8'), original, '--fresh makes a new copy');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
