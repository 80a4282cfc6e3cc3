// The cohort report from `casemark grade`, opened in headless Chromium as a trainer would open the file: it renders
// with its table and links, runs nothing, loads nothing, and names from files stay text.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readExercise } from '../../src/core/exercise/read';
import { cohortHtml, failedRow, gradeSubmission } from '../../src/core/exercise/report';
import { artifacts, evil, root } from './page';

/** The few playwright-core page calls used here (it comes from the harness cache, untyped). */
interface ReportPage {
  on(event: 'request', handler: (request: { url(): string }) => void): void;
  on(event: 'dialog', handler: (dialog: { message(): string; dismiss(): Promise<void> }) => void): void;
  goto(url: string): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}

describe('cohort report in a real browser', function () {
  this.timeout(60_000);

  it('shows one row per submission, the gaps and each learner, with no script and nothing from the network', async () => {
    const exercise = readExercise(readFileSync(path.join(root, 'samples/exercises/unmet-father.exercise.md'), 'utf8'));
    const rows = [
      gradeSubmission(exercise, 'ana.case.md', readFileSync(path.join(root, 'samples/strong-analysis.case.md'), 'utf8')),
      gradeSubmission(exercise, 'group-b/ben.case.md', readFileSync(path.join(root, 'samples/weak-analysis.case.md'), 'utf8')),
      gradeSubmission(exercise, `${evil}.case.md`, '---\ncasemark: 1\n---\n## Hypotheses\n\n- H1: Dad may not have been asked.\n'),
      failedRow(exercise, 'broken.case.md', 'looks like a binary file, not Markdown text'),
    ];
    const dir = path.join(tmpdir(), `casemark-report-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'report.html');
    writeFileSync(file, cohortHtml(exercise, rows));
    const core = process.env.CASEMARK_PLAYWRIGHT_CORE;
    assert.ok(core, 'run through test/browser/run.mjs');
    const { chromium } = (await import(pathToFileURL(path.join(core, 'index.mjs')).href)) as {
      chromium: { launch(o: Record<string, unknown>): Promise<{ newPage(o?: Record<string, unknown>): Promise<ReportPage>; close(): Promise<void> }> };
    };
    const browser = await chromium.launch({ executablePath: process.env.CASEMARK_CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      const dialogs: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(file).href);
      const seen = await page.evaluate(() => ({
        rows: document.querySelectorAll('tbody tr').length,
        headers: [...document.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
        caption: document.querySelector('caption')?.textContent,
        links: [...document.querySelectorAll('tbody a')].every((a) => document.getElementById((a.getAttribute('href') ?? '').slice(1)) !== null),
        scripts: document.scripts.length,
        images: document.images.length,
        evilText: [...document.querySelectorAll('tbody th')].some((th) => th.textContent?.includes('<img src=x onerror=alert(1)>')),
        gaps: document.querySelectorAll('h2 + ol li').length,
      }));
      assert.equal(seen.rows, 4);
      assert.ok(seen.headers.every((s) => s === 'col'), 'column headers have scope');
      assert.equal(seen.caption, 'One row per submission, one column per check');
      assert.equal(seen.links, true, 'every learner link has its section');
      assert.equal(seen.scripts, 0);
      assert.equal(seen.images, 0);
      assert.equal(seen.evilText, true, 'a file name is shown as text');
      assert.ok(seen.gaps > 0);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), [], 'nothing loaded from elsewhere');
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: path.join(artifacts, 'cohort-report.png'), fullPage: false });
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
