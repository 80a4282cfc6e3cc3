// The desktop (Node) extension host's entry: cohort grading runs on worker threads (dist/grade-worker.cjs).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { activateCaseMark, type CaseMarkApi } from './extension';

export function activate(context: vscode.ExtensionContext): CaseMarkApi {
  const script = context.asAbsolutePath('dist/grade-worker.cjs');
  return activateCaseMark(context, { workers: availableParallelism(), startWorker: (exercise) => new Worker(script, { workerData: { exercise } }) });
}

export function deactivate(): void {}
