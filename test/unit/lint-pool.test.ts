// The lint pool on real worker threads (the built CLI is their script): jobs added while earlier ones run, results in
// the order added, the number of workers chosen from the text when it is CaseMark's to choose, and a stop mid-stream.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCase } from '../../bench/generate';
import { LintPool, lintText, type LintJob } from '../../src/cli/lint-pool';
import { defaultBudget } from '../../src/core/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = pathToFileURL(path.join(root, 'dist/cli.js'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const job = (n: number, text = generateCase(20, n + 1)): LintJob => ({ index: n, path: `s${n}.case.md`, text, config: [] });

describe('the lint pool', function () {
  this.timeout(60_000);
  before(function () {
    if (!existsSync(script)) throw new Error('dist/cli.js is not built: npm run build');
  });

  it('lints jobs added while earlier ones run, and answers in the order they were added', async () => {
    const jobs = Array.from({ length: 8 }, (_, n) => job(n));
    const pool = new LintPool({ workers: 2, budget: defaultBudget, script }, jobs.length);
    for (const [n, each] of jobs.entries()) {
      pool.add(each);
      if (n % 3 === 0) await sleep(50);
    }
    const results = await pool.finish();
    const expected = await Promise.all(jobs.map((each) => lintText(each, defaultBudget)));
    assert.deepEqual(results, expected);
    assert.ok(results.every((messages) => messages.length > 0), 'each generated case has messages');
    assert.equal(pool.workersStarted, 2, 'two workers, as asked');
  });

  it('starts one worker for a little text and another for each textPerWorker characters, up to the most asked', async () => {
    const little = new LintPool({ workers: 2, textPerWorker: 1_000_000, budget: defaultBudget, script }, 6);
    for (let n = 0; n < 6; n++) little.add(job(n));
    await little.finish();
    assert.equal(little.workersStarted, 1, 'six small files: one worker');

    const text = generateCase(20, 1);
    const much = new LintPool({ workers: 2, textPerWorker: text.length * 2, budget: defaultBudget, script }, 6);
    for (let n = 0; n < 6; n++) much.add(job(n, text));
    await much.finish();
    assert.equal(much.workersStarted, 2, 'three times the text per worker, capped at two workers');
  });

  it('starts no worker when nothing is added', async () => {
    const pool = new LintPool({ workers: 2, budget: defaultBudget, script }, 10);
    assert.deepEqual(await pool.finish(), []);
    assert.equal(pool.workersStarted, 0);
  });

  it('stops a file over the time budget and lints the ones added after it', async () => {
    // Room for a small file in a cold worker on a busy machine; the 4 MB file takes several times as long.
    const budget = { ...defaultBudget, timeSeconds: 2 };
    const pool = new LintPool({ workers: 1, budget, script }, 3);
    pool.add(job(0));
    pool.add(job(1, generateCase(80_000)));
    await sleep(1_500);
    pool.add(job(2));
    const [first, big, last] = await pool.finish();
    assert.ok(first?.length && first.every((m) => m.ruleId !== 'analysis-stopped'), 'the first file is checked');
    assert.deepEqual(big?.map((m) => m.ruleId), ['analysis-stopped'], 'the big file is stopped, with one message');
    assert.ok(last?.length && last.every((m) => m.ruleId !== 'analysis-stopped'), 'the file added after the stop is checked');
  });
});
