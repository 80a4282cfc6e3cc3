// What the webview pages' browser tests share: a local server for one page under the same HTML and Content Security
// Policy the extension serves, headless Chromium, a stand-in for VS Code's webview API, and the checks after every
// test that the page broke no policy and threw nothing.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeNonce, type PreviewPage } from '../../src/shared/preview-html';

export const root = path.resolve(import.meta.dirname, '../..');
export const artifacts = path.join(root, 'test-artifacts');
export const evil = '<img src=x onerror=alert(1)>';

// Minimal shapes of the playwright-core objects used here (it comes from the harness cache, untyped).
export interface Page {
  goto(url: string): Promise<unknown>;
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  waitForFunction(fn: string | ((arg: never) => unknown), arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
  addInitScript(script: { content: string }): Promise<void>;
  click(selector: string, options?: Record<string, unknown>): Promise<void>;
  focus(selector: string): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  on(event: string, handler: (arg: never) => void): void;
  keyboard: { press(key: string): Promise<void>; down(key: string): Promise<void>; up(key: string): Promise<void> };
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void>; down(): Promise<void>; up(): Promise<void>; wheel(dx: number, dy: number): Promise<void> };
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}
interface Browser {
  newPage(options?: Record<string, unknown>): Promise<Page>;
  close(): Promise<void>;
}

// The page's stand-in for acquireVsCodeApi: records what the page posts, keeps its state in sessionStorage
// (so a reload is like VS Code hiding and showing the panel), and records alerts and CSP violations.
const stub = `
  window.__posted = [];
  window.__alerts = [];
  window.__violations = [];
  window.alert = (m) => window.__alerts.push(String(m));
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
    getState: () => JSON.parse(sessionStorage.getItem('state') || 'null') || undefined,
    setState: (s) => sessionStorage.setItem('state', JSON.stringify(s)),
  });
`;

/** What the stub keeps in the page's window. */
interface Recorded {
  __posted: Array<{ type: string; version?: number }>;
  __alerts: string[];
  __violations: string[];
}

export interface PageOptions {
  /** The extension's HTML for the page. */
  html(page: PreviewPage): string;
  /** The files of dist/webview/ the page loads. */
  files: string[];
  viewport: { width: number; height: number };
}

/**
 * Serves the page and starts Chromium for the tests of the `describe` it is called in, and checks after each test.
 * `Sent` is what the extension sends the page, `Posted` what the page posts to the extension.
 */
export function webviewPage<Sent, Posted>(options: PageOptions) {
  let server: Server;
  let browser: Browser;
  let page: Page | undefined;
  let base: string;
  let theme = 'vscode-light';
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const send = (type: string, body: string | Buffer) => {
        response.writeHead(200, { 'content-type': type });
        response.end(body);
      };
      if (url.pathname === '/') {
        // The extension's own page, with the theme VS Code would give it.
        const html = options
          .html({ cspSource: base, nonce: makeNonce(), base: `${base}/webview` })
          .replace('</head>', `<link rel="stylesheet" href="${base}/theme.css">\n</head>`)
          .replace('<body>', `<body class="${theme}">`);
        return send('text/html; charset=utf-8', html);
      }
      if (url.pathname === '/theme.css') return send('text/css', readFileSync(path.join(import.meta.dirname, 'theme.css')));
      const file = url.pathname.startsWith('/webview/') ? url.pathname.slice('/webview/'.length) : '';
      if (options.files.includes(file)) return send(file.endsWith('.js') ? 'text/javascript' : 'text/css', readFileSync(path.join(root, 'dist/webview', file)));
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const core = process.env.CASEMARK_PLAYWRIGHT_CORE;
    assert.ok(core, 'run through test/browser/run.mjs, which finds playwright-core and Chromium');
    const { chromium } = (await import(pathToFileURL(path.join(core, 'index.mjs')).href)) as { chromium: { launch(o: Record<string, unknown>): Promise<Browser> } };
    browser = await chromium.launch({
      executablePath: process.env.CASEMARK_CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    mkdirSync(artifacts, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  afterEach(async () => {
    const violations = page ? await page.evaluate(() => (window as unknown as Recorded).__violations) : [];
    assert.deepEqual(violations, [], 'no Content Security Policy violations');
    assert.deepEqual(pageErrors.splice(0), [], 'no errors in the page');
  });

  function current(): Page {
    assert.ok(page, 'open the page first');
    return page;
  }

  /** Waits until the page has posted a message of this type (and, when given, of this version). */
  async function waitForPost(type: string, version: number | null = null): Promise<void> {
    await current().waitForFunction(
      (want: { type: string; version: number | null }) => (window as unknown as Recorded).__posted.some((m) => m.type === want.type && (want.version === null || m.version === want.version)),
      { type, version },
    );
  }

  return {
    /** Opens the page afresh in a new tab, with the body class VS Code gives a theme, once it says it is ready. */
    async open(bodyClass = 'vscode-light'): Promise<Page> {
      theme = bodyClass;
      await page?.close();
      const opened = await browser.newPage({ viewport: options.viewport });
      page = opened;
      opened.on('dialog', (dialog: { message(): string; dismiss(): Promise<void> }) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      opened.on('pageerror', (error: Error) => pageErrors.push(error.message));
      await opened.addInitScript({ content: stub });
      await opened.goto(`${base}/`);
      await waitForPost('ready');
      return opened;
    },

    /** Reloads the page, as VS Code does when a hidden panel is shown again; its state survives. */
    async reload(): Promise<void> {
      await current().evaluate(() => location.reload());
      await waitForPost('ready');
    },

    /** Posts a message to the page, as the extension does. */
    async send(message: Sent): Promise<void> {
      await current().evaluate((m) => window.postMessage(m, '*'), message);
    },

    /** Everything the page has posted to the extension. */
    posted(): Promise<Posted[]> {
      return current().evaluate(() => (window as unknown as Recorded).__posted as Posted[]);
    },

    waitForPost,

    /** Gives a script that should not run time to run, then checks that no alert or other dialog opened. */
    async assertNoDialog(): Promise<void> {
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(await current().evaluate(() => (window as unknown as Recorded).__alerts), [], 'no alert ran');
      assert.deepEqual(dialogs, [], 'no dialog opened');
    },
  };
}

/** The playwright-core page calls the static-page tests use. */
export interface StaticPage {
  evaluate<T>(fn: () => T): Promise<T>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}

/**
 * A file opened in headless Chromium as a person would open it (a report, a panel's page written to disk), with every
 * request it makes and every dialog it opens recorded; `close` ends the browser.
 */
export async function openStaticFile(file: string, viewport: { width: number; height: number }) {
  const core = process.env.CASEMARK_PLAYWRIGHT_CORE;
  assert.ok(core, 'run through test/browser/run.mjs');
  type Raw = StaticPage & {
    on(event: 'request', handler: (request: { url(): string }) => void): void;
    on(event: 'dialog', handler: (dialog: { message(): string; dismiss(): Promise<void> }) => void): void;
    goto(url: string): Promise<unknown>;
  };
  const { chromium } = (await import(pathToFileURL(path.join(core, 'index.mjs')).href)) as {
    chromium: { launch(o: Record<string, unknown>): Promise<{ newPage(o?: Record<string, unknown>): Promise<Raw>; close(): Promise<void> }> };
  };
  const browser = await chromium.launch({ executablePath: process.env.CASEMARK_CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const requests: string[] = [];
  const dialogs: string[] = [];
  try {
    const page = await browser.newPage({ viewport });
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    return { page: page as StaticPage, requests, dialogs, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
