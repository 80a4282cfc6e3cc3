// The two kinds of analysis worker behind one small port: a Node worker thread (the desktop and server extension
// host) and a Web Worker (the web extension host). The runner (analysis-worker-runner.ts) sees only the port.
import type { AnalysisBudget, CaseMarkConfig, CaseModel, ShareOptions, WireMessage } from '../core/index';
import type { AnalysisRequest, SharedText } from './runner';
import type { TextChange } from './text-change';

/**
 * An analysis, with the whole text, or with `change` from the text the worker holds for the document (the last one
 * sent for it, kept when `keep`; `text` is then empty); or a document let go.
 */
export type WorkerRequest = ({ type: 'analyse'; id: number; change?: TextChange } & AnalysisRequest) | { type: 'forget'; key: string } | ShareRequest;

/** A shareable copy of `text`, made on a worker of its own (src/extension/runner.ts: `share`). */
export interface ShareRequest {
  type: 'share';
  id: number;
  text: string;
  options: ShareOptions;
}

export interface ShareAnswer {
  id: number;
  shared: SharedText;
}

export interface WorkerReply {
  id: number;
  model: CaseModel;
  messages: WireMessage[];
  config: CaseMarkConfig;
  /** Where the prose is blanked: the prose is made from the text where it is read, not sent back whole. */
  nonProse?: Array<[number, number]>;
  stopped?: boolean;
}

/** The worker does not hold the text a change was of: the request again, with the whole text. */
export interface WorkerResend {
  id: number;
  resend: true;
}

export type WorkerAnswer = WorkerReply | WorkerResend | ShareAnswer;

/** Why a worker went: out of its heap, or anything else (a crash, or it could not start). */
export type LostCause = 'memory' | undefined;

export interface WorkerPort {
  post(message: WorkerRequest): void;
  onMessage(listener: (answer: WorkerAnswer) => void): void;
  /** Called once, when the worker is gone for a reason of its own (not terminate()). */
  onLost(listener: (cause: LostCause, detail: string) => void): void;
  terminate(): void;
}

/** A fresh worker whose heap the host caps a little above the budget where it can. */
export type StartWorker = (budget: AnalysisBudget) => WorkerPort;

/** The heap a worker may have: above the budget that analyse() checks itself, so the check, not the cap, speaks first. */
export function workerHeapMb(budget: AnalysisBudget): number {
  return Math.ceil(budget.memoryMb * 1.25) + 32;
}

interface NodeWorkerLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (answer: WorkerAnswer) => void): unknown;
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): unknown;
}

/** Node worker threads running `script`, their heap capped. `create` is the Worker constructor (a seam for tests). */
export function nodeWorkers(script: string, create: (script: string, heapMb: number) => NodeWorkerLike): StartWorker {
  return (budget) => {
    const worker = create(script, workerHeapMb(budget));
    let lost: ((cause: LostCause, detail: string) => void) | undefined;
    let ended = false;
    const end = (cause: LostCause, detail: string) => {
      if (ended) return;
      ended = true;
      lost?.(cause, detail);
    };
    worker.on('error', (error) => end(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : undefined, error.message));
    worker.on('exit', (code) => end(undefined, `the worker ended (exit code ${code})`));
    return {
      post: (message) => worker.postMessage(message),
      onMessage: (listener) => void worker.on('message', listener),
      onLost: (listener) => {
        lost = listener;
      },
      terminate: () => {
        ended = true;
        void worker.terminate();
      },
    };
  };
}

export interface WebWorkerLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: WorkerAnswer }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
  terminate(): void;
}

/**
 * Web Workers from the script at the URL `scriptUrl` gives (read once, and shared by every worker started). Starting
 * is asynchronous, so messages posted before the worker exists wait in order. A browser caps no worker's heap.
 */
export function webWorkers(scriptUrl: () => Promise<string>, create: (url: string) => WebWorkerLike): StartWorker {
  let url: Promise<string> | undefined;
  return () => {
    let worker: WebWorkerLike | undefined;
    let ended = false;
    let lost: ((cause: LostCause, detail: string) => void) | undefined;
    let listener: ((answer: WorkerAnswer) => void) | undefined;
    const queued: WorkerRequest[] = [];
    const end = (detail: string) => {
      if (ended) return;
      ended = true;
      worker?.terminate();
      lost?.(undefined, detail);
    };
    url ??= scriptUrl();
    url.then(
      (href) => {
        if (ended) return;
        try {
          worker = create(href);
        } catch (error) {
          end(`the worker could not start (${error instanceof Error ? error.message : String(error)})`);
          return;
        }
        worker.onmessage = (event) => listener?.(event.data);
        worker.onerror = (event) => {
          event.preventDefault?.();
          end(`the worker failed (${event.message ?? 'no reason given'})`);
        };
        for (const message of queued.splice(0)) worker.postMessage(message);
      },
      (error: unknown) => end(`the worker's script could not be read (${error instanceof Error ? error.message : String(error)})`),
    );
    return {
      post: (message) => {
        if (worker) worker.postMessage(message);
        else queued.push(message);
      },
      onMessage: (l) => {
        listener = l;
      },
      onLost: (l) => {
        lost = l;
      },
      terminate: () => {
        ended = true;
        worker?.terminate();
      },
    };
  };
}
