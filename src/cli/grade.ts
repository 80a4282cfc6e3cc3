// `casemark grade EXERCISE SUBMISSIONS_DIR`: every submission checked against the exercise's rubric, on every core
// (worker threads), into report.html and report.csv. A submission that cannot be read is a row with its reason.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { gradeCohort, serveGrading, type Submission } from '../core/exercise/cohort';
import { cohortCsv, cohortHtml, commonGaps } from '../core/exercise/report';
import { readExercise, type Exercise } from '../core/exercise/read';
import { SourceText } from '../core/text/source';
import { readCaseFile, walkCaseFiles } from './files';
import { makeFolder, OutputRefused, Outputs, shownPath } from './output';

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

export async function grade(exercisePath: string, submissions: string, outDir: string, workers: number, io: GradeIo, workerScript?: URL, force = false): Promise<number> {
  const exerciseFile = path.resolve(io.cwd, exercisePath);
  const read = await readCaseFile(exerciseFile);
  if (!read.ok) {
    io.err(`casemark: cannot read ${shownPath(exercisePath)}: ${read.reason}`);
    return 2;
  }
  const exercise = readExercise(read.text);
  const place = new SourceText(read.text, { type: 'root', children: [] });
  for (const problem of exercise.problems) {
    const at = place.point(problem.start);
    io.err(`casemark: ${shownPath(exercisePath)}:${at.line}:${at.column}: ${problem.message}`);
  }
  if (exercise.rubric.length === 0) return 2;

  // The destination is checked before any work: a report that could not be written would waste the whole run.
  const outputs = new Outputs();
  await outputs.addInput(exerciseFile, 'the exercise file');
  const target = path.resolve(io.cwd, outDir);
  const folderProblem = await makeFolder(target);
  if (folderProblem) {
    io.err(`casemark: ${folderProblem}`);
    return 2;
  }
  const folder = path.resolve(io.cwd, submissions);
  const walk = await walkCaseFiles(folder, submissions);
  for (const note of walk.notes) io.err(`casemark: ${note}`);
  for (const file of walk.files) await outputs.addInput(path.join(folder, file), 'one of the submissions');
  const reports = [path.join(target, 'report.html'), path.join(target, 'report.csv')];
  for (const report of reports) {
    const refused = await outputs.refusal(report, force);
    if (refused) {
      io.err(`casemark: not writing ${shownPath(path.relative(io.cwd, report) || report)}: ${refused}`);
      return 2;
    }
  }
  if (walk.files.length === 0) {
    io.err(`casemark: no *.case.md submissions in ${shownPath(submissions)}`);
    return 2;
  }
  const cohort: Submission[] = walk.files.map((file) => ({ file, read: () => readCaseFile(path.join(folder, file)) }));
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
  try {
    await outputs.write(reports[0] as string, cohortHtml(exercise, rows), force);
    await outputs.write(reports[1] as string, cohortCsv(exercise, rows), force);
  } catch (error) {
    io.err(`casemark: ${error instanceof OutputRefused ? 'not writing the report' : 'cannot write the report'}: ${(error as Error).message}`);
    return 2;
  }
  const broken = rows.filter((r) => r.error).length;
  const gaps = commonGaps(exercise, rows).slice(0, 3);
  io.out(`checked ${rows.length} submissions${broken > 0 ? ` (${broken} could not be read)` : ''} against “${exercise.title}”`);
  if (gaps.length > 0) io.out(`most common gaps: ${gaps.map((g) => `${g.id} (${g.count})`).join(', ')}`);
  io.out(`wrote ${path.relative(io.cwd, reports[0] as string) || 'report.html'} and report.csv`);
  return 0;
}

export { availableParallelism };
