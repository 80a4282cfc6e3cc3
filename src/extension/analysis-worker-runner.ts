// Analysis on a worker thread of the Node extension host. Requests queue per document and only the newest waits
// (a newer edit supersedes an older one not yet started); a request over the time budget ends the worker (the
// file gets the one analysis-stopped message) and a fresh one takes the queue; the worker's heap is capped a little
// above the memory budget, which analyse() itself checks between steps.
import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import { fromWire, stoppedAnalysis, type Analysis, type AnalysisBudget, type CaseMarkConfig, type CaseModel, type WireMessage } from '../core/index';
import { InThreadRunner, type AnalysisRequest, type AnalysisRunner } from './runner';

export type WorkerRequest = ({ type: 'analyse'; id: number } & AnalysisRequest) | { type: 'forget'; key: string };

export interface WorkerReply {
  id: number;
  model: CaseModel;
  messages: WireMessage[];
  config: CaseMarkConfig;
  prose?: string;
  stopped?: boolean;
}

interface Pending {
  id: number;
  request: AnalysisRequest;
  resolve: (analysis: Analysis | undefined) => void;
}

/** The worker's own start, and the gap between analyse()'s budget checks, before the clock ends it. */
const graceMs = 500;

export class WorkerRunner implements AnalysisRunner {
  private worker?: Worker;
  private budget?: AnalysisBudget;
  private running?: Pending & { started: number };
  /** At most one waiting request per document: the newest. */
  private readonly waiting = new Map<string, Pending>();
  private ids = 0;
  private watchdog?: ReturnType<typeof setInterval>;

  private readonly inPlace = new InThreadRunner();

  constructor(private readonly script: string) {}

  analyse(request: AnalysisRequest): Promise<Analysis | undefined> {
    return new Promise((resolve) => {
      // The older request for this document that has not started is superseded.
      this.waiting.get(request.key)?.resolve(undefined);
      this.waiting.set(request.key, { id: ++this.ids, request, resolve });
      this.next();
    });
  }

  forget(key: string): void {
    this.waiting.get(key)?.resolve(undefined);
    this.waiting.delete(key);
    this.worker?.postMessage({ type: 'forget', key } satisfies WorkerRequest);
  }

  dispose(): void {
    clearInterval(this.watchdog);
    for (const pending of this.waiting.values()) pending.resolve(undefined);
    this.waiting.clear();
    this.running?.resolve(undefined);
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private next(): void {
    if (this.running) return;
    const [key, pending] = this.waiting.entries().next().value ?? [];
    if (!key || !pending) return;
    this.waiting.delete(key);
    const worker = this.workerFor(pending.request.budget);
    this.running = { ...pending, started: performance.now() };
    // VS Code hands settings out as proxies, which structured clone refuses: send them as plain data.
    const config = JSON.parse(JSON.stringify(pending.request.config)) as AnalysisRequest['config'];
    try {
      worker.postMessage({ type: 'analyse', id: pending.id, ...pending.request, config } satisfies WorkerRequest);
    } catch (error) {
      // Never no analysis at all: this one in place, and the worker keeps the rest.
      this.running = undefined;
      void this.inPlace.analyse({ ...pending.request, keep: false }).then(pending.resolve);
      console.error(`CaseMark: could not send an analysis to its worker (${error instanceof Error ? error.message : String(error)})`);
      this.next();
    }
  }

  private workerFor(budget: AnalysisBudget): Worker {
    if (this.worker && this.budget?.memoryMb === budget.memoryMb) return this.worker;
    void this.worker?.terminate();
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: Math.ceil(budget.memoryMb * 1.25) + 32 } });
    this.worker = worker;
    this.budget = budget;
    worker.on('message', (reply: WorkerReply) => {
      const running = this.running;
      if (worker !== this.worker || !running || running.id !== reply.id) return;
      this.running = undefined;
      const file = new VFile({ path: running.request.path, value: running.request.text });
      const messages = fromWire(file, reply.messages);
      running.resolve({ model: reply.model, messages, file, config: reply.config, prose: reply.prose, stopped: reply.stopped });
      this.next();
    });
    worker.on('error', (error: Error & { code?: string }) => this.lost(worker, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : undefined));
    worker.on('exit', () => this.lost(worker, undefined));
    clearInterval(this.watchdog);
    this.watchdog = setInterval(() => {
      const running = this.running;
      if (running && this.worker === worker && performance.now() - running.started > running.request.budget.timeSeconds * 1000 + graceMs) {
        this.lost(worker, 'time');
        void worker.terminate();
      }
    }, 250);
    this.watchdog.unref?.();
    return worker;
  }

  /** The worker is gone (ended by the clock, out of memory, or crashed): its file gets the reason, the queue a new worker. */
  private lost(worker: Worker, cause: 'time' | 'memory' | undefined): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    clearInterval(this.watchdog);
    const running = this.running;
    this.running = undefined;
    if (running) {
      const elapsed = performance.now() - running.started;
      const { request } = running;
      // A crash without a cause is reported as a stop for memory only when that is what it was; else as time.
      running.resolve(stoppedAnalysis(request.text, { path: request.path, config: request.config }, cause ?? 'time', elapsed, request.budget));
    }
    this.next();
  }
}
