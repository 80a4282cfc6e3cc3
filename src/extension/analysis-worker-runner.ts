// Analysis on a worker of the extension host (worker-ports.ts: a Node worker thread, or a Web Worker in the web
// host). Requests queue per document and only the newest waits (a newer edit supersedes an older one not yet
// started); a request over the time budget ends the worker (the file gets the one analysis-stopped message) and a
// fresh one takes the queue; where the host can, the worker's heap is capped a little above the memory budget, which
// analyse() itself checks between steps. A worker that cannot start, or fails before its first answer, leaves the
// analysis in place (stopped by the budget between steps) rather than none at all. Big texts cost this thread to
// send and to receive, so a document's worker is sent only what changed since its last request, and sends back
// where the prose is blanked rather than the prose itself.
import { VFile } from 'vfile';
import { fromWire, maskRanges, stoppedAnalysis, stoppedText, type Analysis, type AnalysisBudget, type ShareOptions } from '../core/index';
import { InThreadRunner, type AnalysisRequest, type AnalysisRunner, type SharedText } from './runner';
import { textChange } from './text-change';
import { threadTime } from './thread-time';
import type { LostCause, StartWorker, WorkerAnswer, WorkerPort, WorkerReply, WorkerRequest } from './worker-ports';

interface Pending {
  id: number;
  request: AnalysisRequest;
  resolve: (analysis: Analysis | undefined) => void;
}

/** The worker's own start, and the gap between analyse()'s budget checks, before the clock ends it. */
const graceMs = 500;

export class WorkerRunner implements AnalysisRunner {
  private worker?: WorkerPort;
  private budget?: AnalysisBudget;
  private running?: Pending & { started: number };
  /** At most one waiting request per document: the newest. */
  private readonly waiting = new Map<string, Pending>();
  private ids = 0;
  private watchdog?: ReturnType<typeof setInterval>;
  /** Some worker has answered: from then on a lost worker is the file's fault (or chance), not the host's. */
  private answered = false;
  /** No worker could be had: everything runs in place. */
  private broken?: string;
  /** Shut down: no new worker starts, and a late caller (a panel closing with the window) is answered in place. */
  private disposed = false;

  /** The text the current worker holds for each document it keeps: the last one sent for it. */
  private readonly held = new Map<string, string>();

  private readonly inPlace = new InThreadRunner();

  constructor(private readonly startWorker: StartWorker) {}

  /** Where analyses run now. */
  get where(): 'worker' | 'in place' {
    return this.broken === undefined ? 'worker' : 'in place';
  }

  analyse(request: AnalysisRequest): Promise<Analysis | undefined> {
    if (this.broken !== undefined || this.disposed) return this.inPlace.analyse(request);
    return new Promise((resolve) => {
      // The older request for this document that has not started is superseded.
      this.waiting.get(request.key)?.resolve(undefined);
      this.waiting.set(request.key, { id: ++this.ids, request, resolve });
      this.next();
    });
  }

  /**
   * A shareable copy on a worker of its own, started for it and ended after, so it neither waits behind the open
   * documents' analyses nor holds them up. Past the budget, or if the worker is lost, there is no copy (fail closed).
   */
  share(text: string, options: ShareOptions & { budget: AnalysisBudget }): Promise<SharedText> {
    if (this.broken !== undefined || this.disposed) return this.inPlace.share(text, options);
    const { budget } = options;
    return new Promise((resolve) => {
      const started = performance.now();
      let settled = false;
      let worker: WorkerPort | undefined;
      const settle = (shared: SharedText) => {
        if (settled) return;
        settled = true;
        clearTimeout(clock);
        worker?.terminate();
        resolve(shared);
      };
      const none = (cause: LostCause | 'time', detail: string): SharedText => {
        const why = cause === 'memory' || cause === 'time' ? stoppedText(performance.now() - started, cause, budget) : `its worker stopped (${detail})`;
        return { text, mapping: [], dates: '', remaining: 0, incomplete: why };
      };
      const clock = setTimeout(() => settle(none('time', 'over the time budget')), budget.timeSeconds * 1000 + graceMs);
      try {
        worker = this.startWorker(budget);
      } catch (error) {
        settle(none(undefined, error instanceof Error ? error.message : String(error)));
        return;
      }
      worker.onMessage((answer) => {
        if ('shared' in answer) threadTime.measure('taking a shareable copy', () => settle(answer.shared));
      });
      worker.onLost((cause, detail) => settle(none(cause, detail)));
      // VS Code hands settings out as proxies, which structured clone refuses: sent as plain data.
      worker.post({ type: 'share', id: ++this.ids, text, options: JSON.parse(JSON.stringify(options)) as ShareOptions });
    });
  }

  forget(key: string): void {
    this.waiting.get(key)?.resolve(undefined);
    this.waiting.delete(key);
    this.held.delete(key);
    this.inPlace.forget(key);
    this.worker?.post({ type: 'forget', key } satisfies WorkerRequest);
  }

  dispose(): void {
    this.disposed = true;
    clearInterval(this.watchdog);
    for (const pending of this.waiting.values()) pending.resolve(undefined);
    this.waiting.clear();
    this.held.clear();
    this.running?.resolve(undefined);
    this.running = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    this.inPlace.dispose();
  }

  private next(): void {
    if (this.running) return;
    const [key, pending] = this.waiting.entries().next().value ?? [];
    if (!key || !pending) return;
    this.waiting.delete(key);
    this.running = { ...pending, started: performance.now() };
    try {
      const worker = this.workerFor(pending.request.budget);
      worker.post(this.message(pending, this.held.get(key)));
    } catch (error) {
      this.giveUp(`could not start or reach its worker (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  /** The request as sent: the whole text, or the change from `held`, the text the worker holds for the document. */
  private message({ id, request }: Pending, held: string | undefined): WorkerRequest {
    // VS Code hands settings out as proxies, which structured clone refuses: send them as plain data.
    const config = JSON.parse(JSON.stringify(request.config)) as AnalysisRequest['config'];
    if (request.keep) this.held.set(request.key, request.text);
    if (held === undefined) return { type: 'analyse', id, ...request, config };
    return { type: 'analyse', id, ...request, config, text: '', change: textChange(held, request.text) };
  }

  private workerFor(budget: AnalysisBudget): WorkerPort {
    if (this.worker && this.budget?.memoryMb === budget.memoryMb) return this.worker;
    this.worker?.terminate();
    this.worker = undefined;
    this.held.clear();
    const worker = this.startWorker(budget);
    this.worker = worker;
    this.budget = budget;
    worker.onMessage((answer: WorkerAnswer) => threadTime.measure('taking a reply', () => this.take(worker, answer)));
    worker.onLost((cause, detail) => this.lost(worker, cause, detail));
    clearInterval(this.watchdog);
    this.watchdog = setInterval(() => {
      const running = this.running;
      if (running && this.worker === worker && performance.now() - running.started > running.request.budget.timeSeconds * 1000 + graceMs) {
        worker.terminate();
        this.lost(worker, 'time', 'over the time budget');
      }
    }, 250);
    (this.watchdog as { unref?: () => void }).unref?.();
    return worker;
  }

  /** A worker's answer: the running request's analysis, or its text again. */
  private take(worker: WorkerPort, answer: WorkerAnswer): void {
    const running = this.running;
    if (worker !== this.worker || !running || running.id !== answer.id) return;
    this.answered = true;
    if ('shared' in answer) return;
    if ('resend' in answer) {
      worker.post(this.message(running, undefined));
      return;
    }
    this.running = undefined;
    running.resolve(this.analysisOf(running.request, answer));
    this.next();
  }

  private analysisOf(request: AnalysisRequest, reply: WorkerReply): Analysis {
    const { text } = request;
    const file = new VFile({ path: request.path, value: text });
    const analysis: Analysis = { model: reply.model, messages: fromWire(file, reply.messages), file, config: reply.config, stopped: reply.stopped };
    const { nonProse } = reply;
    if (nonProse) {
      // Made when first read (only the viewpoint reads it), once.
      let prose: string | undefined;
      Object.defineProperty(analysis, 'prose', { enumerable: true, get: () => (prose ??= maskRanges(text, nonProse)) });
    }
    return analysis;
  }

  /** The worker is gone (ended by the clock, out of memory, or crashed): its file gets the reason, the queue a new worker. */
  private lost(worker: WorkerPort, cause: LostCause | 'time', detail: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    this.held.clear();
    clearInterval(this.watchdog);
    // Never a worker that answered, and gone for no reason of the file's: the host cannot run one.
    if (!this.answered && cause === undefined) {
      this.giveUp(detail);
      return;
    }
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

  /** From now on in place: the running request and every waiting one too. */
  private giveUp(detail: string): void {
    this.broken = detail;
    this.worker?.terminate();
    this.worker = undefined;
    clearInterval(this.watchdog);
    console.error(`CaseMark: analysing in the extension host's own thread, because ${detail}.`);
    const pending = [...(this.running ? [this.running] : []), ...this.waiting.values()];
    this.running = undefined;
    this.waiting.clear();
    for (const p of pending) void this.inPlace.analyse(p.request).then(p.resolve);
  }
}
