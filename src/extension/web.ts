// The web worker extension host's entry (VS Code for the Web): no worker threads, so cohort grading runs in place,
// pausing between files.
import type * as vscode from 'vscode';
import { activateCaseMark, type CaseMarkApi } from './extension';

export function activate(context: vscode.ExtensionContext): CaseMarkApi {
  return activateCaseMark(context, { workers: 1 });
}

export function deactivate(): void {}
