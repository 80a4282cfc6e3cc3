// CaseMark's messages as VS Code diagnostics: the one conversion (case files, settings files), and the Problems
// entries of case files, which follow the analyses CaseDocuments announces.
import * as vscode from 'vscode';
import { groupPrompts, type CaseMessage, type Position, type PromptGroup, type Severity } from '../core/index';
import { docsPageUri } from './docs-pages';
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

/** A message as a diagnostic, its code linking to the rule's page (read-only, inside the extension's docs). */
export function toDiagnostic(message: CaseMessage): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(messageRange(message), message.reason, severity[message.severity] ?? vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'casemark';
  diagnostic.code = message.url ? { value: message.ruleId, target: docsPageUri(message.url) } : message.ruleId;
  return diagnostic;
}

/** A group's diagnostic text: the most important prompt, and how many more wait at the same place. */
export function diagnosticText(group: PromptGroup): string {
  const more = group.others.length;
  return more === 0 ? group.primary.reason : `${group.primary.reason} (${more === 1 ? 'One more question' : `${more} more questions`} here, below.)`;
}

/** Related information for another rule's prompt: its id first, so the rule can be found and turned off. */
export function relatedText(ruleId: string, reason: string): string {
  return `${ruleId}: ${reason}`;
}

/** One diagnostic per place: the prompt that matters most, the others at the place and a repeated prompt's other places as related information. */
export function groupDiagnostic(uri: vscode.Uri, group: PromptGroup): vscode.Diagnostic {
  const { primary, others } = group;
  const diagnostic = toDiagnostic(primary.message);
  diagnostic.message = diagnosticText(group);
  const related = [
    ...primary.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.at)), r.reason)),
    ...others.flatMap((o) => [
      new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, messageRange(o.message)), relatedText(o.message.ruleId, o.reason)),
      ...o.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.at)), relatedText(o.message.ruleId, r.reason))),
    ]),
  ];
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** The Problems entries of case files: set on each analysis, gone when CaseMark forgets the file. */
export class CaseDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('casemark');
  private readonly subscriptions: vscode.Disposable[];

  constructor(documents: CaseDocuments) {
    this.subscriptions = [
      // Prompts sharing a place are one diagnostic under the one that matters most; a prompt repeated per hypothesis
      // is shown once, with the other places as related information.
      documents.onDidAnalyse(({ document, analysis }) => this.collection.set(document.uri, groupPrompts(analysis.messages, analysis.model).map((g) => groupDiagnostic(document.uri, g)))),
      documents.onDidForget((uri) => this.collection.delete(uri)),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.collection.dispose();
  }
}
