// `casemark grade` end to end: a folder of submissions (one unreadable) into a valid HTML page and a CSV.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin/casemark.js');
const exercise = path.join(root, 'samples/exercises/unmet-father.exercise.md');

function casemark(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('casemark grade', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'casemark-grade-'));
    mkdirSync(path.join(dir, 'cohort/group-b'), { recursive: true });
    cpSync(path.join(root, 'samples/strong-analysis.case.md'), path.join(dir, 'cohort/ana.case.md'));
    cpSync(path.join(root, 'samples/weak-analysis.case.md'), path.join(dir, 'cohort/group-b/ben.case.md'));
    writeFileSync(path.join(dir, 'cohort/<img src=x onerror=alert(1)>.case.md'), '---\ncasemark: 1\n---\n## Hypotheses\n\n- H1: Dad may want to meet but has not been asked.\n  - Test: Ask him.\n');
    writeFileSync(path.join(dir, 'cohort/broken.case.md'), Buffer.from([0, 1, 2, 3]));
    // A submission names its exercise, so identifying-detail is on: an untitled name needs the tagger, which the
    // grading thread loads only for such submissions.
    writeFileSync(path.join(dir, 'cohort/cal.case.md'), '---\ncasemark: 1\nexercise: unmet-father.exercise.md\n---\n## Hypotheses\n\n- H1: Bernadette Walsh may be a support to the family.\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const workers of ['1', '2']) {
    it(`checks every submission (workers: ${workers}), a broken one as a row with its reason, into CSV and valid HTML`, () => {
      const run = casemark(['grade', exercise, 'cohort', '--out', 'report', '--workers', workers], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /checked 5 submissions \(1 could not be read\) against “The father we have not met”/);
      const csv = readFileSync(path.join(dir, 'report/report.csv'), 'utf8').trimEnd().split('\r\n');
      assert.equal(csv[0], '"file","hypotheses","self","father","tests","against","genogram","labels","dilemma-length","sections","reflection","machine checks met","machine checks","error"');
      assert.equal(csv.length, 6);
      const byFile = new Map(csv.slice(1).map((line) => [line.split(',')[0], line] as const));
      assert.match(byFile.get('"broken.case.md"') ?? '', /"looks like a binary file, not Markdown text"$/);
      assert.match(byFile.get('"group-b/ben.case.md"') ?? '', /"to mark","0","9",""$/);
      assert.match(byFile.get('"ana.case.md"') ?? '', /^"ana.case.md","not yet","met","met","met","met","met","met",/);

      const html = readFileSync(path.join(dir, 'report/report.html'), 'utf8');
      const errors: string[] = [];
      parse(html, { onParseError: (error) => errors.push(error.code) });
      assert.deepEqual(errors, [], 'the HTML parses without errors');
      assert.doesNotMatch(html, /<img|<script|https?:\/\//, 'no markup from file names, no script, nothing remote');
      assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;\.case\.md/);
      assert.match(html, /“Bernadette Walsh” looks like a name that is not in the genogram/);
      assert.equal(html.match(/looks like a name/g)?.length, 1, 'only in the submission that names its exercise');
      assert.match(html, /<caption>One row per submission, one column per check<\/caption>/);
      assert.match(html, /<th scope="col"[^>]*>reflection <span class="person">\(a person marks\)<\/span><\/th>/);
      assert.match(html, /<h2>Most common gaps<\/h2>\s*<ol><li>Write at least five hypotheses/);
    });
  }

  it('refuses what it cannot do with exit 2', () => {
    assert.equal(casemark(['grade', exercise], dir).code, 2);
    assert.equal(casemark(['grade', 'missing.exercise.md', 'cohort'], dir).code, 2);
    assert.match(casemark(['grade', exercise, 'nowhere'], dir).stderr, /no \*\.case\.md submissions in nowhere/);
    assert.equal(casemark(['grade', exercise, 'cohort', '--workers', '0'], dir).code, 2);
    writeFileSync(path.join(dir, 'bad.exercise.md'), '---\ntitle: T\n---\n');
    const bad = casemark(['grade', 'bad.exercise.md', 'cohort'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /needs a `rubric`/);
  });
});
