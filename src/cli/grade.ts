// `casemark grade EXERCISE SUBMISSIONS_DIR`: every submission checked against the exercise's rubric, on every core
// (worker threads), into report.html and report.csv. A submission that cannot be read is a row with its reason.
import { availableParallelism } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { glob } from 'tinyglobby';
import { cohortCsv, cohortHtml, commonGaps, failedRow, gradeSubmission, type SubmissionRow } from '../core/exercise/report';
import { readExercise, type Exercise } from '../core/exercise/read';
import { readCaseFile } from './files';

interface Job {
  index: number;
  file: string;
  absolute: string;
}

async function gradeOne(exercise: Exercise, job: Job): Promise<SubmissionRow> {
  const read = await readCaseFile(job.absolute);
  return read.ok ? gradeSubmission(exercise, job.file, read.text) : failedRow(exercise, job.file, read.reason);
}

/** In a worker: grade the jobs the main thread sends, one at a time, until it sends null. */
export function runGradeWorker(): boolean {
  if (isMainThread || !(workerData as { casemarkGrade?: boolean } | undefined)?.casemarkGrade) return false;
  const exercise = (workerData as { exercise: Exercise }).exercise;
  parentPort?.on('message', (job: Job | null) => {
    if (job === null) {
      parentPort?.close();
      return;
    }
    void gradeOne(exercise, job).then((row) => parentPort?.postMessage({ index: job.index, row }));
  });
  return true;
}

export interface GradeOptions {
  workers: number;
  /** Called after each submission: done, total. */
  progress?: (done: number, total: number) => void;
  /** This module's own file, for the workers to run (the bundled CLI). */
  workerScript?: URL;
}

export async function gradeAll(exercise: Exercise, jobs: Job[], options: GradeOptions): Promise<SubmissionRow[]> {
  const rows = new Array<SubmissionRow>(jobs.length);
  let done = 0;
  const finish = (index: number, row: SubmissionRow): void => {
    rows[index] = row;
    options.progress?.(++done, jobs.length);
  };
  const count = Math.min(options.workers, jobs.length);
  if (count <= 1 || !options.workerScript) {
    for (const job of jobs) finish(job.index, await gradeOne(exercise, job));
    return rows;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: count }, () => {
      const worker = new Worker(options.workerScript as URL, { workerData: { casemarkGrade: true, exercise } });
      return new Promise<void>((resolve) => {
        const send = (): void => {
          const job = jobs[next++];
          worker.postMessage(job ?? null);
        };
        let current: Job | undefined;
        const sendNext = (): void => {
          current = jobs[next];
          send();
        };
        worker.on('message', ({ index, row }: { index: number; row: SubmissionRow }) => {
          current = undefined;
          finish(index, row);
          sendNext();
        });
        // A worker that dies costs its current submission a row with the reason, never the run.
        worker.on('error', (error) => {
          if (current) finish(current.index, failedRow(exercise, current.file, `checking failed: ${error.message}`));
          current = undefined;
        });
        worker.on('exit', () => resolve());
        sendNext();
      });
    }),
  );
  // Anything a dead worker never reached is graded here.
  for (const job of jobs) if (!rows[job.index]) finish(job.index, await gradeOne(exercise, job));
  return rows;
}

export interface GradeIo {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** A terminal to draw a progress bar on, if any. */
  tty?: { write: (text: string) => void; columns?: number };
}

export async function grade(exercisePath: string, submissions: string, outDir: string, workers: number, io: GradeIo, workerScript?: URL): Promise<number> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, exercisePath), 'utf8');
  } catch (error) {
    io.err(`casemark: cannot read ${exercisePath}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    return 2;
  }
  const exercise = readExercise(text);
  for (const problem of exercise.problems) io.err(`casemark: ${exercisePath}: ${problem.message}`);
  if (exercise.rubric.length === 0) return 2;
  const folder = path.resolve(io.cwd, submissions);
  const files = (await glob('**/*.case.md', { cwd: folder, ignore: ['**/node_modules/**', '**/.git/**'] }).catch(() => [])).sort();
  if (files.length === 0) {
    io.err(`casemark: no *.case.md submissions in ${submissions}`);
    return 2;
  }
  const jobs = files.map((file, index) => ({ index, file, absolute: path.join(folder, file) }));
  const bar = io.tty;
  const progress = bar
    ? (done: number, total: number): void => {
        const width = Math.max(10, Math.min(40, (bar.columns ?? 80) - 30));
        const filled = Math.round((done / total) * width);
        bar.write(`\rchecking [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
      }
    : undefined;
  const rows = await gradeAll(exercise, jobs, { workers, progress, workerScript });
  const target = path.resolve(io.cwd, outDir);
  await mkdir(target, { recursive: true });
  await writeFile(path.join(target, 'report.html'), cohortHtml(exercise, rows));
  await writeFile(path.join(target, 'report.csv'), cohortCsv(exercise, rows));
  const broken = rows.filter((r) => r.error).length;
  const gaps = commonGaps(exercise, rows).slice(0, 3);
  io.out(`checked ${rows.length} submissions${broken > 0 ? ` (${broken} could not be read)` : ''} against “${exercise.title}”`);
  if (gaps.length > 0) io.out(`most common gaps: ${gaps.map((g) => `${g.id} (${g.count})`).join(', ')}`);
  io.out(`wrote ${path.relative(io.cwd, path.join(target, 'report.html')) || 'report.html'} and report.csv`);
  return 0;
}

export { availableParallelism };
