// The cohort report from `casemark grade`, opened in headless Chromium as a trainer would open the file: it renders
// with its table and links, runs nothing, loads nothing, and names from files stay text.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readExercise } from '../../src/core/exercise/read';
import { cohortHtml, failedRow, gradeSubmission } from '../../src/core/exercise/report';
import { artifacts, evil, openStaticFile, root } from './page';

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
    const { page, requests, dialogs, close } = await openStaticFile(file, { width: 1280, height: 900 });
    try {
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
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
