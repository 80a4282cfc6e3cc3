// casemark lint against markdownlint-cli2 on the same files in one run (whole-process wall time, medians of
// interleaved rounds, both with their default output); the pathological inputs, each with its time and peak memory
// against the budget; grading cost per submission against lint cost with the same workers; memory per worker.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultBudget } from '../src/core/index';
import { generateCase, generateHypothesisList } from './generate';
import { median } from './measure';
import { pathologicalInputs } from './pathological';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const casemarkBin = path.join(root, 'bin/casemark.js');
const markdownlintBin = path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');

interface Measured {
  ms: number;
  peakMb: number;
  stdout: string;
  stderr: string;
}

/** One process: its wall time and peak resident memory (GNU time's %M). */
function measure(args: string[], cwd: string): Measured {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  const lines = result.stderr.trim().split('\n');
  return { ms, peakMb: Number(lines[lines.length - 1]) / 1024, stdout: result.stdout, stderr: result.stderr };
}

function rounds(count: number, runs: Record<string, () => Measured>): Record<string, Measured[]> {
  const out: Record<string, Measured[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  // Interleaved, so a busy moment on the machine hits every side alike.
  for (let i = 0; i < count; i++) for (const [name, run] of Object.entries(runs)) out[name]?.push(run());
  return out;
}

const ms = (list: Measured[] | undefined) => median((list ?? []).map((m) => m.ms));

export interface LintBench {
  manyFiles: number;
  longList: number;
  pathologicalOk: boolean;
  gradePerLint: number;
  workerMb: number;
}

export function benchLint(): LintBench {
  if (!existsSync(path.join(root, 'dist/cli.js'))) spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (!existsSync(markdownlintBin)) throw new Error('markdownlint-cli2 is not installed (a dev dependency): npm install');
  const dir = mkdtempSync(path.join(tmpdir(), 'casemark-bench-lint-'));
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  try {
    mkdirSync(path.join(dir, 'many'));
    // 300 four-kilobyte submissions, no two alike.
    for (let n = 0; n < 300; n++) writeFileSync(path.join(dir, 'many', `s${String(n).padStart(3, '0')}.case.md`), generateCase(68, n + 1));
    mkdirSync(path.join(dir, 'long'));
    writeFileSync(path.join(dir, 'long', 'long.case.md'), generateHypothesisList(1_500));
    const kb = (file: string) => (readFileSync(file).length / 1024).toFixed(0);
    console.log(`300 files of about ${kb(path.join(dir, 'many', 's000.case.md'))} KB; one file of 1,500 hypotheses, ${kb(path.join(dir, 'long', 'long.case.md'))} KB`);

    const many = rounds(5, {
      casemark: () => measure([casemarkBin, 'lint', 'many'], dir),
      markdownlint: () => measure([markdownlintBin, 'many/**/*.md'], dir),
      casemarkOneWorker: () => measure([casemarkBin, 'lint', 'many', '--workers', '1'], dir),
      casemarkTwoWorkers: () => measure([casemarkBin, 'lint', 'many', '--workers', '2'], dir),
      casemarkCached: () => measure([casemarkBin, 'lint', 'many', '--cache-location', path.join(dir, 'cache')], dir),
    });
    const long = rounds(5, {
      casemark: () => measure([casemarkBin, 'lint', 'long'], dir),
      markdownlint: () => measure([markdownlintBin, 'long/**/*.md'], dir),
    });
    const manyRatio = ms(many.casemark) / ms(many.markdownlint);
    const longRatio = ms(long.casemark) / ms(long.markdownlint);
    console.log('files           casemark ms  markdownlint-cli2 ms  ratio   (one worker ms, two workers ms, warm cache ms)');
    console.log(`300 submissions ${ms(many.casemark).toFixed(0).padStart(11)}  ${ms(many.markdownlint).toFixed(0).padStart(20)}  ${manyRatio.toFixed(2).padStart(5)}   (${ms(many.casemarkOneWorker).toFixed(0)}, ${ms(many.casemarkTwoWorkers).toFixed(0)}, ${ms(many.casemarkCached).toFixed(0)})`);
    console.log(`1,500 hyp.      ${ms(long.casemark).toFixed(0).padStart(11)}  ${ms(long.markdownlint).toFixed(0).padStart(20)}  ${longRatio.toFixed(2).padStart(5)}`);

    // Memory per worker: peak memory with two workers less with one, on the same 300 files (the default starts one
    // worker for so little text, so both counts are given).
    const two = median((many.casemarkTwoWorkers ?? []).map((m) => m.peakMb));
    const one = median((many.casemarkOneWorker ?? []).map((m) => m.peakMb));
    const workerMb = Math.max(0, two - one);
    console.log(`peak memory: ${one.toFixed(0)} MB with one worker, ${two.toFixed(0)} MB with two: about ${workerMb.toFixed(0)} MB per worker (target < 150)`);

    // Grading the same 300 files as a cohort, with the same workers.
    const exercise = path.join(root, 'samples/exercises/unmet-father.exercise.md');
    const graded = rounds(3, {
      grade: () => measure([casemarkBin, 'grade', exercise, 'many', '--out', path.join(dir, 'report'), '--force', '--workers', String(availableParallelism())], dir),
      lint: () => measure([casemarkBin, 'lint', 'many', '--workers', String(availableParallelism()), '--format', 'json'], dir),
    });
    const gradePerLint = ms(graded.grade) / ms(graded.lint);
    console.log(`grading 300 submissions ${ms(graded.grade).toFixed(0)} ms (${(ms(graded.grade) / 300).toFixed(1)} ms each), linting them ${ms(graded.lint).toFixed(0)} ms: ${gradePerLint.toFixed(2)} (target <= 1.2)`);

    // The pathological inputs: each finishes or is stopped within its budget (plus the process start).
    mkdirSync(path.join(dir, 'odd'));
    let pathologicalOk = true;
    const limitMs = defaultBudget.timeSeconds * 1000 + 3_000;
    console.log(`input                                         command   ms      peak MB  (budget ${defaultBudget.timeSeconds} s, ${defaultBudget.memoryMb} MB)`);
    for (const [n, input] of pathologicalInputs().entries()) {
      const file = path.join(dir, 'odd', `p${n}.case.md`);
      writeFileSync(file, input.text);
      const args = input.command === 'genogram' ? [casemarkBin, 'genogram', file, '--out', path.join(dir, 'odd', `drawn${n}`), '--force'] : input.command === 'share' ? [casemarkBin, 'share', file] : [casemarkBin, 'lint', file];
      const result = measure(args, dir);
      // lint reports the stop with the file's messages; share, which then makes no copy, on stderr.
      const stopped = /CaseMark stopped after/.test(result.stdout + result.stderr);
      const ok = result.ms <= limitMs && result.peakMb <= defaultBudget.memoryMb + 300;
      pathologicalOk &&= ok;
      console.log(`${input.name.padEnd(45)} ${input.command.padEnd(9)} ${result.ms.toFixed(0).padEnd(7)} ${result.peakMb.toFixed(0).padEnd(8)} ${stopped ? 'stopped, said so' : 'finished'} ${ok ? 'ok' : 'OVER'}`);
    }
    console.log(`load average at end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    return { manyFiles: manyRatio, longList: longRatio, pathologicalOk, gradePerLint, workerMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
