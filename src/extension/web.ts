// The web worker extension host's entry (VS Code for the Web): documents are analysed in a Web Worker of its own
// (dist/web/analysis-worker.js); no worker threads for grading, so cohorts are graded in place, pausing between files.
import * as vscode from 'vscode';
import { WorkerRunner } from './analysis-worker-runner';
import { activateCaseMark, type CaseMarkApi } from './extension';
import { webWorkers, type WebWorkerLike } from './worker-ports';

export function activate(context: vscode.ExtensionContext): CaseMarkApi {
  // VS Code refuses a worker made from the extension's own URL ("Creating workers from remote extensions"), so the
  // script is read through the workspace file system and started from a blob: URL of this worker's own origin.
  const scriptUrl = async () => {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'analysis-worker.js'));
    return URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'text/javascript' }));
  };
  const runner = new WorkerRunner(webWorkers(scriptUrl, (url) => new Worker(url, { name: 'CaseMark analysis' }) as unknown as WebWorkerLike));
  return activateCaseMark(context, { workers: 1 }, runner);
}

export function deactivate(): void {}
