// CaseMark's messages as VS Code diagnostics: the one conversion (case files, settings files), and the Problems
// entries of case files, which follow the analyses CaseDocuments announces.
import * as vscode from 'vscode';
import type { CaseMessage, Position, Severity } from '../core/index';
import type { CaseDocuments } from './documents';

const severity: Record<Exclude<Severity, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** unist positions count lines and columns from 1, VS Code from 0. */
export function toRange(position: Position): vscode.Range {
  const { start, end } = position;
  return new vscode.Range(Math.max(0, start.line - 1), Math.max(0, start.column - 1), Math.max(0, end.line - 1), Math.max(0, end.column - 1));
}

export function messageRange(message: CaseMessage): vscode.Range {
  const place = message.place;
  const start = place && 'start' in place ? place.start : { line: message.line ?? 1, column: message.column ?? 1 };
  return toRange({ start, end: place && 'end' in place ? place.end : start });
}

/** A message as a diagnostic; its code links to the rule's page when `docsRoot` (the extension's folder) is given. */
export function toDiagnostic(message: CaseMessage, docsRoot?: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(messageRange(message), message.reason, severity[message.severity] ?? vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'casemark';
  diagnostic.code = message.url && docsRoot ? { value: message.ruleId, target: vscode.Uri.joinPath(docsRoot, ...message.url.split('/')) } : message.ruleId;
  return diagnostic;
}

/** The Problems entries of case files: set on each analysis, gone when CaseMark forgets the file. */
export class CaseDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('casemark');
  private readonly subscriptions: vscode.Disposable[];

  constructor(documents: CaseDocuments, docsRoot: vscode.Uri) {
    this.subscriptions = [
      documents.onDidAnalyse(({ document, analysis }) => this.collection.set(document.uri, analysis.messages.map((m) => toDiagnostic(m, docsRoot)))),
      documents.onDidForget((uri) => this.collection.delete(uri)),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.collection.dispose();
  }
}
