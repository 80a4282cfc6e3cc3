// `casemark grade EXERCISE SUBMISSIONS_DIR`: every submission checked against the exercise's rubric, on every core
// (worker threads), into report.html and report.csv. A submission that cannot be read is a row with its reason.
import { availableParallelism } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { glob } from 'tinyglobby';
import { gradeCohort, serveGrading, type Submission } from '../core/exercise/cohort';
import { cohortCsv, cohortHtml, commonGaps } from '../core/exercise/report';
import { readExercise, type Exercise } from '../core/exercise/read';
import { readCaseFile } from './files';

/** In a worker: serve the grading pool. False on the main thread, or in a worker that is not grading. */
export function runGradeWorker(): boolean {
  if (isMainThread || !parentPort || !(workerData as { casemarkGrade?: boolean } | undefined)?.casemarkGrade) return false;
  serveGrading(parentPort, (workerData as { exercise: Exercise }).exercise);
  return true;
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
  const cohort: Submission[] = files.map((file) => ({ file, read: () => readCaseFile(path.join(folder, file)) }));
  const bar = io.tty;
  const progress = bar
    ? (done: number, total: number): void => {
        const width = Math.max(10, Math.min(40, (bar.columns ?? 80) - 30));
        const filled = Math.round((done / total) * width);
        bar.write(`\rchecking [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
      }
    : undefined;
  const startWorker = workerScript ? (data: Exercise) => new Worker(workerScript, { workerData: { casemarkGrade: true, exercise: data } }) : undefined;
  const rows = await gradeCohort(exercise, cohort, { workers, progress, startWorker });
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
