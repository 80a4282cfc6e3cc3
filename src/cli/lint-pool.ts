// `casemark lint` on worker threads: every file analysed in a worker whose heap is capped at the memory budget and
// which is ended when a file takes longer than the time budget; that file gets one message saying so and the run
// goes on with a fresh worker. Workers are kept two files ahead, as the grading pool does (src/core/exercise/cohort.ts).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyse, loadNameTagger, mayNeedNameTagger, nameTaggerReady, stoppedText, toWire, type AnalysisBudget, type PartialConfig, type StopCause, type WireMessage } from '../core/index';

export interface LintJob {
  index: number;
  path: string;
  text: string;
  config: Array<PartialConfig | undefined>;
}

export interface LintReply {
  index: number;
  messages: WireMessage[];
}

interface LintWorkerData {
  casemarkLint: true;
  budget: AnalysisBudget;
}

const AHEAD = 2;
/** Characters of text per worker when the count is CaseMark's to choose: about 500 four-kilobyte case files. */
export const textPerWorker = 2_000_000;
/** A worker's own start-up, and the cooperative check's granularity, on top of the budget before it is ended. */
const graceMs = 250;

/** One file's messages, here: what a worker does, and what a run with no workers does in this thread. */
export async function lintText(job: LintJob, budget: AnalysisBudget): Promise<WireMessage[]> {
  if (!nameTaggerReady() && mayNeedNameTagger(job.text, job.config)) await loadNameTagger();
  return toWire(analyse(job.text, { path: job.path, config: job.config, budget }).messages);
}

/** In a worker: lint each file as it arrives, in order. False on the main thread or in another kind of worker. */
export function runLintWorker(): boolean {
  const data = workerData as LintWorkerData | undefined;
  if (isMainThread || !parentPort || !data?.casemarkLint) return false;
  const port = parentPort;
  let last: Promise<void> = Promise.resolve();
  port.on('message', (job: LintJob | null) => {
    last = last
      .then(async () => {
        if (job === null) port.close();
        else port.postMessage({ index: job.index, messages: await lintText(job, data.budget) } satisfies LintReply);
      })
      // Thrown again outside the chain: the worker fails and its file is reported, rather than the chain answering nothing.
      .catch((error: unknown) => {
        setTimeout(() => {
          throw error;
        });
      });
  });
  return true;
}

export interface LintPoolOptions {
  /** The most workers at once. */
  workers: number;
  /**
   * Start another worker (up to `workers`) only for each `textPerWorker` characters of text added. A worker's start and
   * its JIT warm-up cost about a hundred small files' analysis, so on two cores a second worker slows 300 four-kilobyte
   * files (2.4 s against 2.1 s) and speeds 1,200 (5.2 s against 7 s); they break even near 600 (docs/performance.md).
   */
  textPerWorker?: number;
  budget: AnalysisBudget;
  /** The bundled CLI, which serves as the worker script. */
  script: URL;
}

/** The message for a file a worker was stopped on. */
function stopped(cause: StopCause, elapsedMs: number, budget: AnalysisBudget): WireMessage[] {
  const at = { line: 1, column: 1, offset: 0 };
  return [{ ruleId: 'analysis-stopped', severity: 'error', reason: stoppedText(elapsedMs, cause, budget), place: { start: at, end: at }, url: 'docs/performance.md' }];
}

/**
 * Lint jobs as they are added; results in job order. Workers start with the first job, so their start-up overlaps the
 * reading of the rest. A worker that is stopped or dies costs only the file it was on.
 */
export class LintPool {
  private readonly results: Array<WireMessage[] | undefined> = [];
  private readonly jobs: LintJob[] = [];
  private readonly queue: number[] = [];
  /** Each live worker's feed, called when a job is added or the pool is closed. */
  private readonly feeds = new Set<() => void>();
  private readonly running: Array<Promise<void>> = [];
  /** Workers between lives, waiting for a job or the close (so a worker that quits is not restarted with nothing to do). */
  private waiting: Array<() => void> = [];
  private closed = false;
  private text = 0;
  /** How many workers have been started so far, restarts after a stop included. */
  workersStarted = 0;

  /** `expected`: at most how many jobs will be added, so no more workers start than there will be files. */
  constructor(
    private readonly options: LintPoolOptions,
    private readonly expected: number,
  ) {}

  add(job: LintJob): void {
    const index = this.jobs.length;
    this.jobs.push({ ...job, index });
    this.queue.push(index);
    this.text += job.text.length;
    const { workers, textPerWorker } = this.options;
    const wanted = Math.max(1, Math.min(workers, this.expected, textPerWorker ? Math.ceil(this.text / textPerWorker) : workers));
    while (this.running.length < wanted) this.running.push(this.runWorker());
    this.wake();
  }

  /** No more jobs: the results of all, in the order they were added. */
  async finish(): Promise<WireMessage[][]> {
    this.closed = true;
    this.wake();
    await Promise.all(this.running);
    return this.jobs.map((_, i) => this.results[i] ?? []);
  }

  private wake(): void {
    for (const feed of this.feeds) feed();
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }

  private async runWorker(): Promise<void> {
    while (!this.closed || this.queue.length > 0) {
      if (this.queue.length === 0) await new Promise<void>((resume) => this.waiting.push(resume));
      else await this.oneWorker();
    }
  }

  /** One worker's life: fed until the pool is closed and empty, or until it is stopped (its unfinished files go back). */
  private oneWorker(): Promise<void> {
    const { budget, script } = this.options;
    const { jobs, queue, results, feeds } = this;
    this.workersStarted++;
    return new Promise<void>((resolve) => {
      const worker = new Worker(script, {
        workerData: { casemarkLint: true, budget } satisfies LintWorkerData,
        // The analysis checks its heap against the budget itself, between steps; this hard cap, a little above it,
        // ends the worker if one step alone goes far over (at the cap itself V8 would only collect garbage, slowly).
        resourceLimits: { maxOldGenerationSizeMb: Math.ceil(budget.memoryMb * 1.25) + 32 },
      });
      const given: number[] = [];
      let since = performance.now();
      let done = false;
      let closing = false;
      const watchdog = setInterval(() => {
        if (given.length > 0 && performance.now() - since > budget.timeSeconds * 1000 + graceMs) end('time');
      }, Math.min(1000, Math.max(50, budget.timeSeconds * 100)));
      const feed = () => {
        while (!done && given.length < AHEAD && queue.length > 0) {
          const index = queue.shift() as number;
          if (given.length === 0) since = performance.now();
          given.push(index);
          worker.postMessage(jobs[index]);
        }
        if (this.closed && !done && !closing && given.length === 0 && queue.length === 0) {
          closing = true;
          worker.postMessage(null);
        }
      };
      feeds.add(feed);
      const end = (cause: StopCause | undefined, reason?: string) => {
        if (done) return;
        done = true;
        feeds.delete(feed);
        clearInterval(watchdog);
        const current = given.shift();
        if (current !== undefined) {
          const elapsed = performance.now() - since;
          results[current] = cause ? stopped(cause, elapsed, budget) : [{ ruleId: 'internal-error', severity: 'error', reason: `CaseMark could not check this file (${reason}).`, place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } }];
        }
        queue.unshift(...given.splice(0));
        // The files handed back go to the other workers at once.
        this.wake();
        void worker.terminate().finally(resolve);
      };
      worker.on('message', (reply: LintReply) => {
        const at = given.indexOf(reply.index);
        if (at < 0) return;
        given.splice(at, 1);
        results[reply.index] = reply.messages;
        since = performance.now();
        feed();
      });
      worker.on('error', (error: Error & { code?: string }) => end(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : undefined, error.message));
      // Ended without an error (its queue done, or it quit): anything it still held counts as a failure, never a retry loop.
      worker.on('exit', () => {
        if (given.length > 0) end(undefined, 'the worker stopped');
        else if (!done) {
          done = true;
          feeds.delete(feed);
          clearInterval(watchdog);
          resolve();
        }
      });
      feed();
    });
  }
}

/** Lint every job; results in job order. */
export async function lintInPool(jobs: readonly LintJob[], options: LintPoolOptions): Promise<WireMessage[][]> {
  const pool = new LintPool(options, jobs.length);
  for (const job of jobs) pool.add(job);
  return pool.finish();
}
