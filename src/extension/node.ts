// The desktop (Node) extension host's entry: documents are analysed on a worker thread (dist/analysis-worker.cjs),
// cohorts graded on worker threads (dist/grade-worker.cjs).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { WorkerRunner } from './analysis-worker-runner';
import { activateCaseMark, type CaseMarkApi } from './extension';
import { nodeWorkers } from './worker-ports';

export function activate(context: vscode.ExtensionContext): CaseMarkApi {
  const script = context.asAbsolutePath('dist/grade-worker.cjs');
  // Documents are analysed on a worker thread of their own, so no file holds the thread every extension shares.
  const workers = nodeWorkers(context.asAbsolutePath('dist/analysis-worker.cjs'), (file, heapMb) => new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: heapMb } }));
  return activateCaseMark(context, { workers: availableParallelism(), startWorker: (exercise) => new Worker(script, { workerData: { exercise } }) }, new WorkerRunner(workers));
}

export function deactivate(): void {}
