// The grading pool: the same rows in submission order in this thread or on workers; unreadable submissions, a
// worker that dies and a cancelled run each give rows with reasons, never a throw or a hang. Workers here are
// in-process stand-ins on EventEmitters (real worker threads are run by the CLI test in grade.test.ts).
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { decodeCaseFile, gradeCohort, serveGrading, type GradeJob, type GradeWorker, type Submission } from '../../../src/core/exercise/cohort';
import { readExercise } from '../../../src/core/exercise/read';
import { gradeSubmission } from '../../../src/core/exercise/report';

const exercise = readExercise(readFileSync(new URL('../../../samples/exercises/unmet-father.exercise.md', import.meta.url), 'utf8'));
const strong = readFileSync(new URL('../../../samples/strong-analysis.case.md', import.meta.url), 'utf8');
const weak = readFileSync(new URL('../../../samples/weak-analysis.case.md', import.meta.url), 'utf8');

function cohort(count: number): Submission[] {
  return Array.from({ length: count }, (_, n) => ({
    file: `learner-${n}.case.md`,
    read: async () => (n === 3 ? { ok: false as const, reason: 'permission denied' } : { ok: true as const, text: n % 2 ? weak : strong }),
  }));
}

interface FakeWorker extends GradeWorker {
  jobs: number[];
  mostAhead: number;
}

/** A worker whose far side is serveGrading, one event-loop turn away; `dieOn` makes it fail at that submission. */
function fakeWorker(dieOn?: number): FakeWorker {
  const near = new EventEmitter();
  const far = new EventEmitter();
  let waiting = 0;
  const worker: FakeWorker = {
    jobs: [],
    mostAhead: 0,
    postMessage(job: GradeJob | null) {
      if (job) {
        worker.jobs.push(job.index);
        worker.mostAhead = Math.max(worker.mostAhead, ++waiting);
      }
      setImmediate(() => far.emit('message', job));
    },
    on(event: string, listener: (...args: never[]) => void) {
      near.on(event, listener as (...args: unknown[]) => void);
      return worker;
    },
  };
  let dead = false;
  serveGrading(
    {
      on: (event, listener) => far.on(event, (job: GradeJob | null) => {
        if (dead) return;
        if (job && job.index === dieOn) {
          // After the replies already sent, as a real worker's are delivered before its error.
          dead = true;
          setImmediate(() => {
            near.emit('error', new Error('out of memory'));
            near.emit('exit');
          });
          return;
        }
        listener(job);
      }),
      postMessage: (reply) => {
        waiting--;
        setImmediate(() => near.emit('message', reply));
      },
      close: () => setImmediate(() => near.emit('exit')),
    },
    exercise,
  );
  return worker;
}

describe('grading a cohort', () => {
  const expected = cohort(9).map((s, n) => (n === 3 ? undefined : gradeSubmission(exercise, s.file, n % 2 ? weak : strong)));

  it('in this thread: a row a submission, in order, an unreadable one with its reason, progress for each', async () => {
    const seen: number[] = [];
    const rows = await gradeCohort(exercise, cohort(9), { workers: 1, progress: (done, total) => seen.push(done * 100 + total) });
    assert.deepEqual(rows.map((r) => r.file), cohort(9).map((s) => s.file));
    assert.equal(rows[3]?.error, 'permission denied');
    rows.forEach((row, n) => n !== 3 && assert.deepEqual(row, expected[n]));
    assert.deepEqual(seen, Array.from({ length: 9 }, (_, n) => (n + 1) * 100 + 9));
  });

  it('on workers: the same rows, shared between them, each kept at most two submissions ahead', async () => {
    const workers: FakeWorker[] = [];
    const rows = await gradeCohort(exercise, cohort(9), { workers: 2, startWorker: () => (workers.push(fakeWorker()), workers.at(-1) as FakeWorker) });
    assert.equal(workers.length, 2);
    assert.deepEqual(rows.map((r) => r.file), cohort(9).map((s) => s.file));
    rows.forEach((row, n) => (n === 3 ? assert.equal(row.error, 'permission denied') : assert.deepEqual(row, expected[n])));
    assert.ok(workers.every((w) => w.jobs.length >= 2), `both work: ${workers.map((w) => w.jobs.length)}`);
    assert.deepEqual([...workers.flatMap((w) => w.jobs)].sort(), [0, 1, 2, 4, 5, 6, 7, 8], 'each readable submission sent once; the unreadable one never');
    assert.ok(workers.every((w) => w.mostAhead <= 2), `ahead: ${workers.map((w) => w.mostAhead)}`);
  });

  it('a worker that dies costs its submission a row with the reason; the rest are still checked', async () => {
    let started = 0;
    const rows = await gradeCohort(exercise, cohort(9), { workers: 2, startWorker: () => fakeWorker(started++ === 0 ? 2 : undefined) });
    assert.equal(rows.length, 9);
    assert.equal(rows[2]?.error, 'checking failed: out of memory');
    rows.forEach((row, n) => n !== 2 && n !== 3 && assert.deepEqual(row, expected[n], row.file));
  });

  it('stops handing out submissions when cancelled, and returns what was checked', async () => {
    let done = 0;
    const rows = await gradeCohort(exercise, cohort(40), { workers: 2, startWorker: () => fakeWorker(), progress: (n) => (done = n), cancelled: () => done >= 5 });
    assert.ok(rows.length >= 5 && rows.length < 40, `${rows.length} rows`);
    assert.ok(rows.every(Boolean));
    done = 0;
    const alone = await gradeCohort(exercise, cohort(40), { workers: 1, progress: (n) => (done = n), cancelled: () => done >= 5 });
    assert.equal(alone.length, 5);
  });

  it('reads bytes as case-file text, or says why not', () => {
    assert.deepEqual(decodeCaseFile(new TextEncoder().encode('# Café')), { ok: true, text: '# Café' });
    assert.deepEqual(decodeCaseFile(new Uint8Array([35, 0, 1])), { ok: false, reason: 'looks like a binary file, not Markdown text' });
    assert.match((decodeCaseFile(new Uint8Array(6 * 1024 * 1024)) as { reason: string }).reason, /^is 6\.0 MB, over the 5 MB limit/);
  });
});
