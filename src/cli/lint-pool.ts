// `casemark lint` on worker threads: every file analysed in a worker whose heap is capped at the memory budget and
// which is ended when a file takes longer than the time budget; that file gets one message saying so and the run
// goes on with a fresh worker. Workers are kept two files ahead, as the grading pool does (src/core/exercise/cohort.ts).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { analyse, loadNameTagger, nameTaggerReady, stoppedText, toWire, type AnalysisBudget, type PartialConfig, type StopCause, type WireMessage } from '../core/index';

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
/** A worker's own start-up, and the cooperative check's granularity, on top of the budget before it is ended. */
const graceMs = 250;

/** Whether identifying-detail may run on this text (it needs the name tagger, a third of a second to load). */
function mayNeedNames(text: string, config: LintJob['config']): boolean {
  return /^(?:exercise|shareable)\s*:|identifying-detail|identifiers/m.test(text) || JSON.stringify(config).includes('identifying-detail');
}

/** One file's messages, here: what a worker does, and what a run with no workers does in this thread. */
export async function lintText(job: LintJob, budget: AnalysisBudget): Promise<WireMessage[]> {
  if (!nameTaggerReady() && mayNeedNames(job.text, job.config)) await loadNameTagger();
  return toWire(analyse(job.text, { path: job.path, config: job.config, budget }).messages);
}

/** In a worker: lint each file as it arrives, in order. False on the main thread or in another kind of worker. */
export function runLintWorker(): boolean {
  const data = workerData as LintWorkerData | undefined;
  if (isMainThread || !parentPort || !data?.casemarkLint) return false;
  const port = parentPort;
  let last: Promise<void> = Promise.resolve();
  port.on('message', (job: LintJob | null) => {
    last = last.then(async () => {
      if (job === null) port.close();
      else port.postMessage({ index: job.index, messages: await lintText(job, data.budget) } satisfies LintReply);
    });
  });
  return true;
}

export interface LintPoolOptions {
  workers: number;
  budget: AnalysisBudget;
  /** The bundled CLI, which serves as the worker script. */
  script: URL;
}

/** The message for a file a worker was stopped on. */
function stopped(cause: StopCause, elapsedMs: number, budget: AnalysisBudget): WireMessage[] {
  const at = { line: 1, column: 1, offset: 0 };
  return [{ ruleId: 'analysis-stopped', severity: 'error', reason: stoppedText(elapsedMs, cause, budget), place: { start: at, end: at }, url: 'docs/performance.md' }];
}

/** Lint every job; results in job order. A worker that is stopped or dies costs only the file it was on. */
export async function lintInPool(jobs: readonly LintJob[], options: LintPoolOptions): Promise<WireMessage[][]> {
  const results = new Array<WireMessage[] | undefined>(jobs.length);
  const queue = jobs.map((_, i) => i);
  const { budget } = options;
  const count = Math.max(1, Math.min(options.workers, jobs.length));
  await Promise.all(Array.from({ length: count }, () => runWorker()));
  return results.map((r) => r ?? []);

  async function runWorker(): Promise<void> {
    while (queue.length > 0) await oneWorker();
  }

  /** One worker's life: fed until the queue is empty, or until it is stopped (its unfinished files go back). */
  function oneWorker(): Promise<void> {
    return new Promise<void>((resolve) => {
      const worker = new Worker(options.script, {
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
        if (!done && !closing && given.length === 0 && queue.length === 0) {
          closing = true;
          worker.postMessage(null);
        }
      };
      const end = (cause: StopCause | undefined, reason?: string) => {
        if (done) return;
        done = true;
        clearInterval(watchdog);
        const current = given.shift();
        if (current !== undefined) {
          const elapsed = performance.now() - since;
          results[current] = cause ? stopped(cause, elapsed, budget) : [{ ruleId: 'internal-error', severity: 'error', reason: `CaseMark could not check this file (${reason}).`, place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } }];
        }
        queue.unshift(...given.splice(0));
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
          clearInterval(watchdog);
          resolve();
        }
      });
      feed();
    });
  }
}
