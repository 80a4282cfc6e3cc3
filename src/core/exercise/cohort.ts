// Grading a cohort: every submission against one exercise, on worker threads when the host gives them (the CLI and
// the desktop extension host), else in this thread with a pause between files so an editor stays responsive.
// Pure: the host supplies how to read a submission and how to start a worker.
import { loadNameTagger, mayNeedNameTagger, nameTaggerReady } from '../anonymise/detect';
import type { Exercise } from './read';
import { failedRow, gradeSubmission, type SubmissionRow } from './report';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export const maxCaseFileBytes = 5 * 1024 * 1024;

/** Why a file of this many bytes is not read as a case file, if it is too big. */
export function overSizeReason(size: number): string | undefined {
  return size > maxCaseFileBytes ? `is ${(size / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit for a case file` : undefined;
}

/** A file's bytes as case-file text, or why not: over-size and binary files are reasons, not crashes. */
export function decodeCaseFile(bytes: Uint8Array): ReadResult {
  const overSize = overSizeReason(bytes.length);
  if (overSize) return { ok: false, reason: overSize };
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'looks like a binary file, not Markdown text' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, reason: `is not valid UTF-8 text (the first bad byte is at line ${lineOfByte(bytes, at)}, byte ${at + 1}); save it as UTF-8 and try again` };
  }
}

/** Where the first byte that is not part of a valid UTF-8 sequence is. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] as number;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export interface Submission {
  /** The submission's name in the report: its path under the cohort folder, never anything from its content. */
  file: string;
  read: () => Promise<ReadResult>;
}

/** What the main thread sends a worker: one submission's text, or null when there is nothing more. */
export interface GradeJob {
  index: number;
  file: string;
  text: string;
}

export interface GradeReply {
  index: number;
  row: SubmissionRow;
}

/** The part of a Node worker_threads Worker the pool uses. */
export interface GradeWorker {
  postMessage(job: GradeJob | null): void;
  on(event: 'message', listener: (reply: GradeReply) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: () => void): unknown;
}

/** The worker's side of the channel: a worker_threads parentPort. */
export interface GradePort {
  on(event: 'message', listener: (job: GradeJob | null) => void): unknown;
  postMessage(reply: GradeReply): void;
  close(): void;
}

export interface CohortOptions {
  /** How many workers to start; 1 or no `startWorker` grades in this thread. */
  workers: number;
  startWorker?: (exercise: Exercise) => GradeWorker;
  /** Called after each submission: done, total. */
  progress?: (done: number, total: number) => void;
  /** Stops handing out submissions; those not yet checked are left out of the result. */
  cancelled?: () => boolean;
}

/**
 * Each worker is kept two submissions ahead, so it never waits for a busy main thread before starting the next
 * (with one at a time, each worker sat idle about 8% of a run on a 2-core machine).
 */
const AHEAD = 2;

/** Grades one text, loading the name tagger first when the text may need it (it takes a third of a second). */
async function gradeText(exercise: Exercise, file: string, text: string): Promise<SubmissionRow> {
  // Grading uses no settings but the text's own.
  if (!nameTaggerReady() && mayNeedNameTagger(text, undefined)) await loadNameTagger();
  return gradeSubmission(exercise, file, text);
}

/** In a worker: grade each submission as it arrives, reply with its row, stop at null (after the rest). */
export function serveGrading(port: GradePort, exercise: Exercise): void {
  let last: Promise<void> = Promise.resolve();
  port.on('message', (job) => {
    // In order: a submission waiting for the tagger is not overtaken, and null closes only after the others.
    last = last.then(async () => {
      if (job === null) port.close();
      else port.postMessage({ index: job.index, row: await gradeText(exercise, job.file, job.text) });
    });
  });
}

async function gradeHere(exercise: Exercise, submission: Submission): Promise<SubmissionRow> {
  const read = await submission.read();
  return read.ok ? gradeText(exercise, submission.file, read.text) : failedRow(exercise, submission.file, read.reason);
}

/** Rows in submission order; a submission that cannot be read or checked is a row with its reason, never a throw. */
export async function gradeCohort(exercise: Exercise, submissions: readonly Submission[], options: CohortOptions): Promise<SubmissionRow[]> {
  const rows = new Array<SubmissionRow | undefined>(submissions.length);
  let done = 0;
  const finish = (index: number, row: SubmissionRow): void => {
    rows[index] = row;
    options.progress?.(++done, submissions.length);
  };
  const cancelled = (): boolean => options.cancelled?.() ?? false;
  const count = Math.min(options.workers, submissions.length);
  const start = options.startWorker;
  let next = 0;
  if (count > 1 && start) {
    await Promise.all(Array.from({ length: count }, () => runWorker(start(exercise))));
  }
  // In this thread: everything when there are no workers, else whatever a dead worker never finished.
  let paused = Date.now();
  for (let index = 0; index < submissions.length; index++) {
    if (rows[index] || (cancelled() && index >= next)) continue;
    finish(index, await gradeHere(exercise, submissions[index] as Submission));
    // Give the host's event loop a turn now and then: progress, cancellation and typing stay live.
    if (Date.now() - paused > 50) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      paused = Date.now();
    }
  }
  return rows.filter((row): row is SubmissionRow => row !== undefined);

  function runWorker(worker: GradeWorker): Promise<void> {
    return new Promise<void>((resolve) => {
      // Submissions this worker has been given (or is being read for it), oldest first.
      const given: number[] = [];
      let ended = false;
      const feed = async (): Promise<void> => {
        while (!ended && given.length < AHEAD) {
          if (next >= submissions.length || cancelled()) {
            if (given.length === 0) {
              ended = true;
              worker.postMessage(null);
            }
            return;
          }
          const index = next++;
          const submission = submissions[index] as Submission;
          given.push(index);
          const read = await submission.read();
          if (!read.ok) {
            given.splice(given.indexOf(index), 1);
            finish(index, failedRow(exercise, submission.file, read.reason));
            continue;
          }
          worker.postMessage({ index, file: submission.file, text: read.text });
        }
      };
      worker.on('message', ({ index, row }) => {
        const at = given.indexOf(index);
        if (at < 0) return;
        given.splice(at, 1);
        finish(index, row);
        void feed();
      });
      // A worker that dies costs the submission it was on a row with the reason, never the run; what it had been
      // given besides is checked in this thread afterwards.
      worker.on('error', (error) => {
        ended = true;
        const current = given.shift();
        if (current !== undefined) finish(current, failedRow(exercise, (submissions[current] as Submission).file, `checking failed: ${error.message}`));
      });
      worker.on('exit', () => {
        ended = true;
        resolve();
      });
      void feed();
    });
  }
}
