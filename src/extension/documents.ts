// The one owner of each open case file's analysis: which documents are case analyses, when to analyse them
// (debounced, incremental, within the budget, on the host's runner: a worker thread in the Node host), and the
// announcement of each analysis (onDidAnalyse) and of each file let go (onDidForget). Diagnostics, panels, the
// exercise checklist and the viewpoint subscribe or ask here; nothing else in the extension analyses.
import * as vscode from 'vscode';
import { declaresCasemark, isCasePath, type Analysis } from '../core/index';
import type { ProjectConfigs } from './config';
import type { AnalysisRunner } from './runner';
import { readSettings, type EditorSettings } from './settings';
import { threadTime } from './thread-time';

interface DocumentState {
  /** The document object analysed: a file closed and opened again is a new object whose versions count from 1 again. */
  document: vscode.TextDocument;
  analysis?: Analysis;
  /** The document version the analysis is of: quick fixes use its offsets only on that exact text. */
  version?: number;
  /** Counts lints started, so a slower older one never overwrites a newer one. */
  generation: number;
  timer?: ReturnType<typeof setTimeout>;
}

export interface DocumentAnalysis {
  document: vscode.TextDocument;
  analysis: Analysis;
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

/** Whether any tab still shows the file (VS Code keeps a closed file's document alive a while). */
export function isOpenInTab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()));
}

export class CaseDocuments implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly analysed = new vscode.EventEmitter<DocumentAnalysis>();
  /** A case file was analysed (a newer version, or new settings). */
  readonly onDidAnalyse = this.analysed.event;
  private readonly forgotten = new vscode.EventEmitter<vscode.Uri>();
  /** CaseMark let a file go: closed, no longer a case file, or CaseMark turned off. */
  readonly onDidForget = this.forgotten.event;
  private settings: EditorSettings = readSettings((key) => vscode.workspace.getConfiguration('casemark').get(key));
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Files whose last tab was closed: left alone until opened again. */
  private readonly closed = new Set<string>();

  constructor(
    private readonly configs: ProjectConfigs,
    private readonly runner: AnalysisRunner,
  ) {
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

  /** How long to wait after an edit before analysing again (casemark.debounceMs). */
  get debounceMs(): number {
    return this.settings.debounceMs;
  }

  /** Whether CaseMark analyses this document as you type (a case file, CaseMark on, a tab open). */
  tracks(document: vscode.TextDocument): boolean {
    return this.stateOf(document) !== undefined;
  }

  /** The latest analysis, possibly of an older version: for showing (hovers, lenses, outline). Never waits. */
  analysisOf(document: vscode.TextDocument): Analysis | undefined {
    return this.stateOf(document)?.analysis;
  }

  /** The latest analysis if it is of exactly the document's current text. Never waits. */
  upToDateAnalysis(document: vscode.TextDocument): Analysis | undefined {
    const state = this.stateOf(document);
    return state?.version === document.version ? state.analysis : undefined;
  }

  /** The state of this very document object: a version number means nothing across two of them. */
  private stateOf(document: vscode.TextDocument): DocumentState | undefined {
    const state = this.states.get(document.uri.toString());
    return state?.document === document ? state : undefined;
  }

  /**
   * An analysis of exactly the document's current text, for computing edits: the latest if it is current, else one
   * made now (announced as usual). Undefined for a document CaseMark does not track.
   */
  async analysisNow(document: vscode.TextDocument): Promise<Analysis | undefined> {
    // Each round either finds the current analysis or makes one; an edit in between costs another round.
    for (let round = 0; round < 5; round++) {
      const state = this.stateOf(document);
      if (!state || document.isClosed) return undefined;
      if (state.version === document.version && state.analysis) return state.analysis;
      clearTimeout(state.timer);
      await this.lint(document, state);
    }
    return this.upToDateAnalysis(document);
  }

  /**
   * A one-off analysis of a document CaseMark does not track (CaseMark off for it, or a Markdown file that is not a
   * case file), with the same settings; not announced and not kept. A tracked document gets its own analysis.
   */
  async analysisOfAny(document: vscode.TextDocument): Promise<Analysis> {
    const tracked = await this.analysisNow(document);
    if (tracked) return tracked;
    for (;;) {
      const project = await this.configs.forDocument(document.uri);
      const text = document.getText();
      const once = await this.runner.analyse({ key: `once:${document.uri.toString()}`, text, path: document.uri.path, config: [this.settings.config, project], budget: this.settings.budget, keep: false });
      if (once) return once;
    }
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
      // A reopened file starts afresh: the old object's parser and versions are of another text.
      if (state) {
        clearTimeout(state.timer);
        this.runner.forget(key);
      }
      state = { document, generation: 0 };
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
    const stale = () => document.isClosed || document.version !== version || state.generation !== generation || this.states.get(document.uri.toString()) !== state;
    if (stale()) return;
    const key = document.uri.toString();
    // Reading the text and sending it (or, with no worker, analysing it here) is this thread's share of the work.
    const analysis = await threadTime.measure('sending an analysis', () =>
      this.runner.analyse({ key, text: document.getText(), path: document.uri.path, config: [this.settings.config, project], budget: this.settings.budget, keep: true }),
    );
    // A newer edit superseded this one, or came while it ran: the newer one is announced instead.
    if (!analysis || stale()) return;
    Object.assign(state, { analysis, version });
    threadTime.measure('announcing an analysis', () => this.analysed.fire({ document, analysis }));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const state = this.states.get(key);
    clearTimeout(state?.timer);
    this.states.delete(key);
    if (state) this.runner.forget(key);
    // Announced even when never analysed: listeners may hold something of an earlier life of the file.
    this.forgotten.fire(uri);
  }

  dispose(): void {
    for (const state of this.states.values()) clearTimeout(state.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.analysed.dispose();
    this.forgotten.dispose();
  }
}
