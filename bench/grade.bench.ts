// Grading 500 generated submissions with worker threads against one thread, in the same run, through the built CLI
// (both runs pay the same start-up). Target: workers / one thread <= 0.65 on a 2-core machine.
// Also printed: two separate one-thread processes, each on half the cohort, at once. No threading scheme inside one
// process can beat that much by much, so it shows what the machine allows.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, time } from './measure';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** 500 submissions: the samples with each learner's own changes, so no two files are alike. */
function writeSubmissions(dir: string, count: number): void {
  const strong = readFileSync(path.join(root, 'samples/strong-analysis.case.md'), 'utf8');
  const weak = readFileSync(path.join(root, 'samples/weak-analysis.case.md'), 'utf8');
  for (let n = 0; n < count; n++) {
    const base = n % 3 === 0 ? weak : strong;
    const extra = Array.from({ length: n % 7 }, (_, k) => `- H${10 + k}: Learner ${n} may think idea ${k} matters.\n  - For: Something seen on visit ${k}. (source: school, 2026-10-0${(k % 9) + 1})\n`).join('');
    writeFileSync(path.join(dir, `learner-${String(n).padStart(3, '0')}.case.md`), base.replace('## Hypotheses\n', `## Hypotheses\n\n${extra}`));
  }
}

export function benchGrade(): number {
  if (!existsSync(path.join(root, 'dist/cli.js'))) spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  const dir = mkdtempSync(path.join(tmpdir(), 'casemark-bench-grade-'));
  try {
    mkdirSync(path.join(dir, 'cohort'));
    writeSubmissions(path.join(dir, 'cohort'), 500);
    for (const half of ['half-a', 'half-b']) mkdirSync(path.join(dir, half));
    for (const [n, file] of readdirSync(path.join(dir, 'cohort')).sort().entries()) copyFileSync(path.join(dir, 'cohort', file), path.join(dir, n % 2 ? 'half-b' : 'half-a', file));
    const workers = Math.max(2, availableParallelism());
    const run = (n: number) => () => {
      const result = spawnSync(process.execPath, [path.join(root, 'bin/casemark.js'), 'grade', path.join(root, 'samples/exercises/unmet-father.exercise.md'), 'cohort', '--out', 'report', '--force', '--workers', String(n)], { cwd: dir, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(result.stderr);
    };
    const cli = (folder: string, out: string) => `"${process.execPath}" "${path.join(root, 'bin/casemark.js')}" grade "${path.join(root, 'samples/exercises/unmet-father.exercise.md')}" ${folder} --out ${out} --workers 1`;
    const twoProcesses = () => {
      rmSync(path.join(dir, 'report-a'), { recursive: true, force: true });
      rmSync(path.join(dir, 'report-b'), { recursive: true, force: true });
      spawnSync('sh', ['-c', `${cli('half-a', 'report-a')} & ${cli('half-b', 'report-b')}; wait`], { cwd: dir, stdio: 'ignore' });
      if (!existsSync(path.join(dir, 'report-a/report.csv')) || !existsSync(path.join(dir, 'report-b/report.csv'))) throw new Error('a half-cohort process failed');
    };
    const one: number[] = [];
    const many: number[] = [];
    const apart: number[] = [];
    for (let round = 0; round < 3; round++) {
      one.push(time(run(1)));
      many.push(time(run(workers)));
      apart.push(time(twoProcesses));
    }
    const ratio = median(many) / median(one);
    console.log('submissions  one thread ms  workers  workers ms  ratio  two processes ms  ratio');
    console.log(
      `500          ${median(one).toFixed(0).padStart(13)}  ${String(workers).padStart(7)}  ${median(many).toFixed(0).padStart(10)}  ${ratio.toFixed(2).padStart(5)}  ${median(apart).toFixed(0).padStart(16)}  ${(median(apart) / median(one)).toFixed(2)}`,
    );
    return ratio;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
