// The web worker extension host's entry (VS Code for the Web): no worker threads, so cohort grading runs in place,
// pausing between files.
import type * as vscode from 'vscode';
import { activateCaseMark, type CaseMarkApi } from './extension';
import { InThreadRunner } from './runner';

export function activate(context: vscode.ExtensionContext): CaseMarkApi {
  // Analysis in place, stopped by the budget between steps (a Web Worker is not done yet: see docs/performance.md).
  return activateCaseMark(context, { workers: 1 }, new InThreadRunner());
}

export function deactivate(): void {}
