// Which open documents are case analyses, their latest analysis, and when to re-analyse (debounced, incremental).
import * as vscode from 'vscode';
import { docsPageUri } from './docs-pages';
import { analyse, declaresCasemark, groupPrompts, IncrementalParser, isCasePath, type Analysis, type CaseMessage, type PartialConfig, type Position, type PromptGroup, type Severity } from '../core/index';
import type { ProjectConfigs } from './config';
import { readSettings, type EditorSettings } from './settings';

interface DocumentState {
  /** The document object analysed: a file closed and opened again is a new object whose versions count from 1 again. */
  document: vscode.TextDocument;
  parser: IncrementalParser;
  analysis?: Analysis;
  /** The document version the analysis is of: quick fixes use its offsets only on that exact text. */
  version?: number;
  /** Settings in force at the last lint, so a fresh analysis can be made at once, without waiting. */
  project?: PartialConfig;
  /** Whether the project's settings have been looked up yet: until then no analysis is made or shown. */
  projectKnown?: boolean;
  /** Counts lints started, so a slower older one never overwrites a newer one. */
  generation: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** A Markdown file is a case analysis by name, or by `casemark:` in frontmatter at its top. */
export function isCaseDocument(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'markdown') return false;
  if (isCasePath(document.uri.path)) return true;
  // Only a file that opens with frontmatter can declare itself. This runs on every keystroke in every
  // Markdown file, so it reads the frontmatter's lines only; the core decides, as it does for the CLI.
  if (!/^\uFEFF?---[ \t]*$/.test(document.lineAt(0).text)) return false;
  const lines = ['---'];
  for (let i = 1; i < document.lineCount; i++) {
    const line = document.lineAt(i).text;
    lines.push(line);
    if (/^---[ \t]*$/.test(line)) break;
  }
  return declaresCasemark(lines.join('\n'));
}

function isOpenInTab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()));
}

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

/** A group's diagnostic text: the most important prompt, and how many more wait at the same place. */
export function diagnosticText(group: PromptGroup): string {
  const more = group.others.length;
  return more === 0 ? group.primary.reason : `${group.primary.reason} (${more === 1 ? 'One more question' : `${more} more questions`} here, below.)`;
}

/** Related information for another rule's prompt: its id first, so the rule can be found and turned off. */
export function relatedText(ruleId: string, reason: string): string {
  return `${ruleId}: ${reason}`;
}

export class CaseDocuments implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  readonly onDidAnalyse = this.changed.event;
  readonly diagnostics = vscode.languages.createDiagnosticCollection('casemark');
  private settings: EditorSettings = readSettings((key) => vscode.workspace.getConfiguration('casemark').get(key));
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Files whose last tab was closed: left alone until opened again. */
  private readonly closed = new Set<string>();

  constructor(private readonly configs: ProjectConfigs) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => {
        this.closed.delete(d.uri.toString());
        this.consider(d, 0);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) if (this.closed.delete(editor.document.uri.toString())) this.consider(editor.document, 0);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.consider(e.document, this.settings.debounceMs)),
      // An old object closing late must not take the state of the file's newer one with it.
      vscode.workspace.onDidCloseTextDocument((d) => {
        const state = this.states.get(d.uri.toString());
        if (!state || state.document === d) this.forget(d.uri);
      }),
      // VS Code keeps a closed file's document alive for a while; the tab closing is what the writer sees.
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) {
          const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
          if (uri && !isOpenInTab(uri)) {
            this.closed.add(uri.toString());
            this.forget(uri);
          }
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('casemark')) return;
        this.settings = readSettings((key) => vscode.workspace.getConfiguration('casemark').get(key));
        this.relintAll();
      }),
      configs.onDidChange(() => this.relintAll()),
    );
    for (const document of vscode.workspace.textDocuments) this.consider(document, 0);
  }

  /** The latest analysis, possibly of an older version: for showing (hovers, lenses, outline). */
  analysisOf(document: vscode.TextDocument): Analysis | undefined {
    return this.stateOf(document)?.analysis;
  }

  /** The latest analysis if it is of exactly the document's current text. */
  upToDateAnalysis(document: vscode.TextDocument): Analysis | undefined {
    const state = this.stateOf(document);
    return state?.version === document.version ? state.analysis : undefined;
  }

  /** An analysis of exactly the document's current text, made now if needed: for computing edits. */
  currentAnalysis(document: vscode.TextDocument): Analysis | undefined {
    const state = this.stateOf(document);
    if (!state?.projectKnown) return undefined;
    if (state.version !== document.version) this.store(document, state, state.project);
    return state.analysis;
  }

  /** The state of this very document object: a version number means nothing across two of them. */
  private stateOf(document: vscode.TextDocument): DocumentState | undefined {
    const state = this.states.get(document.uri.toString());
    return state?.document === document ? state : undefined;
  }

  relintAll(): void {
    for (const document of vscode.workspace.textDocuments) this.consider(document, 0);
  }

  private consider(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    if (this.closed.has(key)) return;
    if (!this.settings.enable || !isCaseDocument(document)) {
      if (this.states.has(key)) this.forget(document.uri);
      return;
    }
    let state = this.states.get(key);
    if (state?.document !== document) {
      if (state) clearTimeout(state.timer);
      state = { document, parser: new IncrementalParser(), generation: 0 };
      this.states.set(key, state);
    }
    clearTimeout(state.timer);
    const run = () => void this.lint(document, state as DocumentState);
    if (delay > 0) state.timer = setTimeout(run, delay);
    else run();
  }

  private async lint(document: vscode.TextDocument, state: DocumentState): Promise<void> {
    const version = document.version;
    const generation = ++state.generation;
    const project = await this.configs.forDocument(document.uri);
    // The config lookup is asynchronous: a newer edit or lint, or closing the file, wins.
    if (document.isClosed || document.version !== version || state.generation !== generation || this.states.get(document.uri.toString()) !== state) return;
    this.store(document, state, project);
  }

  private store(document: vscode.TextDocument, state: DocumentState, project: PartialConfig | undefined): void {
    const analysis = analyse(document.getText(), { path: document.uri.path, config: [this.settings.config, project], parser: state.parser });
    Object.assign(state, { analysis, version: document.version, project, projectKnown: true });
    // One diagnostic per place: prompts sharing it are grouped under the one that matters most, and a prompt
    // repeated per hypothesis is shown once, with the other places as related information.
    this.diagnostics.set(document.uri, groupPrompts(analysis.messages, analysis.model).map((g) => this.toDiagnostic(document.uri, g)));
    this.changed.fire(document);
  }

  private toDiagnostic(uri: vscode.Uri, group: PromptGroup): vscode.Diagnostic {
    const { primary, others } = group;
    const message = primary.message;
    const diagnostic = new vscode.Diagnostic(messageRange(message), diagnosticText(group), severity[message.severity]);
    diagnostic.source = 'casemark';
    diagnostic.code = message.url
      ? { value: message.ruleId, target: docsPageUri(message.url) }
      : message.ruleId;
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

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.states.get(key)?.timer);
    this.states.delete(key);
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const state of this.states.values()) clearTimeout(state.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}
