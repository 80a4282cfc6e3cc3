// casemark lint on worker threads: budgets stop one file and the run goes on; the cache; the flags.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCase } from '../../bench/generate';
import { analyse, defaultBudget, readBudget, stoppedText } from '../../src/core/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/casemark.js');

function casemark(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const small = generateCase(60);
/** About 4 MB: several seconds of work, far over a 0.3 s budget, under the 5 MB limit. */
const big = generateCase(80_000);

describe('casemark lint: budgets, workers and cache', function () {
  this.timeout(180_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'casemark-lint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops a file over the time budget with one message at its top, and checks the next file', () => {
    writeFileSync(path.join(dir, 'a-big.case.md'), big);
    writeFileSync(path.join(dir, 'b-small.case.md'), small);
    const started = Date.now();
    const run = casemark(['lint', '.', '--time-budget', '0.3', '--format', 'json'], dir);
    const elapsed = Date.now() - started;
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as Array<{ path: string; messages: Array<{ ruleId: string; line: number; reason: string }> }>;
    const bigFile = report.find((f) => f.path.endsWith('a-big.case.md'));
    const smallFile = report.find((f) => f.path.endsWith('b-small.case.md'));
    assert.deepEqual(bigFile?.messages.map((m) => [m.ruleId, m.line]), [['analysis-stopped', 1]]);
    assert.match(bigFile?.messages[0]?.reason ?? '', /^CaseMark stopped after [\d.]+ s: checking it would take longer than the time budget of 0\.3 s .*; the rest of the file was not checked\.$/);
    assert.deepEqual(smallFile?.messages.map((m) => m.ruleId), analyse(small, { path: 'b-small.case.md' }).messages.map((m) => m.ruleId));
    // Stopped, not finished: the whole run (two process starts, a worker each) is far shorter than the big file's analysis.
    assert.ok(elapsed < 20_000, `${elapsed} ms`);
  });

  it('stops a file over the memory budget and says so', () => {
    writeFileSync(path.join(dir, 'big.case.md'), big);
    const run = casemark(['lint', 'big.case.md', '--memory-budget', '64', '--workers', '1'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /1:1-1:1\s+error\s+CaseMark stopped after [\d.]+ s: checking it would need more than the memory budget of 64 MB .*; the rest of the file was not checked\.\s+analysis-stopped/);
  });

  it('gives the same report on worker threads as in one thread, in the order of the files', () => {
    for (let i = 0; i < 6; i++) writeFileSync(path.join(dir, `f${i}.case.md`), generateCase(40 + i * 30, i + 1));
    const pooled = casemark(['lint', '.', '--workers', '2'], dir);
    const single = casemark(['lint', '.', '--workers', '1'], dir);
    assert.equal(pooled.stdout, single.stdout);
    assert.ok(pooled.stdout.indexOf('f0.case.md') < pooled.stdout.indexOf('f5.case.md'));
  });

  it('--cache: the second run reads unchanged files from the cache, and a changed file is checked again', () => {
    writeFileSync(path.join(dir, 'a.case.md'), small);
    writeFileSync(path.join(dir, 'b.case.md'), generateCase(80, 3));
    const first = casemark(['lint', '.', '--cache'], dir);
    const cache = JSON.parse(readFileSync(path.join(dir, '.casemarkcache'), 'utf8')) as { format: string; entries: Record<string, unknown> };
    assert.equal(cache.format, 'casemark-lint-cache');
    assert.equal(Object.keys(cache.entries).length, 2);
    // Plant a different result for a.case.md under its real hash: a run that trusts the cache reports it.
    const key = Object.keys(cache.entries).find((k) => k.endsWith('a.case.md')) as string;
    (cache.entries[key] as { messages: unknown[] }).messages = [{ ruleId: 'hypotheses-missing', severity: 'warning', reason: 'from the cache', place: { start: { line: 2, column: 1 }, end: { line: 2, column: 4 } } }];
    writeFileSync(path.join(dir, '.casemarkcache'), JSON.stringify(cache));
    const second = casemark(['lint', '.', '--cache'], dir);
    assert.match(second.stdout, /2:1-2:4\s+warning\s+from the cache/);
    writeFileSync(path.join(dir, 'a.case.md'), `${small}\n`);
    const third = casemark(['lint', '.', '--cache'], dir);
    assert.doesNotMatch(third.stdout, /from the cache/);
    assert.equal(third.stdout, first.stdout);
  });

  it('--cache-location never writes over a file that is not its cache', () => {
    writeFileSync(path.join(dir, 'a.case.md'), small);
    writeFileSync(path.join(dir, 'notes.md'), 'my notes\n');
    const run = casemark(['lint', 'a.case.md', '--cache-location', 'notes.md'], dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /notes\.md exists and is not a CaseMark lint cache; not writing over it/);
    assert.equal(readFileSync(path.join(dir, 'notes.md'), 'utf8'), 'my notes\n');
    const own = casemark(['lint', 'a.case.md', '--cache-location', 'a.case.md'], dir);
    assert.equal(own.code, 2);
    assert.equal(readFileSync(path.join(dir, 'a.case.md'), 'utf8'), small);
    // Nor through a link, even to a cache of its own.
    assert.equal(casemark(['lint', 'a.case.md', '--cache-location', 'real-cache'], dir).code, 0);
    const cacheText = readFileSync(path.join(dir, 'real-cache'), 'utf8');
    symlinkSync('real-cache', path.join(dir, 'linked-cache'));
    const linked = casemark(['lint', 'a.case.md', '--cache-location', 'linked-cache'], dir);
    assert.equal(linked.code, 2, linked.stderr);
    assert.match(linked.stderr, /not using .*linked-cache as the lint cache: it is a symbolic link/);
    assert.equal(readFileSync(path.join(dir, 'real-cache'), 'utf8'), cacheText);
    assert.ok(lstatSync(path.join(dir, 'linked-cache')).isSymbolicLink(), 'the link is left as it was');
  });

  it('refuses bad budget and worker numbers with exit 2', () => {
    for (const flags of [['--workers', '0'], ['--time-budget', 'soon'], ['--memory-budget', '10']]) {
      const run = casemark(['lint', '.', ...flags], dir);
      assert.equal(run.code, 2, flags.join(' '));
      assert.match(run.stderr, new RegExp(`--${flags[0]?.slice(2)} takes`));
    }
  });

  it('in one thread, analyse stops itself between steps once the budget is spent', () => {
    const analysis = analyse(big, { path: 'big.case.md', budget: { timeSeconds: 0.05, memoryMb: 4096 } });
    assert.equal(analysis.stopped, true);
    assert.deepEqual(analysis.messages.map((m) => [m.ruleId, m.line, m.severity]), [['analysis-stopped', 1, 'error']]);
    assert.equal(analysis.messages[0]?.url, 'docs/performance.md');
    assert.equal(analyse(small, { path: 'small.case.md', budget: defaultBudget }).stopped, undefined);
  });

  it('reads budgets from settings with sensible defaults', () => {
    assert.deepEqual(readBudget(undefined, undefined), { timeSeconds: 10, memoryMb: 1024 });
    assert.deepEqual(readBudget(3, 512), { timeSeconds: 3, memoryMb: 512 });
    assert.deepEqual(readBudget(-1, 'lots'), defaultBudget);
    assert.equal(stoppedText(12_345, 'time', defaultBudget).startsWith('CaseMark stopped after 12 s: '), true);
    assert.equal(stoppedText(1_234, 'memory', defaultBudget).startsWith('CaseMark stopped after 1.2 s: '), true);
  });
});
